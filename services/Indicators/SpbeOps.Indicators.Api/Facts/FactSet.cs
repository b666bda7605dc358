using SpbeOps.Indicators.Api.Organisation;

namespace SpbeOps.Indicators.Api.Facts;

/// <summary>
/// Everything one instansi's metrics are computed from, loaded once per recalculation. A consumer patches in the
/// fact it is about to save, so the recalculation sees it within the same transaction.
/// </summary>
public sealed class FactSet
{
    public OrganisationProfile? Organisation { get; private set; }
    /// <summary>Per OPD (by code), the asset register's counts and samples.</summary>
    public Dictionary<string, AssetRegisterSummary> AssetRegisters { get; private set; } = new(StringComparer.OrdinalIgnoreCase);
    public List<GovernanceFact> Governance { get; private set; } = [];
    public List<RiskContextFact> RiskContexts { get; private set; } = [];
    public List<RiskFact> Risks { get; private set; } = [];
    public List<RiskMonitoringFact> RiskMonitoring { get; private set; } = [];
    /// <summary>Per OPD (by code), its control implementations' counts and samples (indicator 22).</summary>
    public Dictionary<string, SecurityControlSummary> ControlSummaries { get; private set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Audit engagements (indicators 29, 30, 31): a few per instansi, so kept as a list.</summary>
    public List<AuditFact> Audits { get; private set; } = [];

    public static async Task<FactSet> LoadAsync(IQuerySession session, CancellationToken ct) => new()
    {
        Organisation = await session.LoadAsync<OrganisationProfile>(OrganisationProfile.DocumentId, ct),
        AssetRegisters = (await session.Query<AssetRegisterSummary>().ToListAsync(ct)).ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase),
        Governance = [.. await session.Query<GovernanceFact>().ToListAsync(ct)],
        RiskContexts = [.. await session.Query<RiskContextFact>().ToListAsync(ct)],
        Risks = [.. await session.Query<RiskFact>().ToListAsync(ct)],
        RiskMonitoring = [.. await session.Query<RiskMonitoringFact>().ToListAsync(ct)],
        ControlSummaries = (await session.Query<SecurityControlSummary>().ToListAsync(ct)).ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase),
        Audits = [.. await session.Query<AuditFact>().ToListAsync(ct)],
    };

    public FactSet With(OrganisationProfile organisation)
    {
        Organisation = organisation;
        return this;
    }

    public FactSet With(IFact fact)
    {
        switch (fact)
        {
            case AssetFact f: Register(f); break;
            case GovernanceFact f: Replace(Governance, f); break;
            case RiskContextFact f: Replace(RiskContexts, f); break;
            case RiskFact f: Replace(Risks, f); break;
            case RiskMonitoringFact f: Replace(RiskMonitoring, f); break;
            case ControlImplementationFact f: Register(f); break;
            case AuditFact f: Replace(Audits, f); break;
            default: throw new ArgumentException($"Unknown fact {fact.GetType().Name}.");
        }
        return this;
    }

    /// <summary>The summary of one OPD's register as stored (consumers replace it after applying a fact).</summary>
    public FactSet With(AssetRegisterSummary register)
    {
        AssetRegisters[register.Id] = register;
        return this;
    }

    /// <summary>Adds a new asset to the in-memory summaries (tests and benchmarks build registers this way).</summary>
    private void Register(AssetFact asset)
    {
        if (!AssetRegisters.TryGetValue(asset.Opd, out var register))
            AssetRegisters[asset.Opd] = register = new AssetRegisterSummary { Id = asset.Opd };
        register.Add(asset);
    }

    /// <summary>The summary of one OPD's control implementations as stored (consumers replace it after applying a fact).</summary>
    public FactSet With(SecurityControlSummary summary)
    {
        ControlSummaries[summary.Id] = summary;
        return this;
    }

    /// <summary>Adds a new control implementation to the in-memory summaries (tests build them this way).</summary>
    private void Register(ControlImplementationFact implementation)
    {
        if (!ControlSummaries.TryGetValue(implementation.Opd, out var summary))
            ControlSummaries[implementation.Opd] = summary = new SecurityControlSummary { Id = implementation.Opd };
        summary.Add(implementation);
    }

    private IEnumerable<string> OpdWithAssets => AssetRegisters.Values.Where(r => r.Total > 0).Select(r => r.Id);

    /// <summary>
    /// The perangkat daerah of the instansi: the list Diskominfo maintains, or, until it exists, every OPD
    /// that has appeared in any fact.
    /// </summary>
    public IReadOnlyList<string> PerangkatDaerah()
    {
        if (Organisation is { PerangkatDaerah.Count: > 0 } org) return org.PerangkatDaerah.Select(p => p.Code).ToList();
        return OpdWithAssets
            .Concat(Risks.Select(r => r.Opd))
            .Concat(RiskContexts.Select(c => c.Opd))
            .Concat(Governance.SelectMany(g => g.ScopeOpds))
            .Concat(ControlSummaries.Values.Where(c => c.Implemented > 0).Select(c => c.Id))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// OPD codes that records use but the perangkat daerah list does not have: usually a typo or an OPD the list
    /// forgot. Their records count for no OPD, so Diskominfo is shown them.
    /// </summary>
    public IReadOnlyList<string> UnlistedOpd()
    {
        if (Organisation is not { PerangkatDaerah.Count: > 0 } org) return [];
        var listed = org.PerangkatDaerah.Select(p => p.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return OpdWithAssets
            .Concat(Risks.Select(r => r.Opd))
            .Concat(RiskContexts.Select(c => c.Opd))
            .Concat(Governance.SelectMany(g => g.ScopeOpds))
            .Where(o => !listed.Contains(o))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static void Replace<T>(List<T> list, T fact) where T : IFact
    {
        list.RemoveAll(f => f.Id == fact.Id);
        list.Add(fact);
    }
}
