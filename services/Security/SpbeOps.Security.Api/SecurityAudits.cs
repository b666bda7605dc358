namespace SpbeOps.Security.Api;

/// <summary>
/// Indicator 31 (Audit Keamanan SPBE, Peraturan BSSN 8/2024): the shared audit engagements under
/// <c>/api/security/audits</c>, over the hal pokok teknis of a security audit; targets are the assets and
/// applications learned from the Assets service.
/// </summary>
public static class SecurityAudits
{
    public static readonly string[] Subjects = ["keamanan-aplikasi", "keamanan-infrastruktur"];

    public static readonly AuditOptions Options = new("api/security/audits", new Dictionary<int, IReadOnlyList<string>> { [31] = Subjects });
}

/// <summary>An audit's targets must be assets or applications this service learned from the Assets service.</summary>
public sealed class KnownAssetTargets : IAuditTargets
{
    public Task<Rejection?> UnknownAsync(IQuerySession session, IReadOnlyList<Guid>? ids, string field, CancellationToken ct) =>
        KnownRecords.UnknownAsset(session, ids, field, ct);
}
