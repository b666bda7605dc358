namespace SpbeOps.Messaging;

/// <summary>
/// Keeps the dedupe table from growing for ever: a redelivery comes within seconds or minutes of the first copy,
/// so markers older than the window (default 14 days, <c>Messaging:DedupeWindow</c>) are deleted once a day.
/// Consumers that keep facts by version stay idempotent beyond the window anyway.
/// </summary>
public sealed class ProcessedMessagePurge(IDocumentStore store, MessagingOptions options, TimeProvider clock, ILogger<ProcessedMessagePurge> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1));
        try
        {
            do
            {
                try
                {
                    await PurgeAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Purging processed-message markers failed; retrying tomorrow");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // host stopping
        }
    }

    public async Task PurgeAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - options.DedupeWindow;
        await using var session = store.LightweightSession();
        session.DeleteWhere<ProcessedMessage>(m => m.ProcessedAt < cutoff && m.AnyTenant());
        await session.SaveChangesAsync(ct);
    }
}
