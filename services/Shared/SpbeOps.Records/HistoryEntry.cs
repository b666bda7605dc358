namespace SpbeOps.Records;

/// <summary>
/// One change of a record, as every service's <c>…/history</c> endpoint returns it: the stream version, what
/// changed (Indonesian / English), when and by whom, an optional comment (a note, a reason), the fields it set, and
/// the state after.
/// </summary>
public sealed record HistoryEntry<T>(long Version, string Change, DateTimeOffset At, string Actor, string? Comment, IReadOnlyCollection<string> Fields, T State);
