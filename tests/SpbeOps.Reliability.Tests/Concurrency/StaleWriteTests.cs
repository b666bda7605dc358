extern alias assets;
extern alias indicators;

using System.Net.Http.Headers;

namespace SpbeOps.Reliability.Tests.Concurrency;

/// <summary>Issue 7 row 7: two clients edit the same record from the same read; the second is told, not silently lost.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class StaleWriteTests(InfrastructureFixture infrastructure)
    : ServiceTest<ServiceFactory<assets::Program>>(new ServiceFactory<assets::Program>(infrastructure))
{
    private static object Asset(string? location = null, string? manufacturer = null) =>
        new { opd = "dinkes", kind = "hardware", name = "Server SIMPUS", location, manufacturer, stage = "pemanfaatan" };

    private static async Task<HttpResponseMessage> Put(HttpClient client, Guid id, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/assets/{id}") { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Every_record_answers_its_version_as_etag_and_a_stale_if_match_is_412()
    {
        var a = Operator("dinkes");
        var b = Operator("dinkes");
        var created = await a.PostAsJsonAsync("/api/assets", Asset()).ShouldBe(HttpStatusCode.Created);
        Assert.Equal(new EntityTagHeaderValue("\"1\""), created.Headers.ETag);
        var id = Id(await created.ReadJson());

        // Both read version 1.
        var read = await a.GetAsync($"/api/assets/{id}").ShouldBe(HttpStatusCode.OK);
        Assert.Equal("\"1\"", read.Headers.ETag!.Tag);

        var first = await Put(a, id, Asset(location: "Ruang server lt. 2"), "\"1\"").ShouldBe(HttpStatusCode.OK);
        Assert.Equal("\"2\"", first.Headers.ETag!.Tag);
        var stale = await (await Put(b, id, Asset(manufacturer: "Lenovo"), "\"1\"").ShouldBe(HttpStatusCode.PreconditionFailed)).ReadJson();
        AssertRule(stale, "stale-version");
        Assert.Equal(2, stale.GetProperty("currentVersion").GetInt64());

        // A's change survived; B re-reads and retries with the version it now holds.
        var current = await Ok(a.GetAsync($"/api/assets/{id}"));
        Assert.Equal("Ruang server lt. 2", current.GetProperty("location").GetString());
        var retried = await Ok(Put(b, id, Asset(location: "Ruang server lt. 2", manufacturer: "Lenovo"), "\"2\""));
        Assert.Equal(("Ruang server lt. 2", "Lenovo", 3L), (retried.GetProperty("location").GetString(), retried.GetProperty("manufacturer").GetString(),
            retried.GetProperty("version").GetInt64()));

        // Transitions honour it too, and a client that sends no If-Match keeps today's behaviour.
        var transition = new HttpRequestMessage(HttpMethod.Post, $"/api/assets/{id}/transitions")
        {
            Content = JsonContent.Create(new { to = "penghapusan", on = DateOnly.FromDateTime(DateTime.UtcNow) }),
        };
        transition.Headers.TryAddWithoutValidation("If-Match", "W/\"2\"");
        await b.SendAsync(transition).ShouldBe(HttpStatusCode.PreconditionFailed);
        await Ok(Put(b, id, Asset(location: "Gudang"), ifMatch: null));
    }

    [Fact]
    public async Task An_if_match_that_is_not_a_version_is_a_400_naming_the_header()
    {
        var a = Operator("dinkes");
        var id = Id(await Created(a, "/api/assets", Asset()));
        var problem = await (await Put(a, id, Asset(), "version-one").ShouldBe(HttpStatusCode.BadRequest)).ReadJson();
        Assert.True(problem.GetProperty("errors").TryGetProperty("If-Match", out _));
        await Ok(Put(a, id, Asset(location: "Lt. 1"), "*"));
    }
}

/// <summary>Issue 7 row 1: writers of the same indicator state at once are retried inside the service, never a 500.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class SharedStateWriterTests(InfrastructureFixture infrastructure)
    : ServiceTest<ServiceFactory<indicators::Program>>(new ServiceFactory<indicators::Program>(infrastructure))
{
    [Fact]
    public async Task Ten_parallel_self_assessments_of_one_indicator_all_succeed_and_are_all_kept()
    {
        var admin = Admin();
        var answers = await Task.WhenAll(Enumerable.Range(1, 10).Select(i =>
            admin.PutAsJsonAsync("/api/maturity/self-assessment/2", new { level = 1 + i % 5, explanation = $"Penilaian ke-{i}" })));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));

        var history = await Ok(admin.GetAsync("/api/maturity/indicators/2/history"));
        Assert.Equal(10, history.GetArrayLength());
    }

    [Fact]
    public async Task The_opd_list_set_while_self_assessments_arrive_never_answers_500()
    {
        var admin = Admin();
        var organisation = new
        {
            name = "Kota Uji",
            perangkatDaerah = Enumerable.Range(1, 20).Select(i => new { code = $"opd-{i}", name = $"Dinas {i}" }).ToArray(),
        };
        var writes = Enumerable.Range(1, 5).Select(_ => admin.PutAsJsonAsync("/api/maturity/organisation", organisation))
            .Concat(Enumerable.Range(1, 5).Select(i => admin.PutAsJsonAsync("/api/maturity/self-assessment/3", new { level = 2, explanation = $"ke-{i}" })));
        var answers = await Task.WhenAll(writes);
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{a.RequestMessage!.RequestUri}: {(int)a.StatusCode}"));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
    }
}
