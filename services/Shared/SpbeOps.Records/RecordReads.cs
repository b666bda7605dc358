namespace SpbeOps.Records;

/// <summary>Reading one record and its history, with the same 404 for "absent" and "not yours to see".</summary>
public static class RecordReads
{
    public static async Task<T?> LoadReadableAsync<T>(this IQuerySession session, Guid id, Caller caller, CancellationToken ct)
        where T : class, IRecord<T>
    {
        var record = await session.LoadAsync<T>(id, ct);
        return record is not null && record.ReadableBy(caller) ? record : null;
    }

    public static async Task<Results<Ok<T>, ProblemHttpResult>> ReadAsync<T>(this IQuerySession session, Guid id, Caller caller, CancellationToken ct)
        where T : class, IRecord<T> =>
        await session.LoadReadableAsync<T>(id, caller, ct) is { } record ? TypedResults.Ok(record) : RecordWriter.NotFound<T>(id);

    /// <summary>The record's history, the state after each change folded from its events.</summary>
    public static async Task<Results<Ok<IReadOnlyList<HistoryEntry<T>>>, ProblemHttpResult>> HistoryAsync<T>(
        this IQuerySession session, Guid id, Caller caller, CancellationToken ct) where T : class, IRecord<T>
    {
        if (await session.LoadReadableAsync<T>(id, caller, ct) is null) return RecordWriter.NotFound<T>(id);
        var entries = new List<HistoryEntry<T>>();
        T? state = null;
        foreach (var e in await session.Events.FetchStreamAsync(id, token: ct))
        {
            if (e.Data is not RecordEvent<T> change) continue;
            state = RecordChanges.Apply(state, change, id, e.Version);
            var line = change.Describe();
            entries.Add(new HistoryEntry<T>(e.Version, line.Change, change.At, change.Actor, line.Comment, change.Changes.Keys, state));
        }
        return TypedResults.Ok<IReadOnlyList<HistoryEntry<T>>>(entries);
    }
}
