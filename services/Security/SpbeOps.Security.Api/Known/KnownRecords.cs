using SpbeOps.Contracts.Assets;
using SpbeOps.Contracts.Risk;

namespace SpbeOps.Security.Api.Known;

/// <summary>
/// An asset or application of the Assets service, learned from its events (never from its tables): what an incident,
/// an assessment or an audit may name as its target.
/// </summary>
public sealed class KnownAsset : ILearnedRecord
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public required AssetChangedIntegrationEvent Asset { get; set; }

    public static KnownAsset From(AssetChangedIntegrationEvent m) => new() { Id = m.AssetId, Version = m.Version, Asset = m };
}

/// <summary>An SPBE risk of the Risk service, learned from its events: what a control implementation answers.</summary>
public sealed class KnownRisk : ILearnedRecord
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public required RiskChangedIntegrationEvent Risk { get; set; }

    public static KnownRisk From(RiskChangedIntegrationEvent m) => new() { Id = m.RiskId, Version = m.Version, Risk = m };
}

/// <summary>The checks of ids that name another service's records: each must be known (422 naming the first unknown).</summary>
public static class KnownRecords
{
    public static async Task<Rejection?> UnknownAsset(IQuerySession session, IReadOnlyList<Guid>? ids, string field, CancellationToken ct)
    {
        if (ids is not { Count: > 0 }) return null;
        var known = (await session.LoadManyAsync<KnownAsset>(ct, ids.Distinct().ToArray())).Select(a => a.Id).ToHashSet();
        return First(ids, known) is { } i
            ? new Rejection.BreaksRule(
                $"Aset/aplikasi '{ids[i]}' tidak dikenal (belum terdaftar di layanan Aset) / Asset or application '{ids[i]}' is not known (not registered in the Assets service).",
                "known-asset", $"{field}[{i}]")
            : null;
    }

    public static async Task<Rejection?> UnknownRisk(IQuerySession session, IReadOnlyList<Guid>? ids, CancellationToken ct)
    {
        if (ids is not { Count: > 0 }) return null;
        var known = (await session.LoadManyAsync<KnownRisk>(ct, ids.Distinct().ToArray())).Where(r => !r.Risk.Withdrawn).Select(r => r.Id).ToHashSet();
        return First(ids, known) is { } i
            ? new Rejection.BreaksRule(
                $"Risiko SPBE '{ids[i]}' tidak dikenal atau sudah dicabut (layanan Risiko) / SPBE risk '{ids[i]}' is not known or was withdrawn (Risk service).",
                "known-risk", $"riskIds[{i}]")
            : null;
    }

    private static int? First(IReadOnlyList<Guid> ids, HashSet<Guid> known)
    {
        for (var i = 0; i < ids.Count; i++)
            if (!known.Contains(ids[i])) return i;
        return null;
    }
}
