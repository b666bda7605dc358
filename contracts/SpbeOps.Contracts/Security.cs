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
/// One security audit engagement (indicator 31, Peraturan BSSN 8/2024): who audits, what it covers, how far it got
/// and how many of its findings are still open.
/// </summary>
/// <param name="AuditorType">internal (APIP) | eksternal (LATIK)</param>
/// <param name="CertifiedOnStart">an external auditor's certificate was valid on the start date</param>
/// <param name="Stage">perencanaan | pelaksanaan | pelaporan | pemantauan-tindak-lanjut</param>
/// <param name="Covers">hal pokok teknis: keamanan-aplikasi, keamanan-infrastruktur</param>
public sealed record SecurityAuditChangedIntegrationEvent(
    string Instansi,
    Guid AuditId,
    long Version,
    string Title,
    string AuditorType,
    bool CertifiedOnStart,
    string Stage,
    DateOnly PlannedStart,
    DateOnly? ReportedOn,
    IReadOnlyList<string> Covers,
    int FindingsTotal,
    int FindingsOpen,
    bool Withdrawn,
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
