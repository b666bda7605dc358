using System.Collections.Concurrent;

namespace SpbeOps.EndToEnd.Tests;

/// <summary>
/// The Knowledge service's story, end to end through the gateway: a new instansi runs a KM programme, issues a KM
/// guideline covering the five steps of the KM process, its OPD write, review and publish articles, a lesson learned
/// is captured from another service's record, KM is reviewed and followed up, and indicator 26 climbs from 1 to 5
/// live; meanwhile search finds the published articles for any member.
/// </summary>
public sealed class KnowledgeMaturityStoryTests(InfrastructureFixture infrastructure) : MaturityStory(infrastructure, indicator: 26)
{
    private static string Day(int offset) => DateTime.UtcNow.AddDays(offset).ToString("yyyy-MM-dd");

    [Fact]
    public async Task The_knowledge_base_moves_indicator_26_to_level_5_live_through_the_gateway()
    {
        await SetUpOrganisation(("dinkes", "Dinas Kesehatan"), ("dishub", "Dinas Perhubungan"), ("diskominfo", "Dinas Komunikasi dan Informatika"));

        var changes = new ConcurrentQueue<JsonElement>();
        using var stream = new CancellationTokenSource();
        var listening = ListenAsync(Admin, changes, stream.Token);
        Assert.Equal(1, (await Indicator()).GetProperty("level").GetInt32());

        // Level 2: a planned KM programme this year.
        await Admin.PostAsJsonAsync("api/knowledge/governance/programmes", new
        {
            indicator = 26, title = "Program Manajemen Pengetahuan SPBE", date = Day(-30), endDate = Day(300), allOpd = true, activities = new[] { "Basis pengetahuan" },
        }).ShouldBe(HttpStatusCode.Created);
        await LevelReaches(2);

        // Level 3: the KM guideline covering the five steps, and the KM application in use (a published article).
        await Admin.PostAsJsonAsync("api/knowledge/governance/policies", new
        {
            indicator = 26, kind = "pedoman", number = "Perwako 11/2026", title = "Pedoman Manajemen Pengetahuan SPBE", issuer = "walikota", date = Day(-20), allOpd = true,
            covers = new[] { "pengumpulan", "pengolahan", "penyimpanan", "penggunaan", "alih-pengetahuan" },
        }).ShouldBe(HttpStatusCode.Created);
        await PublishAsync("dinkes", "Pencadangan basis data SIK Puskesmas", "Cadangan harian disimpan di pusat data kota.");
        var level3 = await LevelReaches(3);
        Assert.Contains("knowledge.base.opdCoverage", MissingMetrics(level3));
        Assert.Contains("knowledge.articles.integrated", MissingMetrics(level3));

        // Level 4: every OPD publishes, a lesson learned captured from another service's record, a review.
        await PublishAsync("dishub", "Prosedur perawatan server ATCS", "Periksa suhu ruang server setiap pekan.");
        var captured = await (await Admin.PostAsJsonAsync("api/knowledge/articles/from-source", new
        {
            opd = "diskominfo", sourceService = "security", sourceKind = "incident", sourceId = "INC-2026-001", sourceReference = "Defacement situs kelurahan",
            title = "Pelajaran dari insiden defacement situs kelurahan", body = "Tambal CMS setiap bulan; pulihkan dari cadangan.",
        }).ShouldBe(HttpStatusCode.Created)).ReadJson();
        var capturedId = captured.GetProperty("id").GetGuid();
        var reviewer = As("opd-operator", "diskominfo");
        await reviewer.PostAsJsonAsync($"api/knowledge/articles/{capturedId}/submission", new { }).ShouldBe(HttpStatusCode.OK);
        await reviewer.PostAsJsonAsync($"api/knowledge/articles/{capturedId}/publication", new { }).ShouldBe(HttpStatusCode.OK);
        var review = await (await Admin.PostAsJsonAsync("api/knowledge/governance/reviews", new
        {
            indicator = 26, title = "Reviu Manajemen Pengetahuan", date = Day(-2), reviewer = "Tim Koordinasi SPBE", allOpd = true, findings = new[] { "Alih pengetahuan belum terjadwal" },
        }).ShouldBe(HttpStatusCode.Created)).ReadJson();
        var level4 = await LevelReaches(4);
        Assert.Equal(["governance.followUp.completed"], MissingMetrics(level4));

        // Level 5: the review's follow-up completed.
        var followUp = await (await Admin.PostAsJsonAsync("api/knowledge/governance/follow-ups", new
        {
            indicator = 26, reviewId = review.GetProperty("id").GetGuid(), title = "Jadwalkan alih pengetahuan", date = Day(0), allOpd = true,
        }).ShouldBe(HttpStatusCode.Created)).ReadJson();
        await Admin.PostAsJsonAsync($"api/knowledge/governance/follow-ups/{followUp.GetProperty("id").GetGuid()}/completion",
            new { completedOn = Day(0), outcome = "Jadwal alih pengetahuan triwulanan ditetapkan" }).ShouldBe(HttpStatusCode.OK);
        await LevelReaches(5);

        await HttpAssertions.Eventually<string?>(() => Task.FromResult(changes.Any(c => IsInstansi26(c, 5)) ? "ok" : null), Bounded, "the level-5 event on the stream");
        Assert.Equal([2, 3, 4, 5], changes.Where(c => IsInstansi26(c, null)).Select(c => c.GetProperty("level").GetInt32()));
        Assert.Equal([2, 3, 4, 5], (await History()).Select(h => h.GetProperty("level").GetInt32()));

        // Any member searches the published articles through the gateway; the auditor writes nothing.
        var hits = await (await Operator("dishub").GetAsync("api/knowledge/articles/search?q=defacement").ShouldBe(HttpStatusCode.OK)).ReadJson();
        Assert.Equal(capturedId, hits.GetProperty("items")[0].GetProperty("id").GetGuid());
        await As("auditor").PostAsJsonAsync("api/knowledge/articles", new { opd = "dinkes", title = "x", body = "y" }).ShouldBe(HttpStatusCode.Forbidden);

        await stream.CancelAsync();
        await listening;
    }

    /// <summary>The OPD's operator drafts and submits; Diskominfo reviews and publishes.</summary>
    private async Task PublishAsync(string opd, string title, string body)
    {
        var author = Operator(opd);
        var article = await (await author.PostAsJsonAsync("api/knowledge/articles", new { opd, title, body, category = "panduan", tags = new[] { opd } })
            .ShouldBe(HttpStatusCode.Created)).ReadJson();
        var id = article.GetProperty("id").GetGuid();
        await author.PostAsJsonAsync($"api/knowledge/articles/{id}/submission", new { }).ShouldBe(HttpStatusCode.OK);
        await Admin.PostAsJsonAsync($"api/knowledge/articles/{id}/publication", new { }).ShouldBe(HttpStatusCode.OK);
    }

    private bool IsInstansi26(JsonElement c, int? level) =>
        c.GetProperty("instansi").GetString() == Instansi && c.GetProperty("indicator").GetInt32() == 26
        && c.GetProperty("opd").ValueKind == JsonValueKind.Null && (level is null || c.GetProperty("level").GetInt32() == level);
}
