using System.Collections.Concurrent;

namespace SpbeOps.EndToEnd.Tests;

/// <summary>
/// The foundation's story, end to end through the gateway: a new instansi sets up its perangkat daerah, runs ICT
/// asset management as a planned, guided, reviewed and improved process, and watches indicator 24 climb to 5
/// live, with the reasons for each level.
/// </summary>
public sealed class AssetMaturityStoryTests(InfrastructureFixture infrastructure) : MaturityStory(infrastructure, indicator: 24)
{
    [Fact]
    public async Task Asset_management_records_move_indicator_24_to_level_5_live_through_the_gateway()
    {
        var dinkes = Operator("dinkes");
        var diskominfo = Operator("diskominfo");
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");

        await SetUpOrganisation(("dinkes", "Dinas Kesehatan"), ("diskominfo", "Dinas Komunikasi dan Informatika"));

        var changes = new ConcurrentQueue<JsonElement>();
        using var stream = new CancellationTokenSource();
        var listening = ListenAsync(Admin, changes, stream.Token);

        Assert.Equal(1, (await Indicator()).GetProperty("level").GetInt32());

        // Level 2: a planned programme.
        await Admin.PostAsJsonAsync("api/assets/governance/programmes", new
        {
            indicator = 24, title = "Program Pengelolaan Aset TIK", date = DateTime.UtcNow.AddDays(-30).ToString("yyyy-MM-dd"),
            endDate = DateTime.UtcNow.AddDays(300).ToString("yyyy-MM-dd"), allOpd = true, activities = new[] { "Inventarisasi" },
        }).ShouldBe(HttpStatusCode.Created);
        await LevelReaches(2);

        // Level 3: a guideline covering the lifecycle, and assets really managed through it.
        await Admin.PostAsJsonAsync("api/assets/governance/policies", new
        {
            indicator = 24, kind = "sop", number = "SOP-ASET/01/2026", title = "SOP Manajemen Aset TIK", issuer = "walikota",
            date = DateTime.UtcNow.AddDays(-20).ToString("yyyy-MM-dd"), allOpd = true,
            covers = new[] { "perencanaan", "pengadaan", "pemanfaatan", "penghapusan" },
        }).ShouldBe(HttpStatusCode.Created);
        var laptop = await (await dinkes.PostAsJsonAsync("api/assets", new { opd = "dinkes", kind = "hardware", name = "Laptop Puskesmas" })
            .ShouldBe(HttpStatusCode.Created)).ReadJson();
        var laptopId = laptop.GetProperty("id").GetGuid();
        await dinkes.PostAsJsonAsync($"api/assets/{laptopId}/transitions", new { to = "pengadaan", on = today }).ShouldBe(HttpStatusCode.OK);
        await dinkes.PostAsJsonAsync($"api/assets/{laptopId}/transitions", new { to = "pemanfaatan", on = today }).ShouldBe(HttpStatusCode.OK);
        var level3 = await LevelReaches(3);
        Assert.Contains(level3.GetProperty("missingForNextLevel").EnumerateArray(),
            c => c.GetProperty("metric").GetString() == "assets.register.opdCoverage");

        // Level 4: the ICT unit's strategy, every OPD's register, a review in the last 12 months.
        await Admin.PostAsJsonAsync("api/assets/governance/policies", new
        {
            indicator = 24, kind = "strategi", number = "800/12/DISKOMINFO/2026", title = "Strategi Pengelolaan Aset TIK", issuer = "kepala-perangkat-daerah",
            issuerOpd = "diskominfo", date = DateTime.UtcNow.AddDays(-10).ToString("yyyy-MM-dd"), allOpd = true,
        }).ShouldBe(HttpStatusCode.Created);
        await diskominfo.PostAsJsonAsync("api/assets", new
        {
            opd = "diskominfo", kind = "application", name = "Portal Resmi", stage = "pemanfaatan",
            application = new { type = "aplikasi-khusus", platform = "web", hosting = "pusat-data-daerah", status = "aktif" },
        }).ShouldBe(HttpStatusCode.Created);
        var review = await (await Admin.PostAsJsonAsync("api/assets/governance/reviews", new
        {
            indicator = 24, title = "Reviu Manajemen Aset TIK", date = DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd"),
            reviewer = "Tim Koordinasi SPBE", allOpd = true, findings = new[] { "Penghapusan aset belum didokumentasikan" },
        }).ShouldBe(HttpStatusCode.Created)).ReadJson();
        var level4 = await LevelReaches(4);
        Assert.Equal(["governance.followUp.completed"], MissingMetrics(level4));

        // Level 5: the review is followed up by a completed improvement.
        var followUp = await (await Admin.PostAsJsonAsync("api/assets/governance/follow-ups", new
        {
            indicator = 24, reviewId = review.GetProperty("id").GetGuid(), title = "Dokumentasikan penghapusan aset", date = today, allOpd = true,
        }).ShouldBe(HttpStatusCode.Created)).ReadJson();
        await Admin.PostAsJsonAsync($"api/assets/governance/follow-ups/{followUp.GetProperty("id").GetGuid()}/completion",
            new { completedOn = today, outcome = "Berita acara penghapusan dibakukan" }).ShouldBe(HttpStatusCode.OK);
        var level5 = await LevelReaches(5);
        Assert.Empty(level5.GetProperty("missingForNextLevel").EnumerateArray());
        Assert.All(level5.GetProperty("levels").EnumerateArray(), l => Assert.True(l.GetProperty("attained").GetBoolean()));

        // The index: indicator 24 at 5 lifts aspect 5 to (5 + 7) × 1.5 / 12 = 1.50 and the domain to 22.5 / 16.5 = 1.36.
        var index = await (await Admin.GetAsync("api/maturity/index").ShouldBe(HttpStatusCode.OK)).ReadJson();
        Assert.Equal(1.50m, index.GetProperty("aspects").EnumerateArray().Single(a => a.GetProperty("number").GetInt32() == 5).GetProperty("index").GetDecimal());
        Assert.Equal(1.36m, index.GetProperty("domains").EnumerateArray().Single(d => d.GetProperty("number").GetInt32() == 3).GetProperty("index").GetDecimal());
        Assert.Equal(1.06m, index.GetProperty("index").GetDecimal());

        // Every step was pushed on the live stream, and kept as history.
        await HttpAssertions.Eventually<string?>(() => Task.FromResult(changes.Any(c => IsInstansi24(c, 5)) ? "ok" : null), Bounded, "the level-5 event on the stream");
        Assert.Equal([2, 3, 4, 5], changes.Where(c => IsInstansi24(c, null)).Select(c => c.GetProperty("level").GetInt32()));
        Assert.Equal([2, 3, 4, 5], (await History()).Select(h => h.GetProperty("level").GetInt32()));

        // An operator sees its own OPD's level and the asset register is still confined to it.
        var own = await Indicator(dinkes, opd: "dinkes");
        Assert.Equal(5, own.GetProperty("level").GetInt32());
        await dinkes.GetAsync("api/maturity/indicators/24?opd=diskominfo").ShouldBe(HttpStatusCode.Forbidden);
        var list = await (await dinkes.GetAsync("api/assets")).ReadJson();
        Assert.All(list.GetProperty("items").EnumerateArray(), a => Assert.Equal("dinkes", a.GetProperty("opd").GetString()));

        await stream.CancelAsync();
        await listening;
    }

    private bool IsInstansi24(JsonElement c, int? level) =>
        c.GetProperty("instansi").GetString() == Instansi && c.GetProperty("indicator").GetInt32() == 24
        && c.GetProperty("opd").ValueKind == JsonValueKind.Null && (level is null || c.GetProperty("level").GetInt32() == level);
}
