namespace SpbeOps.Contracts.Knowledge;

/// <summary>
/// EXAMPLE: the state of one example record of the Knowledge service after a change (state-carried: consumers keep
/// the highest <see cref="Version"/> and ignore older or repeated copies, decision 4). Namespace + name are the wire
/// identity: rename it before anything consumes it, never after.
/// </summary>
public sealed record ExampleChangedIntegrationEvent(
    string Instansi,
    Guid ExampleId,
    long Version,
    string Opd,
    string Title,
    bool Withdrawn,
    DateTimeOffset OccurredAt);
