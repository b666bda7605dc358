namespace SpbeOps.Risk.Tests.Functional;

/// <summary>Request bodies as a client sends them (JSON, camelCase).</summary>
internal static class RiskRequests
{
    public const int Year = 2026;

    /// <summary>Every section of Formulir 2.x filled; categories, areas, criteria, matrix and levels from the defaults.</summary>
    public static object Context(string opd, int year = Year, object? structure = null) => new
    {
        opd,
        periodYear = year,
        uprName = $"UPR SPBE {opd}",
        tasks = "Melaksanakan urusan pemerintahan bidang komunikasi dan informatika",
        functions = new[] { "Perumusan kebijakan teknis SPBE", "Pelaksanaan layanan infrastruktur" },
        objectives = new[] { new { sasaranUpr = "Meningkatnya layanan digital", sasaranSpbe = "Layanan SPBE yang andal", indikator = "Ketersediaan layanan", target = "99%" } },
        structure = structure ?? new
        {
            pemilik = new { name = "Kepala Dinas", position = "Kepala Dinas" },
            koordinator = new { name = "Sekretaris", position = "Sekretaris Dinas" },
            pengelola = new[] { new { name = "Kabid Aptika", position = "Kepala Bidang" } },
        },
        stakeholders = new[] { new { name = "BSSN", relation = "eksternal", description = "Pembina keamanan informasi" } },
        regulations = new[] { new { title = "PermenPANRB 5/2020", mandate = "Pedoman Manajemen Risiko SPBE" } },
        appetite = new[] { new { category = "rencana-dan-anggaran", positive = 16, negative = 6 } },
        defaultAppetite = new { positive = 16, negative = 11 },
    };

    public static object Risk(string opd, int likelihood = 4, int impact = 4, string type = "negatif", string category = "infrastruktur-spbe",
        int year = Year, string? code = null, Guid[]? assetIds = null, string? cause = "Catu daya pusat data tidak redundan") => new
    {
        opd,
        periodYear = year,
        code,
        objective = "Layanan SPBE yang andal",
        riskType = type,
        @event = "Server layanan perizinan tidak dapat diakses",
        cause,
        category,
        impact = "Layanan perizinan terhenti",
        impactArea = "layanan-organisasi",
        existingControls = "UPS 30 menit",
        likelihoodLevel = likelihood,
        likelihoodExplanation = "10 kali dalam setahun",
        impactLevel = impact,
        impactExplanation = "Penurunan kinerja 60%",
        assetIds,
    };

    public static object Treatment(string option = "mitigasi", int likelihood = 2, int impact = 2) => new
    {
        option,
        actionPlan = "Pengadaan genset dan ATS",
        output = "Genset terpasang dan teruji",
        scheduleStart = $"{Year}-06-01",
        scheduleEnd = $"{Year}-09-30",
        personInCharge = "Kepala Bidang Aptika",
        residualLikelihoodLevel = likelihood,
        residualImpactLevel = impact,
    };

    public static object Monitoring(string opd, Guid riskId, int quarter = 1, string kind = "triwulan", string reportedOn = "2026-04-05") => new
    {
        opd,
        periodYear = Year,
        kind,
        quarter = kind == "triwulan" ? quarter : (int?)null,
        reportedOn,
        entries = new[]
        {
            new { riskId, likelihoodLevel = 2, impactLevel = 3, treatmentDone = "Genset terpasang", plan = "Uji beban", personInCharge = "Kabid Aptika", schedule = "Juni", recommendation = "Lanjutkan" },
        },
    };

    public static object Step(string action, string? comment = null) => new { action, comment };
}
