namespace SpbeOps.Knowledge.Tests.Functional;

/// <summary>A published article past its review-by date is flagged stale until its periodic review is confirmed (a test clock).</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class StaleArticleTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private readonly AdjustableClock _clock = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private KnowledgeApiFactory? _factory;
    private readonly string _instansi = Tenants.New();

    public Task InitializeAsync()
    {
        _factory = new KnowledgeApiFactory(infrastructure, _clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Stale_after_the_review_by_date_and_fresh_again_after_the_review()
    {
        var author = _factory!.CreateClientFor("opd-operator", _instansi, "dinkes");
        var admin = _factory.CreateClientFor("diskominfo-admin", _instansi);
        var created = await (await author.PostAsJsonAsync("/api/knowledge/articles", new { opd = "dinkes", title = "Panduan", body = "Isi" }).ShouldBe(HttpStatusCode.Created)).ReadJson();
        var id = created.GetProperty("id").GetGuid();
        await author.PostAsJsonAsync($"/api/knowledge/articles/{id}/submission", new { }).ShouldBe(HttpStatusCode.OK);
        await admin.PostAsJsonAsync($"/api/knowledge/articles/{id}/publication", new { reviewBy = "2026-06-30" }).ShouldBe(HttpStatusCode.OK);

        async Task<bool> Stale() => (await (await admin.GetAsync($"/api/knowledge/articles/{id}/rendered").ShouldBe(HttpStatusCode.OK)).ReadJson()).GetProperty("stale").GetBoolean();
        Assert.False(await Stale());
        _clock.Advance(TimeSpan.FromDays(121)); // 2026-06-30 is the last day it is fresh
        Assert.False(await Stale());
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.True(await Stale());
        var list = await (await admin.GetAsync("/api/knowledge/articles?stale=true").ShouldBe(HttpStatusCode.OK)).ReadJson();
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.True(list.GetProperty("items")[0].GetProperty("stale").GetBoolean());

        await admin.PostAsJsonAsync($"/api/knowledge/articles/{id}/review-confirmation", new { reviewBy = "2027-07-01", note = "masih berlaku" }).ShouldBe(HttpStatusCode.OK);
        Assert.False(await Stale());
    }
}
