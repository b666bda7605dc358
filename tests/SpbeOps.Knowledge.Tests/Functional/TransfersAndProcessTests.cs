namespace SpbeOps.Knowledge.Tests.Functional;

/// <summary>Knowledge-transfer sessions and the KM process steps each OPD performs.</summary>
public sealed class TransfersAndProcessTests(InfrastructureFixture infrastructure, KnowledgeHost host) : KnowledgeApiTest(infrastructure, host)
{
    private const string Transfers = "/api/knowledge/transfers";

    private static object Session(string opd, Guid[]? articles = null) => new
    {
        opd, title = "Alih pengetahuan pengelolaan server", kind = "coaching", heldOn = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd"),
        facilitator = "Tim Infrastruktur Diskominfo", participants = 12, summary = "Praktik pencadangan", articles = articles ?? [],
    };

    [Fact]
    public async Task Sessions_are_recorded_checked_and_cancelled_once()
    {
        var client = Operator("dinkes");
        var article = await PublishedAsync("dinkes");
        var id = Id(await Created(client, Transfers, Session("dinkes", [article])));
        await client.GetAsync($"{Transfers}/{id}/history").ShouldBe(HttpStatusCode.OK);

        var bad = await client.PostAsJsonAsync(Transfers, new { opd = "dinkes", title = "", kind = "rapat", heldOn = "2999-01-01", facilitator = "x", participants = 0 })
            .ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "title", "kind", "heldOn", "participants" }, await bad.FieldErrors(), strict: true);
        var draft = Id(await Created(client, Articles, Body("dinkes")));
        AssertRule(await Problem(client.PostAsJsonAsync(Transfers, Session("dinkes", [draft])), HttpStatusCode.UnprocessableEntity), "unknown-article", "articles");

        await Operator("dishub").GetAsync($"{Transfers}/{id}").ShouldBe(HttpStatusCode.NotFound);
        await Auditor().PostAsJsonAsync($"{Transfers}/{id}/cancellation", new { reason = "x" }).ShouldBe(HttpStatusCode.Forbidden);
        await client.PostAsJsonAsync($"{Transfers}/{id}/cancellation", new { reason = "ditunda" }).ShouldBe(HttpStatusCode.OK);
        AssertRule(await Problem(client.PutAsJsonAsync($"{Transfers}/{id}", Session("dinkes")), HttpStatusCode.Conflict), "cancelled-is-final");
        Assert.Equal(0, (await Ok(Operator("dishub").GetAsync($"{Transfers}?opd=dinkes"))).GetArrayLength());
    }

    [Fact]
    public async Task The_process_view_shows_which_steps_each_opd_performs()
    {
        var article = await PublishedAsync("dinkes");
        await Created(Operator("dishub"), Articles, Body("dishub"));
        await Created(Operator("dinkes"), Transfers, Session("dinkes", [article]));

        var process = (await Ok(Auditor().GetAsync("/api/knowledge/process"))).EnumerateArray().ToDictionary(p => p.GetProperty("opd").GetString()!);
        Assert.Equal(5, process["dinkes"].GetProperty("stepsPerformed").GetInt32());
        Assert.Equal(1, process["dishub"].GetProperty("stepsPerformed").GetInt32());
        Assert.Equal("pengumpulan", process["dishub"].GetProperty("steps")[0].GetProperty("step").GetString());
        Assert.Single((await Ok(Admin().GetAsync("/api/knowledge/process?opd=dishub"))).EnumerateArray());
        await Admin().GetAsync("/api/knowledge/process?opd=Dinas%20X").ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Governance_records_of_indicator_26_are_mounted()
    {
        var programme = await Created(Admin(), "/api/knowledge/governance/programmes", new
        {
            indicator = 26, title = "Program Manajemen Pengetahuan 2026", date = DateTime.UtcNow.AddDays(-5).ToString("yyyy-MM-dd"),
            endDate = DateTime.UtcNow.AddDays(300).ToString("yyyy-MM-dd"), allOpd = true, activities = new[] { "Penyusunan basis pengetahuan" },
        });
        Assert.Equal(26, programme.GetProperty("indicator").GetInt32());
    }
}
