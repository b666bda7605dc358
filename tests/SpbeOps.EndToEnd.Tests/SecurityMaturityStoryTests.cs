using System.Collections.Concurrent;

namespace SpbeOps.EndToEnd.Tests;

/// <summary>
/// Issue 9's story through the gateway: a fresh instansi's security officer runs information security management
/// (Peraturan BSSN 4/2021) with controls based on the SPBE risks of the Risk service, and security audits (BSSN
/// 8/2024), while Diskominfo audits infrastructure and applications in the Assets service; indicators 22, 29, 30 and
/// 31 climb from 1 to 4 and every step arrives on the live stream.
/// </summary>
public sealed class SecurityMaturityStoryTests(InfrastructureFixture infrastructure) : MaturityStory(infrastructure, indicator: 22)
{
    private static readonly string[] Opds = ["dinkes", "diskominfo"];

    [Fact]
    public async Task Security_and_audit_work_moves_indicators_22_29_30_and_31_from_1_to_4_live_through_the_gateway()
    {
        var today = DateTime.UtcNow;
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd");
        var officer = As("security-officer");
        await SetUpOrganisation([.. Opds.Select(o => (o, o.ToUpperInvariant()))]);

        var changes = new ConcurrentQueue<JsonElement>();
        using var stream = new CancellationTokenSource();
        var listening = ListenAsync(Admin, changes, stream.Token);
        Assert.Equal(1, (await Indicator()).GetProperty("level").GetInt32());

        // 22, level 2: the catalogue from the baseline, a control in place in one OPD.
        await officer.PutAsync("api/security/controls/baseline", null).ShouldBe(HttpStatusCode.OK);
        var controls = (await (await officer.GetAsync("api/security/controls?area=aplikasi").ShouldBe(HttpStatusCode.OK)).ReadJson()).EnumerateArray().ToList();
        var authentication = controls.Single(c => c.GetProperty("code").GetString() == "APL-01").GetProperty("id").GetGuid();
        var dinkes = Operator("dinkes");
        var first = await (await dinkes.PostAsJsonAsync("api/security/implementations", new { opd = "dinkes", controlId = authentication, status = "sebagian" })
            .ShouldBe(HttpStatusCode.Created)).ReadJson();
        await LevelReaches(2);

        // 22, level 3: every OPD, each implementation answering an SPBE risk of its register (Risk service).
        var risks = new Dictionary<string, Guid>();
        foreach (var opd in Opds)
        {
            var op = Operator(opd);
            await op.PostAsJsonAsync("api/risks/contexts", RiskMaturityStoryTests.Context(opd, today.Year)).ShouldBe(HttpStatusCode.Created);
            risks[opd] = (await (await op.PostAsJsonAsync("api/risks", new
            {
                opd, periodYear = today.Year, riskType = "negatif", @event = "Akun admin aplikasi diambil alih", category = "keamanan-spbe",
                impactArea = "layanan-organisasi", likelihoodLevel = 3, impactLevel = 4,
            }).ShouldBe(HttpStatusCode.Created)).ReadJson()).GetProperty("id").GetGuid();
        }
        // The Security service learns the risks from the Risk service's events: until then a risk id is 422 known-risk
        // (and nothing is written), so each write is retried until its risk is known.
        await HttpAssertions.Eventually(async () =>
            (await dinkes.PutAsJsonAsync($"api/security/implementations/{first.GetProperty("id").GetGuid()}",
                new { status = "penuh", riskIds = new[] { risks["dinkes"] }, owner = "Sekretaris Dinkes" })).IsSuccessStatusCode ? "ok" : null, Bounded, "the risk to be known");
        await HttpAssertions.Eventually(async () =>
            (await Operator("diskominfo").PostAsJsonAsync("api/security/implementations",
                new { opd = "diskominfo", controlId = authentication, status = "penuh", riskIds = new[] { risks["diskominfo"] } })).IsSuccessStatusCode ? "ok" : null,
            Bounded, "the second risk to be known");
        var level3 = await LevelReaches(3);
        Assert.Equivalent(new[] { "governance.strategy.byCoordinationTeam", "governance.review.last12Months" }, MissingMetrics(level3));

        // 22, level 4: the Tim Koordinasi SPBE's security strategy, and a review in the last year.
        await officer.PostAsJsonAsync("api/security/governance/policies", new
        {
            indicator = 22, kind = "strategi", number = $"02/TKS/{today.Year}", title = "Strategi Keamanan Informasi", issuer = "tim-koordinasi-spbe",
            date = Day(-20), allOpd = true,
        }).ShouldBe(HttpStatusCode.Created);
        await officer.PostAsJsonAsync("api/security/governance/reviews", new
        {
            indicator = 22, title = "Evaluasi kinerja keamanan informasi", date = Day(-5), allOpd = true, reviewer = "Tim Koordinasi SPBE",
            findings = new[] { "Uji efektivitas kendali belum rutin" },
        }).ShouldBe(HttpStatusCode.Created);
        var level4 = await LevelReaches(4);
        Assert.Equal(["governance.followUp.completed"], MissingMetrics(level4));

        // 31 (Security), 29 and 30 (Assets): each audit indicator climbs the same ladder over its own hal pokok teknis.
        await AuditLadder(officer, "api/security", 31, ["keamanan-aplikasi", "keamanan-infrastruktur"]);
        await AuditLadder(Admin, "api/assets", 29, ["tata-kelola", "infrastruktur", "kinerja"]);
        await AuditLadder(Admin, "api/assets", 30, ["aplikasi-umum", "aplikasi-khusus"]);

        // Each step arrived on the live stream, as the dashboard sees it.
        int[] story = [22, 29, 30, 31];
        await HttpAssertions.Eventually<string?>(() => Task.FromResult(story.All(n => Reached(changes, n, 4)) ? "ok" : null), Bounded,
            "the level-4 events of 22, 29, 30 and 31 on the stream");
        Assert.All(story, n => Assert.Equal([2, 3, 4], Levels(changes, n)));

        // An OPD operator reads the instansi's 22 with evidence reduced to counts.
        var seen = await Indicator(dinkes);
        Assert.Equal(4, seen.GetProperty("level").GetInt32());

        await stream.CancelAsync();
        await listening;
    }

    /// <summary>
    /// An audit indicator from 1 to 4 through <paramref name="service"/>'s governance and audit routes: the audit plan
    /// and an engagement (2), the guideline and an internal audit reported over every subject (3), a certified
    /// external audit reported (4), with what level 5 still needs.
    /// </summary>
    private async Task AuditLadder(HttpClient writer, string service, int indicator, string[] subjects)
    {
        string Day(int offset) => DateTime.UtcNow.AddDays(offset).ToString("yyyy-MM-dd");
        await writer.PostAsJsonAsync($"{service}/governance/programmes", new
        {
            indicator, title = $"Rencana audit indikator {indicator} dua tahunan", date = Day(-30), endDate = Day(300), allOpd = true,
            activities = new[] { "Audit internal", "Audit LATIK" },
        }).ShouldBe(HttpStatusCode.Created);
        var internalAudit = await Audit(writer, service, indicator, subjects, "internal", "Inspektorat", Day(-40));
        await LevelReaches(2, of: indicator);

        await writer.PostAsJsonAsync($"{service}/governance/policies", new
        {
            indicator, kind = "pedoman", number = $"{indicator}/PED/{DateTime.UtcNow.Year}", title = $"Pedoman audit indikator {indicator}", issuer = "walikota",
            date = Day(-60), allOpd = true, covers = subjects,
        }).ShouldBe(HttpStatusCode.Created);
        await Report(writer, service, internalAudit, Day(-30), Day(-10));
        await LevelReaches(3, of: indicator);

        var external = await Audit(writer, service, indicator, subjects, "eksternal", "LATIK Nusantara", Day(-20), ("LATIK-019", Day(400)));
        await Report(writer, service, external, Day(-15), Day(-2));
        Assert.Equal(["audit.findingsFollowedUp"], MissingMetrics(await LevelReaches(4, of: indicator)));
    }

    private static async Task<Guid> Audit(HttpClient writer, string service, int indicator, string[] subjects, string type, string auditor, string start,
        (string Number, string ValidUntil)? certificate = null) =>
        (await (await writer.PostAsJsonAsync($"{service}/audits", new
        {
            indicator, title = $"Audit {indicator} {type}", auditorType = type, auditor, plannedStart = start, covers = subjects, standard = "Peraturan BSSN 8/2024",
            certificateNumber = certificate?.Number, certificateValidUntil = certificate?.ValidUntil,
        }).ShouldBe(HttpStatusCode.Created)).ReadJson()).GetProperty("id").GetGuid();

    private static async Task Report(HttpClient writer, string service, Guid audit, string started, string reported)
    {
        await writer.PostAsJsonAsync($"{service}/audits/{audit}/stage", new { stage = "pelaksanaan", on = started }).ShouldBe(HttpStatusCode.OK);
        await writer.PostAsJsonAsync($"{service}/audits/{audit}/findings", new { title = "Temuan minor", severity = "rendah" }).ShouldBe(HttpStatusCode.Created);
        await writer.PostAsJsonAsync($"{service}/audits/{audit}/stage", new { stage = "pelaporan", on = reported }).ShouldBe(HttpStatusCode.OK);
    }

    private bool IsInstansi(JsonElement c, int indicator) =>
        c.GetProperty("instansi").GetString() == Instansi && c.GetProperty("indicator").GetInt32() == indicator && c.GetProperty("opd").ValueKind == JsonValueKind.Null;

    private bool Reached(IEnumerable<JsonElement> changes, int indicator, int level) =>
        changes.Any(c => IsInstansi(c, indicator) && c.GetProperty("level").GetInt32() == level);

    private List<int> Levels(IEnumerable<JsonElement> changes, int indicator) =>
        [.. changes.Where(c => IsInstansi(c, indicator)).Select(c => c.GetProperty("level").GetInt32())];
}
