namespace SpbeOps.Knowledge.Tests.Functional;

/// <summary>EXAMPLE: the example record over HTTP, on the real PostgreSQL and RabbitMQ. Replace with the service's own.</summary>
public sealed class ExamplesApiTests(InfrastructureFixture infrastructure, KnowledgeHost host) : KnowledgeApiTest(infrastructure, host)
{
    private const string Route = "/api/knowledge";

    private static object Body(string opd, string title = "Contoh pertama") => new { opd, title, description = "dari uji / from a test" };

    [Fact]
    public async Task Created_example_reads_back_and_its_history_tells_each_change()
    {
        var client = Operator("dinkes");
        var id = Id(await Created(client, Route, Body("dinkes")));
        await client.PutAsJsonAsync($"{Route}/{id}", Body("dinkes", "Contoh kedua")).ShouldBe(HttpStatusCode.OK);

        var example = await Ok(client.GetAsync($"{Route}/{id}"));
        Assert.Equal("Contoh kedua", example.GetProperty("title").GetString());
        Assert.Equal(2, example.GetProperty("version").GetInt64());
        var history = await Ok(client.GetAsync($"{Route}/{id}/history"));
        Assert.Equal(["dibuat / created", "diperbarui / updated: title"], history.EnumerateArray().Select(e => e.GetProperty("change").GetString()));
    }

    [Fact]
    public async Task Invalid_example_is_a_400_naming_each_field()
    {
        var response = await Operator("dinkes").PostAsJsonAsync(Route, new { opd = "Dinas Kesehatan", title = " " }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "opd", "title" }, await response.FieldErrors(), strict: true);
    }

    [Fact]
    public async Task Another_opds_example_is_404_and_not_in_the_list()
    {
        var id = Id(await Created(Operator("dinkes"), Route, Body("dinkes")));
        var other = Operator("dishub");
        await other.GetAsync($"{Route}/{id}").ShouldBe(HttpStatusCode.NotFound);
        await other.PutAsJsonAsync($"{Route}/{id}", Body("dishub")).ShouldBe(HttpStatusCode.NotFound);
        Assert.Equal(0, (await Ok(other.GetAsync($"{Route}?opd=dinkes"))).GetArrayLength());
        Assert.Equal(1, (await Ok(Admin().GetAsync(Route))).GetArrayLength());
    }

    [Fact]
    public async Task Auditor_reads_but_never_writes()
    {
        var id = Id(await Created(Admin(), Route, Body("dinkes")));
        var auditor = Auditor();
        await auditor.GetAsync($"{Route}/{id}").ShouldBe(HttpStatusCode.OK);
        await auditor.PostAsJsonAsync(Route, Body("dinkes")).ShouldBe(HttpStatusCode.Forbidden);
        await auditor.PostAsJsonAsync($"{Route}/{id}/withdrawal", new { reason = "uji" }).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Withdrawal_is_final()
    {
        var client = Operator("dinkes");
        var id = Id(await Created(client, Route, Body("dinkes")));
        await client.PostAsJsonAsync($"{Route}/{id}/withdrawal", new { reason = "tidak dipakai / unused" }).ShouldBe(HttpStatusCode.OK);

        AssertRule(await Problem(client.PutAsJsonAsync($"{Route}/{id}", Body("dinkes")), HttpStatusCode.Conflict), "withdrawn-is-final");
        AssertRule(await Problem(client.PostAsJsonAsync($"{Route}/{id}/withdrawal", new { reason = "lagi" }), HttpStatusCode.Conflict), "withdrawn-is-final");
    }
}
