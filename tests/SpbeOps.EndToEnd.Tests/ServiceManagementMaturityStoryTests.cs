using System.Collections.Concurrent;

namespace SpbeOps.EndToEnd.Tests;

/// <summary>
/// The ServiceManagement service's story, end to end through the gateway: a new instansi's Diskominfo plans change
/// and service management, issues the guidelines, runs the service desk for every OPD with SLA clocks, operates its
/// services with records, carries changes through assessment, the CAB, their window and a post-implementation review,
/// reviews both processes and follows up, and watches indicators 27 and 28 climb from 1 to 5 live.
/// </summary>
public sealed class ServiceManagementMaturityStoryTests(InfrastructureFixture infrastructure) : MaturityStory(infrastructure, indicator: 27)
{
    private static string Day(int offset) => DateTime.UtcNow.AddDays(offset).ToString("yyyy-MM-dd");

    [Fact]
    public async Task Tickets_services_and_changes_move_indicators_27_and_28_to_level_5_live_through_the_gateway()
    {
        await SetUpOrganisation(("dinkes", "Dinas Kesehatan"), ("diskominfo", "Dinas Komunikasi dan Informatika"));
        var changes = new ConcurrentQueue<JsonElement>();
        using var stream = new CancellationTokenSource();
        var listening = ListenAsync(Admin, changes, stream.Token);
        Assert.Equal(1, (await Indicator()).GetProperty("level").GetInt32());
        Assert.Equal(1, (await Service()).GetProperty("level").GetInt32());

        // Level 2: planned programmes; a change recorded; a ticket handled.
        foreach (var n in new[] { 27, 28 })
            await Admin.PostAsJsonAsync("api/services/governance/programmes", new
            {
                indicator = n, title = $"Program manajemen {(n == 27 ? "perubahan" : "layanan")} SPBE", date = Day(-30), endDate = Day(300), allOpd = true,
                activities = new[] { "Penyusunan SOP", "Pelaksanaan" },
            }).ShouldBe(HttpStatusCode.Created);
        var dinkes = Operator("dinkes");
        var change = await (await dinkes.PostAsJsonAsync("api/changes", new
        {
            opd = "dinkes", title = "Pembaruan SIMPUS ke versi 3", type = "normal", category = "aplikasi",
            implementationPlan = "Pasang rilis 3.0", backoutPlan = "Kembalikan snapshot VM",
        }).ShouldBe(HttpStatusCode.Created)).ReadJson();
        var changeId = change.GetProperty("id").GetGuid();
        await HandledTicketAsync("dinkes");
        await LevelReaches(2);
        var service2 = await ServiceReaches(2);
        Assert.Contains("servicemanagement.processesInUse", MissingMetrics(service2));

        // Level 3: the guidelines; the change assessed, approved by the CAB and implemented in its window; a service operated.
        await Admin.PostAsJsonAsync("api/services/governance/policies", new
        {
            indicator = 27, kind = "pedoman", number = "Perwako 10/2026", title = "Pedoman Manajemen Perubahan SPBE", issuer = "walikota", date = Day(-20), allOpd = true,
            covers = new[] { "perencanaan", "analisis", "pengembangan", "implementasi", "pemantauan-evaluasi" },
        }).ShouldBe(HttpStatusCode.Created);
        await Admin.PostAsJsonAsync("api/services/governance/policies", new
        {
            indicator = 28, kind = "pedoman", number = "Perwako 11/2026", title = "Pedoman Manajemen Layanan SPBE", issuer = "walikota", date = Day(-20), allOpd = true,
            covers = new[] { "pelayanan-pengguna", "pengoperasian-layanan" },
        }).ShouldBe(HttpStatusCode.Created);
        await Admin.PostAsJsonAsync($"api/changes/{changeId}/assessment", new { likelihood = 2, impact = 3, approvers = new[] { "diskominfo-admin" }, quorum = 1 })
            .ShouldBe(HttpStatusCode.OK);
        await Admin.PostAsJsonAsync($"api/changes/{changeId}/votes", new { approve = true, reason = "risiko sedang, rencana mundur ada" }).ShouldBe(HttpStatusCode.OK);
        var now = DateTimeOffset.UtcNow;
        await dinkes.PostAsJsonAsync($"api/changes/{changeId}/schedule", new { windowStart = now.AddHours(-1), windowEnd = now.AddHours(2) }).ShouldBe(HttpStatusCode.OK);
        await dinkes.PostAsJsonAsync($"api/changes/{changeId}/implementation", new { note = "rilis 3.0 terpasang" }).ShouldBe(HttpStatusCode.OK);
        var service = await (await Operator("diskominfo").PostAsJsonAsync("api/services", new
        {
            opd = "diskominfo", code = "simpus", name = "Sistem Informasi Puskesmas", hoursOfService = "Senin–Jumat 08.00–16.00 WIB",
            targets = new[] { new { priority = "tinggi", ttoMinutes = 30, ttrMinutes = 240 } },
        }).ShouldBe(HttpStatusCode.Created)).ReadJson();
        await Operator("diskominfo").PostAsJsonAsync($"api/services/{service.GetProperty("id").GetGuid()}/operations", new
        {
            kind = "reviu-kapasitas", on = Day(0), summary = "Kapasitas penyimpanan 60%",
        }).ShouldBe(HttpStatusCode.OK);
        var level3 = await LevelReaches(3);
        Assert.Contains("changes.reviewedShare", MissingMetrics(level3));
        var service3 = await ServiceReaches(3);
        Assert.Contains("servicedesk.opdCoverage", MissingMetrics(service3));

        // Level 4: the post-implementation review and a review of each process; the service desk in use by every OPD.
        await dinkes.PostAsJsonAsync($"api/changes/{changeId}/review", new { success = true, incidentsCaused = 0, lessons = "Uji beban sebelum rilis" })
            .ShouldBe(HttpStatusCode.OK);
        await HandledTicketAsync("diskominfo");
        var reviews = new Dictionary<int, Guid>();
        foreach (var n in new[] { 27, 28 })
        {
            var review = await (await Admin.PostAsJsonAsync("api/services/governance/reviews", new
            {
                indicator = n, title = $"Reviu manajemen {(n == 27 ? "perubahan" : "layanan")}", date = Day(-2), reviewer = "Inspektorat", allOpd = true,
                findings = new[] { "Perlu perbaikan" },
            }).ShouldBe(HttpStatusCode.Created)).ReadJson();
            reviews[n] = review.GetProperty("id").GetGuid();
        }
        var level4 = await LevelReaches(4);
        Assert.Equal(["governance.followUp.completed"], MissingMetrics(level4));
        var service4 = await ServiceReaches(4);
        Assert.Contains(service4.GetProperty("levels").EnumerateArray().SelectMany(l => l.GetProperty("criteria").EnumerateArray()), c => c.GetProperty("metric").GetString() == "servicedesk.sla.measured"
            && c.GetProperty("evidence").EnumerateArray().Any(e => e.GetProperty("label").GetString()!.Contains("TTR terpenuhi", StringComparison.Ordinal)));

        // Level 5: the reviews' follow-ups completed.
        foreach (var (n, reviewId) in reviews)
        {
            var followUp = await (await Admin.PostAsJsonAsync("api/services/governance/follow-ups", new
            {
                indicator = n, reviewId, title = "Tindak lanjut reviu", date = Day(0), allOpd = true,
            }).ShouldBe(HttpStatusCode.Created)).ReadJson();
            await Admin.PostAsJsonAsync($"api/services/governance/follow-ups/{followUp.GetProperty("id").GetGuid()}/completion",
                new { completedOn = Day(0), outcome = "SOP diperbarui" }).ShouldBe(HttpStatusCode.OK);
        }
        await LevelReaches(5);
        await ServiceReaches(5);

        // Every step was pushed on the live stream.
        await HttpAssertions.Eventually<string?>(() => Task.FromResult(changes.Any(c => IsInstansi(c, 28, 5)) && changes.Any(c => IsInstansi(c, 27, 5)) ? "ok" : null),
            Bounded, "the level-5 events on the stream");
        Assert.Equal([2, 3, 4, 5], changes.Where(c => IsInstansi(c, 27, null)).Select(c => c.GetProperty("level").GetInt32()));
        Assert.Equal([2, 3, 4, 5], changes.Where(c => IsInstansi(c, 28, null)).Select(c => c.GetProperty("level").GetInt32()));

        await stream.CancelAsync();
        await listening;
    }

    /// <summary>An OPD raises a ticket; the service desk assigns, works and resolves it.</summary>
    private async Task HandledTicketAsync(string opd)
    {
        var ticket = await (await Operator(opd).PostAsJsonAsync("api/tickets", new
        {
            opd, kind = "gangguan", title = $"Aplikasi {opd} lambat", impact = "sedang", urgency = "sedang",
        }).ShouldBe(HttpStatusCode.Created)).ReadJson();
        var id = ticket.GetProperty("id").GetGuid();
        await Admin.PostAsJsonAsync($"api/tickets/{id}/assignment", new { opd = "diskominfo", team = "Tim Aplikasi" }).ShouldBe(HttpStatusCode.OK);
        await Admin.PostAsJsonAsync($"api/tickets/{id}/status", new { status = "dikerjakan" }).ShouldBe(HttpStatusCode.OK);
        await Admin.PostAsJsonAsync($"api/tickets/{id}/status", new { status = "selesai", note = "Indeks basis data dibangun ulang" }).ShouldBe(HttpStatusCode.OK);
    }

    private async Task<JsonElement> Service() =>
        await (await Admin.GetAsync("api/maturity/indicators/28").ShouldBe(HttpStatusCode.OK)).ReadJson();

    private async Task<JsonElement> ServiceReaches(int level) =>
        (await HttpAssertions.Eventually<JsonElement?>(async () =>
        {
            var detail = await Service();
            return detail.GetProperty("level").GetInt32() == level ? detail : null;
        }, Bounded, $"indicator 28 to reach level {level}"))!.Value;

    private bool IsInstansi(JsonElement c, int indicator, int? level) =>
        c.GetProperty("instansi").GetString() == Instansi && c.GetProperty("indicator").GetInt32() == indicator
        && c.GetProperty("opd").ValueKind == JsonValueKind.Null && (level is null || c.GetProperty("level").GetInt32() == level);
}
