namespace SpbeOps.Assets.Api.Assets;

/// <summary>
/// Indicators 29 (Audit Infrastruktur SPBE: tata kelola dan manajemen, infrastruktur, kinerja) and 30 (Audit Aplikasi
/// SPBE: Aplikasi Umum and Aplikasi Khusus): the shared audit engagements under <c>/api/assets/audits</c>, over the
/// same hal pokok teknis as their governance records; targets are assets and applications of this register.
/// </summary>
public static class AssetsAudits
{
    public static readonly AuditOptions Options = new("api/assets/audits", new Dictionary<int, IReadOnlyList<string>>
    {
        [29] = AssetsGovernance.Options.Topics[29],
        [30] = AssetsGovernance.Options.Topics[30],
    });
}

/// <summary>An audit's targets must be assets or applications of the register.</summary>
public sealed class RegisteredAssetTargets : IAuditTargets
{
    public async Task<Rejection?> UnknownAsync(IQuerySession session, IReadOnlyList<Guid>? ids, string field, CancellationToken ct)
    {
        if (ids is not { Count: > 0 }) return null;
        var known = (await session.LoadManyAsync<Asset>(ct, ids.Distinct().ToArray())).Select(a => a.Id).ToHashSet();
        for (var i = 0; i < ids.Count; i++)
            if (!known.Contains(ids[i]))
                return new Rejection.BreaksRule($"Aset/aplikasi '{ids[i]}' tidak ada di register / No asset or application '{ids[i]}' in the register.",
                    "known-asset", $"{field}[{i}]");
        return null;
    }
}
