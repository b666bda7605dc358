namespace SpbeOps.Security.Api;

public static class SecurityGovernance
{
    /// <summary>
    /// Indicator 22 (Manajemen Keamanan Informasi: a guideline covers the six processes of Peraturan BSSN 4/2021
    /// Pasal 3; the strategy is the Tim Koordinasi SPBE's) and 31 (Audit Keamanan SPBE: the audit guideline covers the
    /// hal pokok teknis; the audit plan is its programme).
    /// </summary>
    public static readonly GovernanceOptions Options = new(
        "api/security/governance",
        new Dictionary<int, IReadOnlyList<string>>
        {
            [22] = ["ruang-lingkup", "penanggung-jawab", "perencanaan", "dukungan-pengoperasian", "evaluasi-kinerja", "perbaikan-berkelanjutan"],
            [31] = SecurityAudits.Subjects,
        });
}
