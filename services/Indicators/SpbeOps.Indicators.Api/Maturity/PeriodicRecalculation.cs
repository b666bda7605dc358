using JasperFx;
using Marten.Schema;

namespace SpbeOps.Indicators.Api.Maturity;

/// <summary>An instansi the engine has facts for (one global list, not per tenant).</summary>
[SingleTenanted]
public sealed class KnownTenant
{
    public string Id { get; set; } = "";
    public DateTimeOffset LastFactAt { get; set; }
}

public sealed class RecalculationOptions
{
    /// <summary>How often every instansi is recomputed even when no record changed.</summary>
    public TimeSpan Every { get; set; } = TimeSpan.FromHours(6);

    public TimeSpan FirstRunAfter { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Levels also move with time alone: a review turns older than twelve months, a programme ends, a quarter passes
/// without a monitoring report. Recomputing every instansi periodically records those changes (history, the live
/// stream) instead of waiting for the next record to arrive. Replicas may both run it: the optimistic concurrency
/// on <see cref="IndicatorState"/> lets only one record a change.
/// </summary>
public sealed class PeriodicRecalculation(
    IDocumentStore store, MaturityEngine engine, RecalculationOptions options, ILogger<PeriodicRecalculation> logger) : BackgroundService
{
    public const string Reason = "perhitungan ulang berkala (waktu berlalu) / periodic recalculation (time passed)";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(options.FirstRunAfter, stoppingToken);
            using var timer = new PeriodicTimer(options.Every);
            do
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Periodic recalculation failed; it runs again in {Every}", options.Every);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // host stopping
        }
    }

    /// <summary>Recomputes every computed indicator of every known instansi; returns the number of level changes.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        IReadOnlyList<KnownTenant> tenants;
        await using (var query = store.QuerySession())
        {
            tenants = await query.Query<KnownTenant>().ToListAsync(ct);
        }

        var changed = 0;
        foreach (var tenant in tenants)
        {
            await using var session = store.LightweightSession(tenant.Id);
            var facts = await FactSet.LoadAsync(session, ct);
            var changes = await engine.RecalculateAsync(session, facts, engine.ComputedIndicators.Select(i => i.Number), Reason, ct);
            if (changes.Count == 0) continue;
            try
            {
                await session.SaveChangesAsync(ct);
                changed += changes.Count;
                logger.LogInformation("{Instansi}: {Count} level changes with the passing of time", tenant.Id, changes.Count);
            }
            catch (ConcurrencyException)
            {
                // Another replica or a consumer recorded the same change first.
            }
        }
        return changed;
    }
}
