using SpbeOps.Records;
using SpbeOps.Risk.Api.Contexts;
using SpbeOps.Risk.Api.Risks;

namespace SpbeOps.Risk.Tests.Unit;

/// <summary>Test data: a complete context of the regulation's defaults, and risks assessed against it.</summary>
internal static class Builders
{
    public static readonly DateTimeOffset Now = new(2026, 5, 20, 9, 0, 0, TimeSpan.Zero);

    public static RiskContextRequest CompleteContextRequest(string opd = "diskominfo", int year = 2026) => new(
        opd, year,
        UprName: "Dinas Komunikasi dan Informatika",
        Tasks: "Urusan pemerintahan bidang komunikasi dan informatika",
        Functions: ["Perumusan kebijakan teknis SPBE"],
        Objectives: [new ObjectiveRequest("Meningkatnya layanan digital", "Layanan SPBE andal", "Ketersediaan layanan", "99%")],
        Structure: new StructureRequest(
            new RoleHolderRequest("Ir. Kepala", "Kepala Dinas", null),
            new RoleHolderRequest("Sekretaris", "Sekretaris Dinas", null),
            [new RoleHolderRequest("Kabid Aptika", "Kepala Bidang", null)]),
        DefaultAppetite: new DefaultAppetiteRequest(16, 11));

    public static RiskContext Context(RiskContextRequest? request = null)
    {
        return Accepted(ContextDecider.Decide(Guid.NewGuid(), request ?? CompleteContextRequest(), null, Now));
    }

    /// <summary>The record an accepted decision leads to (the test fails on a rejection).</summary>
    public static T Accepted<T>(Decision<T> decision) where T : class, IRecord<T>
    {
        Assert.Null(decision.Rejection);
        return decision.Next!;
    }

    /// <summary>The rejection of a refused decision, of the expected kind.</summary>
    public static TRejection Rejected<TRejection, T>(Decision<T> decision) where TRejection : Rejection where T : class, IRecord<T>
    {
        Assert.Null(decision.Next);
        return Assert.IsType<TRejection>(decision.Rejection);
    }

    public static RiskRequest Assessment(int likelihood = 4, int impact = 4, string type = "negatif", string category = "infrastruktur-spbe", string? code = null) => new(
        "diskominfo", 2026, type, "Server layanan perizinan tidak dapat diakses", category, "layanan-organisasi", likelihood, impact,
        Code: code,
        Cause: "Catu daya pusat data tidak redundan",
        Impact: "Layanan perizinan terhenti",
        ExistingControls: "UPS 30 menit",
        LikelihoodExplanation: "10 kali setahun",
        ImpactExplanation: "Penurunan kinerja 60%");

    public static RegisteredRisk NewRisk(RiskContext ctx, RiskRequest? request = null, string code = "R-001") =>
        Accepted(RiskDecider.Identify(Guid.NewGuid(), code, request ?? Assessment(), ctx, "api"));

    public static TreatmentRequest Treatment(string option = "mitigasi", int likelihood = 2, int impact = 2) => new(
        option, "Pengadaan genset", "Genset terpasang", new DateOnly(2026, 6, 1), new DateOnly(2026, 9, 30), "Kabid Aptika", likelihood, impact);
}
