using System.Collections.Concurrent;
using System.Reflection;
using JasperFx;
using Marten.Services.BatchQuerying;
using SpbeOps.Indicators.Api.Live;

namespace SpbeOps.Indicators.Api.Facts;

/// <summary>A fact on its way in: the message it came in, the fact, the indicator it feeds and how to explain it.</summary>
public sealed record PendingFact(Guid MessageId, Fact Fact, int Indicator, string What);

/// <summary>
/// Applies facts per instansi in batches (issue 8; the batching itself is <see cref="TenantBatches{T}"/>): a batch is
/// one transaction: the latest fact per record (by version: a redelivery changes nothing), the register
/// summaries, and one recalculation of the scopes its facts touch (decisions 4, 6, 15).
/// </summary>
public sealed class FactBatcher
{
    public const int MaxBatch = 256;

    private readonly IDocumentStore store;
    private readonly MaturityEngine engine;
    private readonly ILogger<FactBatcher> logger;
    private readonly CommittedLevelChanges live;
    private readonly TenantBatches<PendingFact> _batches;

    public FactBatcher(IDocumentStore store, MaturityEngine engine, CommittedLevelChanges live, ILogger<FactBatcher> logger)
    {
        this.store = store;
        this.engine = engine;
        this.live = live;
        this.logger = logger;
        _batches = new TenantBatches<PendingFact>(ApplyAsync, MaxBatch, logger);
    }

    /// <summary>Completes when the batch holding <paramref name="fact"/> is committed.</summary>
    public Task SubmitAsync(string instansi, PendingFact fact, CancellationToken ct) => _batches.SubmitAsync(instansi, fact, ct);

    /// <summary>Applies <paramref name="batch"/> in one transaction of <paramref name="instansi"/>.</summary>
    public async Task ApplyAsync(string instansi, IReadOnlyList<PendingFact> batch, CancellationToken ct)
    {
        await using var session = store.LightweightSession(instansi);

        // Idempotent without dedupe markers (decision 4): a fact is a record's whole state at a producer version, and
        // a copy replaces the stored one only when its version is higher, so a redelivered or older message changes
        // nothing. A marker per message doubled the rows each batch writes, for no guarantee the version check lacks
        // (issue 8). The stored copies of the batch's records are read in one round trip.
        var lookup = session.CreateBatchQuery();
        var stored = batch.GroupBy(f => f.Fact.GetType())
            .Select(g => LoadFacts(lookup, g.Key, [.. g.Select(f => f.Fact.Id).Distinct()])).ToList();
        await lookup.Execute(ct);
        var now = DateTimeOffset.UtcNow;

        // Keep latest: the newest version of each record in the batch, stored only when newer than the stored one.
        var latest = batch.GroupBy(f => (f.Fact.GetType(), f.Fact.Id)).Select(g => g.MaxBy(f => f.Fact.Version)!).ToList();
        var previous = new Dictionary<(Type, Guid), Fact>();
        foreach (var facts in stored)
            foreach (var fact in await facts)
                previous[(fact.GetType(), fact.Id)] = fact;
        var changed = latest.Where(f => !previous.TryGetValue((f.Fact.GetType(), f.Fact.Id), out var p) || p.Version < f.Fact.Version).ToList();
        if (changed.Count == 0) return;

        // A new fact inserted meanwhile by another replica fails the save (DocumentAlreadyExists); the retry finds it
        // stored and compares versions.
        session.InsertObjects(changed.Where(f => !previous.ContainsKey((f.Fact.GetType(), f.Fact.Id))).Select(f => (object)f.Fact));
        session.StoreObjects(changed.Where(f => previous.ContainsKey((f.Fact.GetType(), f.Fact.Id))).Select(f => (object)f.Fact));
        session.Store(new KnownTenant { Id = instansi, LastFactAt = now });
        await RecalculateAsync(session, instansi, changed, previous, ct);

        var levelChanges = CommittedLevelChanges.Pending(session);
        await session.SaveChangesAsync(ct);
        live.Push(instansi, levelChanges);
    }

    private async Task RecalculateAsync(
        IDocumentSession session, string instansi, IReadOnlyList<PendingFact> changed, Dictionary<(Type, Guid), Fact> previous, CancellationToken ct)
    {
        Fact? PreviousOf(Fact f) => previous.GetValueOrDefault((f.GetType(), f.Id));

        var facts = await FactSet.LoadAsync(session, ct);
        var assets = changed.Select(f => f.Fact).OfType<AssetFact>().ToList();
        if (assets.Count > 0) await UpdateRegistersAsync(session, facts, assets, a => PreviousOf(a) as AssetFact, ct);
        var risks = changed.Select(f => f.Fact).OfType<RiskFact>().ToList();
        if (risks.Count > 0) await UpdateRiskRegistersAsync(session, facts, risks, r => PreviousOf(r) as RiskFact, ct);
        var datasets = changed.Select(f => f.Fact).OfType<DatasetFact>().ToList();
        if (datasets.Count > 0) await DataCatalogueSummary.UpdateAsync(session, facts, datasets, d => PreviousOf(d) as DatasetFact, ct);
        var implementations = changed.Select(f => f.Fact).OfType<ControlImplementationFact>().ToList();
        if (implementations.Count > 0) await UpdateControlSummariesAsync(session, facts, implementations, i => PreviousOf(i) as ControlImplementationFact, ct);
        var serviceManagement = changed.Select(f => f.Fact).Where(f => f is ServiceFact or TicketFact or ChangeFact).Cast<OpdFact>().ToList();
        if (serviceManagement.Count > 0) await ServiceManagementSummary.UpdateAsync(session, facts, serviceManagement, f => PreviousOf(f) as OpdFact, ct);
        CompetencyRegisterSummary.Update(session, facts, [.. changed.Select(f => f.Fact).Where(f => f is StaffFact or CompetencyEvidenceFact)], PreviousOf);
        var articles = changed.Select(f => f.Fact).OfType<KnowledgeArticleFact>().ToList();
        if (articles.Count > 0) await KnowledgeBaseSummary.UpdateAsync(session, facts, articles, a => PreviousOf(a) as KnowledgeArticleFact, ct);
        foreach (var f in changed.Where(f => f.Fact is not (AssetFact or RiskFact or DatasetFact or ControlImplementationFact or ServiceFact or TicketFact or ChangeFact
                     or StaffFact or CompetencyEvidenceFact or KnowledgeArticleFact))) facts.With(f.Fact);

        // Only the scopes the facts touch: their OPD (and the ones they left), or every OPD for an all-OPD record.
        List<string>? opds = [];
        foreach (var f in changed)
        {
            if (Fact.Touched(f.Fact, PreviousOf(f.Fact)) is not { } touched)
            {
                opds = null;
                break;
            }
            opds.AddRange(touched);
        }

        var reason = changed.Count == 1
            ? $"berubah / changed: {changed[0].What}"
            : $"berubah / changed: {changed.Count} catatan / records: {string.Join("; ", changed.Take(3).Select(f => f.What))}{(changed.Count > 3 ? "; …" : "")}";
        var changes = await engine.RecalculateAsync(session, facts, changed.Select(f => f.Indicator), reason, ct, opds);
        foreach (var change in changes)
            logger.LogInformation("Indicator {Indicator} ({Scope}) of {Instansi}: level {From} → {To}",
                change.Indicator, change.Opd ?? "instansi", instansi, change.PreviousLevel, change.Level);
    }

    private static readonly ConcurrentDictionary<Type, Func<IBatchedQuery, Guid[], Task<IReadOnlyList<Fact>>>> Loaders = new();

    /// <summary>The stored facts of one fact class, in a batched query: any class a fact kind produces, no list to extend.</summary>
    private static Task<IReadOnlyList<Fact>> LoadFacts(IBatchedQuery batch, Type factType, Guid[] ids) =>
        Loaders.GetOrAdd(factType, t => typeof(FactBatcher).GetMethod(nameof(LoadFactsOf), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(t).CreateDelegate<Func<IBatchedQuery, Guid[], Task<IReadOnlyList<Fact>>>>())(batch, ids);

    private static async Task<IReadOnlyList<Fact>> LoadFactsOf<TFact>(IBatchedQuery batch, Guid[] ids) where TFact : Fact =>
        [.. await batch.LoadMany<TFact>().ById(ids)];

    /// <summary>Moves each asset between the counts of its OPD's register (or two OPDs', when it changed OPD).</summary>
    private static async Task UpdateRegistersAsync(
        IDocumentSession session, FactSet facts, IReadOnlyList<AssetFact> assets, Func<AssetFact, AssetFact?> previousOf, CancellationToken ct)
    {
        var touched = new Dictionary<string, AssetRegisterSummary>(StringComparer.OrdinalIgnoreCase);
        AssetRegisterSummary RegisterOf(string opd)
        {
            if (touched.TryGetValue(opd, out var t)) return t;
            var r = facts.AssetRegisters.TryGetValue(opd, out var stored) ? stored : new AssetRegisterSummary { Id = opd };
            return touched[opd] = r;
        }

        foreach (var asset in assets)
        {
            if (previousOf(asset) is { } previous) RegisterOf(previous.Opd).Remove(previous);
            RegisterOf(asset.Opd).Add(asset);
        }

        var applied = assets.Select(a => a.Id).ToArray();
        foreach (var r in touched.Values)
        {
            if (r.NeedsSamples)
            {
                // Each list is sampled from its own set (a sample of the active assets may hold few in use). The
                // stored copies of the assets being applied are the previous ones, so those come from memory instead.
                var opd = r.Id;
                var inUse = await session.Query<AssetFact>()
                    .Where(a => a.Opd == opd && !applied.Contains(a.Id) && a.Stage == AssetRegisterSummary.InUseStage)
                    .OrderBy(a => a.Name).Take(AssetRegisterSummary.Samples).ToListAsync(ct);
                var active = await session.Query<AssetFact>()
                    .Where(a => a.Opd == opd && !applied.Contains(a.Id) && a.Stage != AssetRegisterSummary.Disposed)
                    .OrderBy(a => a.Name).Take(AssetRegisterSummary.Samples).ToListAsync(ct);
                r.Resample(inUse, active, assets);
            }
            session.Store(r);
            facts.With(r);
        }
    }

    /// <summary>Moves each risk between the counts of its OPD's register of its period (or two, when it moved).</summary>
    private static async Task UpdateRiskRegistersAsync(
        IDocumentSession session, FactSet facts, IReadOnlyList<RiskFact> risks, Func<RiskFact, RiskFact?> previousOf, CancellationToken ct)
    {
        var touched = new Dictionary<string, RiskRegisterSummary>(StringComparer.OrdinalIgnoreCase);
        RiskRegisterSummary RegisterOf(RiskFact risk)
        {
            var id = RiskRegisterSummary.IdFor(risk.Opd, risk.PeriodYear);
            if (touched.TryGetValue(id, out var t)) return t;
            return touched[id] = facts.RiskRegisters.TryGetValue(id, out var stored) ? stored : RiskRegisterSummary.For(risk);
        }

        foreach (var risk in risks)
        {
            if (previousOf(risk) is { } previous) RegisterOf(previous).Remove(previous);
            RegisterOf(risk).Add(risk);
        }

        var applied = risks.Select(r => r.Id).ToArray();
        foreach (var r in touched.Values)
        {
            if (r.NeedsSamples)
            {
                // A few of each kind the lists show, from the stored risks of this register (not those being applied,
                // whose stored copies are the previous versions).
                var (opd, year) = (r.Opd, r.PeriodYear);
                var register = session.Query<RiskFact>().Where(f => f.Opd == opd && f.PeriodYear == year && !f.Withdrawn && !applied.Contains(f.Id));
                var candidates = new List<RiskFact>();
                candidates.AddRange(await register.Where(f => !f.AssessmentComplete).Take(RiskRegisterSummary.Samples).ToListAsync(ct));
                candidates.AddRange(await register.Where(f => f.AssessmentComplete).Take(RiskRegisterSummary.Samples).ToListAsync(ct));
                candidates.AddRange(await register.Where(f => f.AboveAppetite && !f.TreatmentDecided).Take(RiskRegisterSummary.Samples).ToListAsync(ct));
                candidates.AddRange(await register.Where(f => f.AboveAppetite && f.TreatmentDecided).Take(RiskRegisterSummary.Samples).ToListAsync(ct));
                r.Resample(candidates, risks);
            }
            session.Store(r);
            facts.With(r);
        }
    }

    /// <summary>Moves each control implementation between the counts of its OPD's summary (as the asset registers do).</summary>
    private static async Task UpdateControlSummariesAsync(
        IDocumentSession session, FactSet facts, IReadOnlyList<ControlImplementationFact> implementations,
        Func<ControlImplementationFact, ControlImplementationFact?> previousOf, CancellationToken ct)
    {
        var touched = new Dictionary<string, SecurityControlSummary>(StringComparer.OrdinalIgnoreCase);
        SecurityControlSummary SummaryOf(string opd)
        {
            if (touched.TryGetValue(opd, out var t)) return t;
            var r = facts.ControlSummaries.TryGetValue(opd, out var stored) ? stored : new SecurityControlSummary { Id = opd };
            return touched[opd] = r;
        }

        foreach (var implementation in implementations)
        {
            if (previousOf(implementation) is { } previous) SummaryOf(previous.Opd).Remove(previous);
            SummaryOf(implementation.Opd).Add(implementation);
        }

        var applied = implementations.Select(a => a.Id).ToArray();
        foreach (var r in touched.Values)
        {
            if (r.NeedsSamples)
            {
                var opd = r.Id;
                var candidates = await session.Query<ControlImplementationFact>()
                    .Where(i => i.Opd == opd && !applied.Contains(i.Id) && i.Implemented)
                    .OrderBy(i => i.RiskBased).ThenBy(i => i.ControlCode).Take(SecurityControlSummary.Samples * 2).ToListAsync(ct);
                r.Resample(candidates, implementations);
            }
            session.Store(r);
            facts.With(r);
        }
    }
}
