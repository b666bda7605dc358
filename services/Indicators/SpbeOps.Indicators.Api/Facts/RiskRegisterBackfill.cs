using SpbeOps.Indicators.Api.Maturity;

namespace SpbeOps.Indicators.Api.Facts;

/// <summary>
/// Builds the <see cref="RiskRegisterSummary"/> documents of an instansi whose risk facts predate them (stored before
/// issue 8), once, at start-up: registered before the bus, so no fact is being applied meanwhile. An instansi that
/// already has summaries is left alone; the consumer keeps them current from then on.
/// </summary>
public sealed class RiskRegisterBackfill(IDocumentStore store, ILogger<RiskRegisterBackfill> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var global = store.QuerySession();
        var tenants = await global.Query<KnownTenant>().Select(t => t.Id).ToListAsync(ct);
        foreach (var instansi in tenants)
        {
            await using var session = store.LightweightSession(instansi);
            if (await session.Query<RiskRegisterSummary>().AnyAsync(ct) || !await session.Query<RiskFact>().AnyAsync(ct)) continue;
            var facts = new FactSet();
            await foreach (var risk in session.Query<RiskFact>().ToAsyncEnumerable(ct)) facts.With(risk);
            session.Store(facts.RiskRegisters.Values.ToArray());
            await session.SaveChangesAsync(ct);
            logger.LogInformation("Risk register summaries of {Instansi} built from its stored risks: {Count}", instansi, facts.RiskRegisters.Count);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
