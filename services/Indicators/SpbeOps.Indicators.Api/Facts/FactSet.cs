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
    /// <summary>Per OPD and period (<see cref="RiskRegisterSummary.IdFor"/>), the risk register's counts and samples.</summary>
    public Dictionary<string, RiskRegisterSummary> RiskRegisters { get; private set; } = new(StringComparer.OrdinalIgnoreCase);
    public List<RiskMonitoringFact> RiskMonitoring { get; private set; } = [];
    /// <summary>Per OPD (by code), its control implementations' counts and samples (indicator 22).</summary>
    public Dictionary<string, SecurityControlSummary> ControlSummaries { get; private set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Audit engagements (indicators 29, 30, 31): a few per instansi, so kept as a list.</summary>
    public List<AuditFact> Audits { get; private set; } = [];
    /// <summary>Per OPD (by code), the data catalogue's counts and samples (indicator 23).</summary>
    public Dictionary<string, DataCatalogueSummary> DataCatalogues { get; private set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Per OPD (by code), its changes, tickets and services (indicators 27 and 28).</summary>
    public Dictionary<string, ServiceManagementSummary> ServiceManagement { get; private set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>The HR plans of every OPD and year (indicator 25; a few per OPD).</summary>
    public List<HrPlanFact> HrPlans { get; private set; } = [];
    /// <summary>Per OPD (by code), its SPBE staff and competency evidence (indicator 25).</summary>
    public Dictionary<string, CompetencyRegisterSummary> CompetencyRegisters { get; private set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Per OPD (by code), the knowledge base's counts and samples (indicator 26).</summary>
    public Dictionary<string, KnowledgeBaseSummary> KnowledgeBases { get; private set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Everything in one round trip (a Marten batched query): seven sequential queries were most of the time a
    /// small batch of facts took, and so of the freshness under load (issue 8).
    /// </summary>
    public static async Task<FactSet> LoadAsync(IQuerySession session, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var organisation = batch.Load<OrganisationProfile>(OrganisationProfile.DocumentId);
        var assetRegisters = batch.Query<AssetRegisterSummary>().ToList();
        var governance = batch.Query<GovernanceFact>().ToList();
        var riskContexts = batch.Query<RiskContextFact>().ToList();
        var riskRegisters = batch.Query<RiskRegisterSummary>().ToList();
        var riskMonitoring = batch.Query<RiskMonitoringFact>().ToList();
        var controlSummaries = batch.Query<SecurityControlSummary>().ToList();
        var audits = batch.Query<AuditFact>().ToList();
        var dataCatalogues = batch.Query<DataCatalogueSummary>().ToList();
        var serviceManagement = batch.Query<ServiceManagementSummary>().ToList();
        var hrPlans = batch.Query<HrPlanFact>().ToList();
        var competencyRegisters = batch.Query<CompetencyRegisterSummary>().ToList();
        var knowledgeBases = batch.Query<KnowledgeBaseSummary>().ToList();
        await batch.Execute(ct);
        return new FactSet
        {
            Organisation = await organisation,
            AssetRegisters = (await assetRegisters).ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase),
            Governance = [.. await governance],
            RiskContexts = [.. await riskContexts],
            RiskRegisters = (await riskRegisters).ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase),
            RiskMonitoring = [.. await riskMonitoring],
            ControlSummaries = (await controlSummaries).ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase),
            Audits = [.. await audits],
            DataCatalogues = (await dataCatalogues).ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase),
            ServiceManagement = (await serviceManagement).ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase),
            HrPlans = [.. await hrPlans],
            CompetencyRegisters = (await competencyRegisters).ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase),
            KnowledgeBases = (await knowledgeBases).ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase),
        };
    }

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
            case RiskFact f: RegisterRisk(f); break;
            case RiskMonitoringFact f: Replace(RiskMonitoring, f); break;
            case ControlImplementationFact f: Register(f); break;
            case AuditFact f: Replace(Audits, f); break;
            case DatasetFact f: CatalogueOf(f.Opd).Add(f); break;
            case ServiceFact or TicketFact or ChangeFact: ServiceManagementOf(((OpdFact)fact).Opd).Add((OpdFact)fact); break;
            case HrPlanFact f: Replace(HrPlans, f); break;
            case StaffFact f: CompetencyOf(f.Opd).Add(f); break;
            case CompetencyEvidenceFact f: CompetencyOf(f.Opd).Add(f); break;
            case KnowledgeArticleFact f: KnowledgeBaseOf(f.Opd).Add(f); break;
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

    /// <summary>The summary of one OPD's risk register as stored (consumers replace it after applying a fact).</summary>
    public FactSet With(RiskRegisterSummary register)
    {
        RiskRegisters[register.Id] = register;
        return this;
    }

    /// <summary>Adds a new risk to the in-memory summaries (tests and benchmarks build registers this way).</summary>
    private void RegisterRisk(RiskFact risk)
    {
        var id = RiskRegisterSummary.IdFor(risk.Opd, risk.PeriodYear);
        if (!RiskRegisters.TryGetValue(id, out var register)) RiskRegisters[id] = register = RiskRegisterSummary.For(risk);
        register.Add(risk);
    }

    /// <summary>The summary of one OPD's data catalogue as stored (consumers replace it after applying a fact).</summary>
    public FactSet With(DataCatalogueSummary catalogue)
    {
        DataCatalogues[catalogue.Id] = catalogue;
        return this;
    }

    /// <summary>One OPD's catalogue summary, created empty when it has none (tests add new datasets through it).</summary>
    public DataCatalogueSummary CatalogueOf(string opd) =>
        DataCatalogues.TryGetValue(opd, out var c) ? c : DataCatalogues[opd] = new DataCatalogueSummary { Id = opd };

    /// <summary>One OPD's service-management summary, created empty when it has none.</summary>
    public ServiceManagementSummary ServiceManagementOf(string opd) =>
        ServiceManagement.TryGetValue(opd, out var s) ? s : ServiceManagement[opd] = new ServiceManagementSummary { Id = opd };
    /// <summary>One OPD's staff and competency evidence, created empty when it has none (tests add facts through it).</summary>
    public CompetencyRegisterSummary CompetencyOf(string opd) =>
        CompetencyRegisters.TryGetValue(opd, out var c) ? c : CompetencyRegisters[opd] = new CompetencyRegisterSummary { Id = opd };
    /// <summary>The summary of one OPD's knowledge base as stored (consumers replace it after applying a fact).</summary>
    public FactSet With(KnowledgeBaseSummary knowledgeBase)
    {
        KnowledgeBases[knowledgeBase.Id] = knowledgeBase;
        return this;
    }

    /// <summary>One OPD's knowledge-base summary, created empty when it has none.</summary>
    public KnowledgeBaseSummary KnowledgeBaseOf(string opd) =>
        KnowledgeBases.TryGetValue(opd, out var k) ? k : KnowledgeBases[opd] = new KnowledgeBaseSummary { Id = opd };

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

    private IEnumerable<string> OpdWithRegisters => AssetRegisters.Values.Where(r => r.Total > 0).Select(r => r.Id)
        .Concat(DataCatalogues.Values.Where(c => c.Total > 0).Select(c => c.Id))
        .Concat(ServiceManagement.Values.Where(s => s.Changes + s.Tickets + s.ServicesOperated > 0).Select(s => s.Id))
        .Concat(HrPlans.Where(p => !p.Withdrawn).Select(p => p.Opd))
        .Concat(KnowledgeBases.Values.Where(k => k.Total > 0).Select(k => k.Id));

    /// <summary>
    /// The perangkat daerah of the instansi: the list Diskominfo maintains, or, until it exists, every OPD
    /// that has appeared in any fact.
    /// </summary>
    public IReadOnlyList<string> PerangkatDaerah()
    {
        if (Organisation is { PerangkatDaerah.Count: > 0 } org) return org.PerangkatDaerah.Select(p => p.Code).ToList();
        return OpdWithRegisters
            .Concat(RiskRegisters.Values.Select(r => r.Opd))
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
        return OpdWithRegisters
            .Concat(RiskRegisters.Values.Select(r => r.Opd))
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
