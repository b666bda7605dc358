namespace SpbeOps.Contracts.Security;

// The Security service's records as other services learn them (state-carried: consumers keep the highest Version and
// ignore older or repeated copies, decision 4). Namespace + name are the wire identity: never rename them.

/// <summary>
/// One control of the instansi's catalogue as implemented by one perangkat daerah (indicator 22).
/// </summary>
/// <param name="Status">belum | sebagian | penuh</param>
/// <param name="RiskIds">the SPBE risks (Risk service) the implementation answers: "berdasarkan Risiko SPBE"</param>
/// <param name="LastTestResult">efektif | kurang-efektif | tidak-efektif, or null when never tested</param>
public sealed record ControlImplementationChangedIntegrationEvent(
    string Instansi,
    Guid ImplementationId,
    long Version,
    string Opd,
    Guid ControlId,
    string ControlCode,
    string Area,
    string Status,
    IReadOnlyList<Guid> RiskIds,
    DateOnly? LastTestedOn,
    string? LastTestResult,
    DateTimeOffset OccurredAt);

/// <summary>
/// The state of one security incident, without its personal details (reporter, timeline, root cause): for
/// dashboards that count incidents per OPD.
/// </summary>
public sealed record SecurityIncidentChangedIntegrationEvent(
    string Instansi,
    Guid IncidentId,
    long Version,
    string Opd,
    string Category,
    string Severity,
    string Status,
    DateTimeOffset ReportedAt,
    DateTimeOffset? RecoveredAt,
    bool Overdue,
    DateTimeOffset OccurredAt);
