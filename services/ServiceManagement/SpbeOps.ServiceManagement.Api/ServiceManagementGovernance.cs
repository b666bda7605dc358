namespace SpbeOps.ServiceManagement.Api;

public static class ServiceManagementGovernance
{
    /// <summary>The TG's change-management process a guideline must cover for indicator 27 level 3.</summary>
    public static readonly string[] ChangeAreas = ["perencanaan", "analisis", "pengembangan", "implementasi", "pemantauan-evaluasi"];

    /// <summary>The two processes of SPBE service management (P59 indicator 28).</summary>
    public static readonly string[] ServiceAreas = ["pelayanan-pengguna", "pengoperasian-layanan"];

    /// <summary>Indicators 27 (manajemen perubahan) and 28 (manajemen layanan): programmes, guidelines, reviews, follow-ups.</summary>
    public static readonly GovernanceOptions Options = new("api/services/governance",
        new Dictionary<int, IReadOnlyList<string>> { [27] = ChangeAreas, [28] = ServiceAreas });
}
