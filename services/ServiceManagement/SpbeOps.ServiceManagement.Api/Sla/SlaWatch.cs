using Microsoft.Extensions.Options;

namespace SpbeOps.ServiceManagement.Api.Sla;

public sealed class SlaWatchOptions
{
    public TimeSpan FirstRunAfter { get; set; } = TimeSpan.FromSeconds(15);
    public TimeSpan Every { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Flags SLA breaches as they happen, not only when a ticket is read or changed: every minute it finds the tickets
/// of every instansi whose TTO or TTR clock ran out (an index on the due instants) and records a
/// <see cref="TicketSlaBreached"/> on each, in the ticket's own stream, so the breach reaches the history, the
/// integration event (a notification) and indicator 28. Replicas may both run it: the expected-version append lets
/// only one record a breach.
/// </summary>
public sealed class SlaWatch(IDocumentStore store, TimeProvider clock, IOptions<SlaWatchOptions> options, ILogger<SlaWatch> logger) : BackgroundService
{
    public const string Actor = "sistem (pemantau SLA)";
    private const int PerRun = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(options.Value.FirstRunAfter, stoppingToken);
            using var timer = new PeriodicTimer(options.Value.Every);
            do
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "SLA watch failed; it runs again in {Every}", options.Value.Every);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // host stopping
        }
    }

    /// <summary>Flags every clock due by now; returns the number of tickets flagged.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        IReadOnlyList<Ticket> due;
        await using (var query = store.QuerySession())
        {
            due = await query.Query<Ticket>()
                .Where(t => t.AnyTenant() && ((t.TtoDueAt != null && t.TtoDueAt <= now) || (t.TtrDueAt != null && t.TtrDueAt <= now)))
                .Take(PerRun).ToListAsync(ct);
        }

        var flagged = 0;
        foreach (var ticket in due)
        {
            await using var session = store.LightweightSession(ticket.Instansi);
            if (await session.LoadAsync<Ticket>(ticket.Id, ct) is not { } current || TicketDecider.FlagBreaches(current, now) is not { Next: { } next, Change: { } change })
                continue;
            next.Version = current.Version + 1;
            next.UpdatedBy = Actor;
            next.UpdatedAt = now;
            session.Store(next);
            session.Events.Append(next.Id, next.Version, change with { Actor = Actor, At = now, Changes = RecordChanges.Between(current, next) });
            try
            {
                await session.SaveChangesAsync(ct);
                flagged++;
                logger.LogInformation("Ticket {Ticket} of {Instansi}: SLA breached", next.Id, ticket.Instansi);
            }
            catch (Exception e) when (StoreConflicts.IsWriteClash(e))
            {
                // Someone changed it meanwhile: the next run sees its new due instants.
            }
        }
        return flagged;
    }
}
