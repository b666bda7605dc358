using MassTransit;
using SpbeOps.Contracts.Assets;
using SpbeOps.Contracts.Governance;
using SpbeOps.Contracts.Risk;

namespace SpbeOps.Indicators.Api.Facts;

/// <summary>
/// Keeps the latest fact per source record and recomputes the indicators that fact feeds, in one transaction with
/// the dedupe marker (the shared duplicate-safe consumer, docs/architecture.md decision 15). A redelivered message
/// (same MessageId) or an older version changes nothing.
/// </summary>
public sealed class FactsConsumer(IDocumentStore store, MaturityEngine engine, ILogger<FactsConsumer> logger) :
    IConsumer<AssetChangedIntegrationEvent>,
    IConsumer<GovernanceRecordChangedIntegrationEvent>,
    IConsumer<RiskContextChangedIntegrationEvent>,
    IConsumer<RiskChangedIntegrationEvent>,
    IConsumer<RiskMonitoringRecordedIntegrationEvent>
{
    public const int AssetIndicator = 24;
    public const int RiskIndicator = 21;

    public Task Consume(ConsumeContext<AssetChangedIntegrationEvent> c) =>
        Apply(c, c.Message.Instansi, AssetFact.From(c.Message), AssetIndicator, $"aset / asset '{c.Message.Name}' ({c.Message.Opd}): {c.Message.Stage}");

    public Task Consume(ConsumeContext<GovernanceRecordChangedIntegrationEvent> c) =>
        Apply(c, c.Message.Instansi, GovernanceFact.From(c.Message), c.Message.Indicator,
            $"{c.Message.RecordType} '{c.Message.Title}'{(c.Message.Withdrawn ? " dicabut / withdrawn" : "")}");

    public Task Consume(ConsumeContext<RiskContextChangedIntegrationEvent> c) =>
        Apply(c, c.Message.Instansi, RiskContextFact.From(c.Message), RiskIndicator, $"konteks risiko / risk context {c.Message.Opd} {c.Message.PeriodYear}");

    public Task Consume(ConsumeContext<RiskChangedIntegrationEvent> c) =>
        Apply(c, c.Message.Instansi, RiskFact.From(c.Message), RiskIndicator, $"risiko / risk {c.Message.Opd}: {c.Message.Category} (besaran {c.Message.Besaran})");

    public Task Consume(ConsumeContext<RiskMonitoringRecordedIntegrationEvent> c) =>
        Apply(c, c.Message.Instansi, RiskMonitoringFact.From(c.Message), RiskIndicator,
            $"pemantauan risiko / risk monitoring {c.Message.Opd} {c.Message.Kind} {c.Message.ReportedOn:yyyy-MM-dd}");

    private Task Apply<TFact>(ConsumeContext context, string instansi, TFact fact, int indicator, string what) where TFact : class, IFact =>
        store.ConsumeOnceAsync(context, nameof(FactsConsumer), instansi, async (session, ct) =>
        {
            var (stored, previous) = await session.KeepLatestAsync(fact, ct);
            if (!stored) return;
            session.Store(new KnownTenant { Id = instansi, LastFactAt = DateTimeOffset.UtcNow });
            var facts = await FactSet.LoadAsync(session, ct);
            if (fact is AssetFact asset) await UpdateRegistersAsync(session, facts, previous as AssetFact, asset, ct);
            else facts.With(fact);
            var changes = await engine.RecalculateAsync(session, facts, [indicator], $"berubah / changed: {what}", ct);
            foreach (var change in changes)
                logger.LogInformation("Indicator {Indicator} ({Scope}) of {Instansi}: level {From} → {To}",
                    change.Indicator, change.Opd ?? "instansi", instansi, change.PreviousLevel, change.Level);
        });

    /// <summary>Moves the asset between the counts of its OPD's register (or two OPDs', when it changed OPD).</summary>
    private static async Task UpdateRegistersAsync(IDocumentSession session, FactSet facts, AssetFact? previous, AssetFact asset, CancellationToken ct)
    {
        AssetRegisterSummary RegisterOf(string opd) =>
            facts.AssetRegisters.TryGetValue(opd, out var r) ? r : new AssetRegisterSummary { Id = opd };

        var touched = new List<AssetRegisterSummary>();
        if (previous is not null)
        {
            var old = RegisterOf(previous.Opd);
            old.Remove(previous);
            touched.Add(old);
        }
        var register = RegisterOf(asset.Opd);
        register.Add(asset);
        if (!touched.Contains(register)) touched.Add(register);

        foreach (var r in touched)
        {
            if (r.NeedsSamples)
            {
                // Each list is sampled from its own set (a sample of the active assets may hold few in use). The
                // stored copy of the asset being applied is the previous one, so it comes from memory instead.
                var opd = r.Id;
                var inUse = await session.Query<AssetFact>()
                    .Where(a => a.Opd == opd && a.Id != asset.Id && a.Stage == AssetRegisterSummary.InUseStage)
                    .OrderBy(a => a.Name).Take(AssetRegisterSummary.Samples).ToListAsync(ct);
                var active = await session.Query<AssetFact>()
                    .Where(a => a.Opd == opd && a.Id != asset.Id && a.Stage != AssetRegisterSummary.Disposed)
                    .OrderBy(a => a.Name).Take(AssetRegisterSummary.Samples).ToListAsync(ct);
                r.Resample(inUse, active, asset);
            }
            session.Store(r);
            facts.With(r);
        }
    }
}
