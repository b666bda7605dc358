using JasperFx;
using Microsoft.Extensions.Logging;

namespace SpbeOps.Messaging;

/// <summary>A record of another service as its integration events told it; the producer's version orders them.</summary>
public interface ILearnedRecord
{
    Guid Id { get; }
    long Version { get; }
}

/// <summary>
/// The one way a consumer learns another service's records (docs/architecture.md decisions 4 and 15): each message
/// is handled at most once (a marker keyed by consumer and MessageId, written in the same transaction as what the
/// handler stores), and a record is replaced only by a newer version, so redelivery and reordering change nothing.
/// </summary>
public static class DuplicateSafeConsumer
{
    /// <summary>Runs <paramref name="handle"/> in a session of <paramref name="instansi"/> unless this message was handled before.</summary>
    public static async Task ConsumeOnceAsync(
        this IDocumentStore store, ConsumeContext context, string consumer, string instansi,
        Func<IDocumentSession, CancellationToken, Task> handle)
    {
        var ct = context.CancellationToken;
        await using var session = store.LightweightSession(instansi);
        var key = ProcessedMessage.KeyFor(consumer, context.MessageId);
        if (await session.LoadAsync<ProcessedMessage>(key, ct) is not null) return;
        session.Insert(new ProcessedMessage { Id = key, ProcessedAt = DateTimeOffset.UtcNow });

        await handle(session, ct);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (DocumentAlreadyExistsException e) when (e.DocType == typeof(ProcessedMessage))
        {
            // A concurrent delivery of the same message got there first: it is handled, so acknowledge.
        }
    }

    /// <summary>
    /// Stores <paramref name="learned"/> unless a version at least as new is known. Returns whether it was stored
    /// and the version it replaced. A first version inserted concurrently by another replica fails the save; the
    /// retry then compares versions.
    /// </summary>
    public static async Task<(bool Stored, T? Previous)> KeepLatestAsync<T>(this IDocumentSession session, T learned, CancellationToken ct)
        where T : class, ILearnedRecord
    {
        var previous = await session.LoadAsync<T>(learned.Id, ct);
        if (previous is not null && previous.Version >= learned.Version) return (false, previous);
        if (previous is null) session.Insert(learned);
        else session.Store(learned);
        return (true, previous);
    }
}

/// <summary>
/// <see cref="DuplicateSafeConsumer.ConsumeOnceAsync"/> + <see cref="DuplicateSafeConsumer.KeepLatestAsync{T}"/> for a
/// consumer that learns another service's records, batched per instansi (<see cref="TenantBatches{T}"/>): under load
/// one transaction, one marker query and one load serve a whole batch instead of each message (issue 8: Risk's asset
/// consumer cost a transaction and three round trips per asset write and fell behind at 200 writes/s). A message is
/// acknowledged only once its batch is committed; one without a MessageId fails alone, before it joins a batch.
/// </summary>
public sealed class LearnedRecordBatches<T> where T : class, ILearnedRecord
{
    public const int MaxBatch = 256;

    private readonly IDocumentStore _store;
    private readonly string _consumer;
    private readonly TenantBatches<(string Marker, T Learned)> _batches;

    public LearnedRecordBatches(IDocumentStore store, string consumer, ILogger logger)
    {
        _store = store;
        _consumer = consumer;
        _batches = new TenantBatches<(string, T)>(ApplyAsync, MaxBatch, logger);
    }

    public Task KeepLatestAsync(ConsumeContext context, string instansi, T learned) =>
        _batches.SubmitAsync(instansi, (ProcessedMessage.KeyFor(_consumer, context.MessageId), learned), context.CancellationToken);

    private async Task ApplyAsync(string instansi, IReadOnlyList<(string Marker, T Learned)> batch, CancellationToken ct)
    {
        await using var session = _store.LightweightSession(instansi);
        var unique = batch.DistinctBy(b => b.Marker).ToList();
        var handled = (await session.LoadManyAsync<ProcessedMessage>(ct, unique.Select(b => b.Marker))).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var fresh = unique.Where(b => !handled.Contains(b.Marker)).ToList();
        if (fresh.Count == 0) return;
        var now = DateTimeOffset.UtcNow;
        foreach (var (marker, _) in fresh) session.Insert(new ProcessedMessage { Id = marker, ProcessedAt = now });

        // The newest copy of each record in the batch, stored only when newer than the one known.
        var newest = fresh.Select(b => b.Learned).GroupBy(l => l.Id).Select(g => g.MaxBy(l => l.Version)!).ToList();
        var known = (await session.LoadManyAsync<T>(ct, newest.Select(l => l.Id))).ToDictionary(k => k.Id);
        foreach (var record in newest)
        {
            if (!known.TryGetValue(record.Id, out var previous)) session.Insert(record);
            else if (previous.Version < record.Version) session.Store(record);
        }

        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (DocumentAlreadyExistsException e) when (e.DocType == typeof(ProcessedMessage) && batch.Count == 1)
        {
            // A concurrent delivery of the same message got there first: it is handled, so acknowledge.
        }
    }
}
