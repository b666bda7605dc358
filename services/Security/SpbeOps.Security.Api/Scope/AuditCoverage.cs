namespace SpbeOps.Security.Api.Scope;

/// <summary>
/// One application or infrastructure asset of the scope and its place in the audit plan: a security audit at least
/// every two years (Perpres 95/2018 Pasal 58), so it is due two years after its last reported audit, or now when it
/// was never audited.
/// </summary>
public sealed record AuditCoverage(Guid AssetId, string? Name, string Kind, DateOnly? LastAuditedOn, Guid? LastAuditId, DateOnly DueOn, bool Overdue, bool Planned);

public static class AuditCoverageOf
{
    public const int CycleYears = 2;

    /// <summary>Every target of the scope, its last reported audit (the latest), and whether one is planned or under way.</summary>
    public static IReadOnlyList<AuditCoverage> Scope(SecurityScope scope, IReadOnlyList<AuditEngagement> audits, IReadOnlyDictionary<Guid, KnownAsset> assets, DateOnly today)
    {
        var live = audits.Where(a => !a.Withdrawn).ToList();
        return
        [
            .. scope.ApplicationIds.Select(id => (id, "aplikasi")).Concat(scope.InfrastructureIds.Select(id => (id, "infrastruktur"))).Select(t =>
            {
                var (id, kind) = t;
                var last = live.Where(a => a.ReportedOn is not null && a.TargetAssetIds.Contains(id)).MaxBy(a => a.ReportedOn);
                var due = last?.ReportedOn?.AddYears(CycleYears) ?? today;
                var planned = live.Any(a => a.ReportedOn is null && a.TargetAssetIds.Contains(id));
                return new AuditCoverage(id, assets.GetValueOrDefault(id)?.Asset.Name, kind, last?.ReportedOn, last?.Id, due, due < today || last is null, planned);
            }),
        ];
    }
}
