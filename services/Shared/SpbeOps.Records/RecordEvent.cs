namespace SpbeOps.Records;

/// <summary>
/// One change of a record: what was intended (the derived type's own members, e.g. a lifecycle step or an approval
/// step) and what it changed (<see cref="Changes"/>: the fields it set, with their new values). Events never embed
/// the whole record, so the event log is not the document's schema; the record is the fold of its events
/// (<see cref="RecordChanges.Apply{T}"/>). The write path fills <see cref="Actor"/>, <see cref="At"/> and
/// <see cref="Changes"/>; deciders only say what happened.
/// </summary>
public abstract record RecordEvent
{
    public string Actor { get; init; } = "";
    public DateTimeOffset At { get; init; }

    /// <summary>The record's fields this change set, by their JSON (camelCase) names.</summary>
    public Dictionary<string, JsonElement> Changes { get; init; } = [];

    /// <summary>The line of the record's history this change reads as.</summary>
    public abstract HistoryLine Describe();
}

/// <summary>A change of a record of type <typeparamref name="TRecord"/>; the type ties the event to its stream's record.</summary>
public abstract record RecordEvent<TRecord> : RecordEvent where TRecord : class, IRecord<TRecord>;

/// <summary>What a change reads as in a history: what happened (Indonesian / English) and an optional comment.</summary>
public readonly record struct HistoryLine(string Change, string? Comment = null);
