using JasperFx.Events;
using Marten;

namespace SpbeOps.Messaging;

/// <summary>
/// One change of a record, as every service's <c>…/history</c> endpoint returns it: the stream version, what
/// changed (Indonesian / English), when and by whom, an optional comment (a note, a reason), and the state after.
/// </summary>
public sealed record HistoryEntry<T>(long Version, string Change, DateTimeOffset At, string Actor, string? Comment, T State);

public static class StreamHistory
{
    /// <summary>The history of one record from its event stream; <paramref name="describe"/> skips events it returns null for.</summary>
    public static async Task<IReadOnlyList<HistoryEntry<T>>> ReadAsync<T>(
        IQuerySession session, Guid streamId, Func<IEvent, HistoryEntry<T>?> describe, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(streamId, token: ct);
        return events.Select(describe).OfType<HistoryEntry<T>>().ToList();
    }
}
