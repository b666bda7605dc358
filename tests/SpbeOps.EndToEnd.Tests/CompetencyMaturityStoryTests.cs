using System.Collections.Concurrent;

namespace SpbeOps.EndToEnd.Tests;

/// <summary>
/// The Competency service's story, end to end through the gateway: a new instansi's Diskominfo draws up its HR plan for
/// the six SPBE areas, registers its staff, records a certification, an assessment and a training, reviews competency
/// fulfilment and follows up, and watches indicator 25 climb from 1 to 5 live. Nobody's name or NIP leaves the
/// Competency service: the explanation an operator reads carries counts only.
/// </summary>
public sealed class CompetencyMaturityStoryTests(InfrastructureFixture infrastructure) : MaturityStory(infrastructure, indicator: 25)
{
    private static readonly string[] Areas = ["proses-bisnis", "arsitektur-spbe", "data-informasi", "keamanan-spbe", "aplikasi-spbe", "infrastruktur-spbe"];

    private static string Day(int offset) => DateTime.UtcNow.AddDays(offset).ToString("yyyy-MM-dd");

    [Fact]
    public async Task Staff_competency_moves_indicator_25_to_level_5_live_through_the_gateway()
    {
        await SetUpOrganisation(("diskominfo", "Dinas Komunikasi dan Informatika"), ("dinkes", "Dinas Kesehatan"));
        var changes = new ConcurrentQueue<JsonElement>();
        using var stream = new CancellationTokenSource();
        var listening = ListenAsync(Admin, changes, stream.Token);
        Assert.Equal(1, (await Indicator()).GetProperty("level").GetInt32());

        // Level 2: this year's HR plan, and one area met (a certified staff member).
        await Admin.PostAsJsonAsync("api/competency/plans", new
        {
            opd = "diskominfo", year = DateTime.UtcNow.Year, needs = Areas.Select(area => new { area, headcount = 1, proficiency = 2 }).ToArray(),
        }).ShouldBe(HttpStatusCode.Created);
        var staff = await (await Admin.PostAsJsonAsync("api/competency/staff", new
        {
            opd = "diskominfo", nip = "198703152010011002", name = "Rahmat Hidayat", jabatan = "Pranata Komputer Ahli Muda", activeFrom = Day(-800),
        }).ShouldBe(HttpStatusCode.Created)).ReadJson();
        var staffId = staff.GetProperty("id").GetGuid();
        await Admin.PostAsJsonAsync("api/competency/certifications", new
        {
            staffId, issuer = "BSSN", number = "BSSN-2026-0042", area = "keamanan-spbe", proficiency = 3, validFrom = Day(-60), validUntil = Day(700),
        }).ShouldBe(HttpStatusCode.Created);
        var level2 = await LevelReaches(2);
        Assert.Equal(["competency.areas.met"], MissingMetrics(level2));

        // Level 3: an assessment finds the six areas at the planned proficiency.
        await Admin.PostAsJsonAsync("api/competency/assessments", new
        {
            staffId, assessedOn = Day(-5), assessor = "LSP Informatika", levels = Areas.ToDictionary(a => a, _ => 2),
        }).ShouldBe(HttpStatusCode.Created);
        var level3 = await LevelReaches(3);
        Assert.Equal(["competency.development.inYear", "governance.review.last12Months"], MissingMetrics(level3));

        // Level 4: a training this year and a review of competency fulfilment.
        await Admin.PostAsJsonAsync("api/competency/trainings", new
        {
            staffId, title = "Bimtek Arsitektur SPBE", area = "arsitektur-spbe", hours = 24, provider = "Kementerian PANRB", completedOn = Day(-1),
        }).ShouldBe(HttpStatusCode.Created);
        var review = await (await Admin.PostAsJsonAsync("api/competency/governance/reviews", new
        {
            indicator = 25, title = "Reviu Pemenuhan Kompetensi SDM SPBE", date = Day(-1), reviewer = "Tim Koordinasi SPBE", allOpd = true,
            findings = new[] { "Sertifikasi keamanan SPBE hanya satu orang" },
        }).ShouldBe(HttpStatusCode.Created)).ReadJson();
        var level4 = await LevelReaches(4);
        Assert.Equal(["governance.followUp.completed"], MissingMetrics(level4));

        // Level 5: the review's follow-up completed.
        var followUp = await (await Admin.PostAsJsonAsync("api/competency/governance/follow-ups", new
        {
            indicator = 25, reviewId = review.GetProperty("id").GetGuid(), title = "Usulkan sertifikasi keamanan kedua", date = Day(0), allOpd = true,
        }).ShouldBe(HttpStatusCode.Created)).ReadJson();
        await Admin.PostAsJsonAsync($"api/competency/governance/follow-ups/{followUp.GetProperty("id").GetGuid()}/completion",
            new { completedOn = Day(0), outcome = "Dua pegawai didaftarkan sertifikasi" }).ShouldBe(HttpStatusCode.OK);
        await LevelReaches(5);

        await HttpAssertions.Eventually<string?>(() => Task.FromResult(changes.Any(c => IsInstansi25(c, 5)) ? "ok" : null), Bounded, "the level-5 event on the stream");
        Assert.Equal([2, 3, 4, 5], changes.Where(c => IsInstansi25(c, null)).Select(c => c.GetProperty("level").GetInt32()));
        Assert.Equal([2, 3, 4, 5], (await History()).Select(h => h.GetProperty("level").GetInt32()));

        // Personal data stays in the Competency service: no name or NIP in any explanation, for any reader.
        foreach (var reader in new[] { Admin, Operator("diskominfo"), Operator("dinkes") })
        {
            var text = await (await reader.GetAsync("api/maturity/indicators/25").ShouldBe(HttpStatusCode.OK)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("Rahmat", text);
            Assert.DoesNotContain("198703152010011002", text);
        }
        await As("security-officer").GetAsync($"api/competency/staff/{staffId}").ShouldBe(HttpStatusCode.NotFound);
        await Operator("dinkes").GetAsync($"api/competency/staff/{staffId}").ShouldBe(HttpStatusCode.NotFound);
        await WithoutToken().GetAsync("api/competency/coverage").ShouldBe(HttpStatusCode.Unauthorized);

        await stream.CancelAsync();
        await listening;
    }

    private bool IsInstansi25(JsonElement c, int? level) =>
        c.GetProperty("instansi").GetString() == Instansi && c.GetProperty("indicator").GetInt32() == 25
        && c.GetProperty("opd").ValueKind == JsonValueKind.Null && (level is null || c.GetProperty("level").GetInt32() == level);
}
