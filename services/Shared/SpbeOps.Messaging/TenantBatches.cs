using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SpbeOps.Messaging;

/// <summary>
/// Work handed in by many concurrent message handlers, applied per instansi in batches (issue 8): while one batch of
/// a tenant is being applied, what arrives for it waits and goes together in the next one, so one transaction serves
/// many messages under load and a lone message is applied at once. Tenants proceed in parallel; one tenant's batches
/// never overlap. <see cref="SubmitAsync"/> completes when the batch holding the item is committed, so a failure
/// retries or dead-letters that message as a one-at-a-time consumer would. A batch that fails for another reason than
/// an unavailable server is applied again item by item, so one bad message fails alone and the others commit.
/// </summary>
public sealed class TenantBatches<T>(Func<string, IReadOnlyList<T>, CancellationToken, Task> apply, int maxBatch, ILogger logger)
{
    private readonly ConcurrentDictionary<string, TenantQueue> _tenants = new(StringComparer.Ordinal);

    private sealed record Pending(T Item)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class TenantQueue
    {
        public readonly List<Pending> Waiting = [];
        public bool Running;
    }

    public async Task SubmitAsync(string instansi, T item, CancellationToken ct)
    {
        var pending = new Pending(item);
        var queue = _tenants.GetOrAdd(instansi, _ => new TenantQueue());
        bool start;
        lock (queue)
        {
            queue.Waiting.Add(pending);
            start = !queue.Running;
            queue.Running = true;
        }
        if (start) _ = Task.Run(() => DrainAsync(instansi, queue), CancellationToken.None);
        await pending.Done.Task.WaitAsync(ct);
    }

    private async Task DrainAsync(string instansi, TenantQueue queue)
    {
        while (true)
        {
            List<Pending> batch;
            lock (queue)
            {
                if (queue.Waiting.Count == 0)
                {
                    queue.Running = false;
                    return;
                }
                batch = queue.Waiting.Take(maxBatch).ToList();
                queue.Waiting.RemoveRange(0, batch.Count);
            }

            try
            {
                await apply(instansi, [.. batch.Select(p => p.Item)], CancellationToken.None);
                foreach (var p in batch) p.Done.TrySetResult();
            }
            catch (Exception e) when (TransientFailure.IsTransient(e))
            {
                // PostgreSQL or RabbitMQ unavailable: every item would fail alike, so each message is retried as a whole.
                foreach (var p in batch) p.Done.TrySetException(e);
            }
            catch (Exception e) when (batch.Count > 1)
            {
                logger.LogWarning(e, "A batch of {Count} messages of {Instansi} failed; applying them one by one", batch.Count, instansi);
                foreach (var p in batch)
                {
                    try
                    {
                        await apply(instansi, [p.Item], CancellationToken.None);
                        p.Done.TrySetResult();
                    }
                    catch (Exception one)
                    {
                        p.Done.TrySetException(one);
                    }
                }
            }
            catch (Exception e)
            {
                batch[0].Done.TrySetException(e);
            }
        }
    }
}
