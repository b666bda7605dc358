namespace SpbeOps.EndToEnd.Tests;

/// <summary>
/// Issue 3's story through the gateway: an instansi runs SPBE risk management by PermenPANRB 5/2020 and watches
/// indicator 21 move from 1 to 4, with the explanation naming what is missing for level 5.
/// </summary>
public sealed class RiskMaturityStoryTests(InfrastructureFixture infrastructure) : MaturityStory(infrastructure, indicator: 21)
{
    private static readonly string[] Opds = ["dinkes", "diskominfo"];

    [Fact]
    public async Task Risk_management_work_moves_indicator_21_from_1_to_4_and_explains_what_is_missing()
    {
        var today = DateTime.UtcNow;
        var year = today.Year;
        await SetUpOrganisation([.. Opds.Select(o => (o, o.ToUpperInvariant()))]);
        Assert.Equal(1, (await Indicator()).GetProperty("level").GetInt32());

        // Level 2: a planned risk-management programme.
        await Admin.PostAsJsonAsync("api/risks/governance/programmes", new
        {
            indicator = 21, title = $"Program Manajemen Risiko SPBE {year}", date = $"{year}-01-01", endDate = $"{year}-12-31", allOpd = true,
            activities = new[] { "Penetapan konteks", "Penilaian risiko", "Pemantauan" },
        }).ShouldBe(HttpStatusCode.Created);
        await LevelReaches(2);

        // Level 3: every UPR sets its context, assesses its risks with the full Formulir 3.0 and plans treatment
        // for each risk above its appetite.
        var risks = new Dictionary<string, Guid>();
        foreach (var opd in Opds)
        {
            var op = Operator(opd);
            var context = await (await op.PostAsJsonAsync("api/risks/contexts", Context(opd, year)).ShouldBe(HttpStatusCode.Created)).ReadJson();
            Assert.True(context.GetProperty("complete").GetBoolean());
            var risk = await (await op.PostAsJsonAsync("api/risks", new
            {
                opd, periodYear = year, objective = "Layanan SPBE yang andal", riskType = "negatif",
                @event = "Server layanan tidak dapat diakses", cause = "Catu daya tidak redundan", category = "infrastruktur-spbe",
                impact = "Layanan terhenti", impactArea = "layanan-organisasi", existingControls = "UPS 30 menit",
                likelihoodLevel = 4, likelihoodExplanation = "10 kali setahun", impactLevel = 4, impactExplanation = "Kinerja turun 60%",
            }).ShouldBe(HttpStatusCode.Created)).ReadJson();
            Assert.Equal(19, risk.GetProperty("besaran").GetInt32()); // the regulation's matrix, not 4 × 4
            Assert.True(risk.GetProperty("aboveAppetite").GetBoolean());
            risks[opd] = risk.GetProperty("id").GetGuid();
            await op.PostAsJsonAsync($"api/risks/{risks[opd]}/treatments", new
            {
                option = "mitigasi", actionPlan = "Pengadaan genset dan ATS", output = "Genset teruji",
                scheduleStart = $"{year}-06-01", scheduleEnd = $"{year}-12-31", personInCharge = "Kepala Bidang",
                residualLikelihoodLevel = 2, residualImpactLevel = 2,
            }).ShouldBe(HttpStatusCode.Created);
        }
        var level3 = await LevelReaches(3);
        var missingFor4 = MissingMetrics(level3);
        Assert.Contains("governance.strategy.byCommittee", missingFor4);
        Assert.Contains("risk.monitoring.onSchedule", missingFor4);

        // Level 4: a strategic policy of the Komite Manajemen Risiko for all OPD, and monitoring on schedule.
        await Admin.PostAsJsonAsync("api/risks/governance/policies", new
        {
            indicator = 21, kind = "kebijakan", number = $"01/KMR/{year}", title = "Kebijakan Strategis Manajemen Risiko SPBE",
            issuer = "komite-manajemen-risiko", date = today.AddDays(-20).ToString("yyyy-MM-dd"), allOpd = true,
        }).ShouldBe(HttpStatusCode.Created);
        foreach (var opd in Opds)
        {
            await Operator(opd).PostAsJsonAsync("api/risks/monitoring", new
            {
                opd, periodYear = year, kind = "triwulan", quarter = (today.Month - 1) / 3 + 1, reportedOn = today.ToString("yyyy-MM-dd"),
                entries = new[] { new { riskId = risks[opd], likelihoodLevel = 2, impactLevel = 3, treatmentDone = "Genset terpasang", personInCharge = "Kabid" } },
            }).ShouldBe(HttpStatusCode.Created);
        }
        var level4 = await LevelReaches(4);

        // The explanation names what level 5 still needs: review results followed up by a completed improvement.
        Assert.Equal(["governance.followUp.completed"], MissingMetrics(level4));
        var missing = level4.GetProperty("missingForNextLevel")[0];
        Assert.False(missing.GetProperty("met").GetBoolean());
        Assert.Contains("Tindak lanjut", missing.GetProperty("text").GetProperty("id").GetString(), StringComparison.OrdinalIgnoreCase);
        // History is a chain of real moves. It may dip: while a new risk above appetite waits for its treatment
        // plan, the register no longer meets level 3, and the record says so.
        var history = await History();
        Assert.Equal(2, history[0].GetProperty("level").GetInt32());
        Assert.Equal(4, history[^1].GetProperty("level").GetInt32());
        for (var i = 1; i < history.Count; i++)
            Assert.Equal(history[i - 1].GetProperty("level").GetInt32(), history[i].GetProperty("previousLevel").GetInt32());
    }

    internal static object Context(string opd, int year) => new
    {
        opd, periodYear = year, uprName = opd.ToUpperInvariant(), tasks = "Urusan pemerintahan sesuai tugas", functions = new[] { "Pelayanan" },
        objectives = new[] { new { sasaranUpr = "Layanan meningkat", sasaranSpbe = "Layanan SPBE yang andal", indikator = "Ketersediaan", target = "99%" } },
        structure = new
        {
            pemilik = new { name = "Kepala", position = "Kepala Perangkat Daerah" },
            koordinator = new { name = "Sekretaris", position = "Sekretaris" },
            pengelola = new[] { new { name = "Kabid", position = "Kepala Bidang" } },
        },
        defaultAppetite = new { positive = 16, negative = 11 },
    };
}
