using JasperFx;

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
