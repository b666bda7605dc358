namespace SpbeOps.Contracts.ServiceManagement;

/// <summary>
/// The state of one layanan SPBE of the service catalogue after a change: its owner OPD, whether it is in operation,
/// and how many operational records (planned maintenance, availability incidents, capacity reviews) it keeps: the
/// pengoperasian layanan process of indicator 28. State-carried: consumers keep the highest <see cref="Version"/>.
/// </summary>
public sealed record ServiceChangedIntegrationEvent(
    string Instansi,
    Guid ServiceId,
    long Version,
    string Opd,
    string Name,
    string Status,
    int OperationRecords,
    DateOnly? LastOperationOn,
    DateTimeOffset OccurredAt);

/// <summary>
/// The state of one service-desk ticket after a change (pelayanan pengguna, indicator 28): kind, priority, status,
/// and its SLA figures (business minutes to own and to resolve, against the targets; breaches as flagged).
/// Also the notification other services and future webhooks consume (e-mail is not available).
/// </summary>
public sealed record TicketChangedIntegrationEvent(
    string Instansi,
    Guid TicketId,
    long Version,
    string Opd,
    string? AssignedOpd,
    string Kind,
    string Priority,
    string Status,
    string Title,
    bool Handled,
    int TtoTargetMinutes,
    int TtrTargetMinutes,
    bool TtoBreached,
    bool TtrBreached,
    int? Satisfaction,
    DateTimeOffset OccurredAt);

/// <summary>
/// The state of one change request after a change (manajemen perubahan, indicator 27): where it is in the flow
/// (diajukan → dinilai → disetujui/ditolak → dijadwalkan → diimplementasikan → direviu → ditutup) and whether it went
/// through the process (assessed, approved, implemented inside its window, reviewed).
/// </summary>
/// <param name="ReviewLessons">the lessons learned of its post-implementation review (PIR), once reviewed: the Knowledge
/// service drafts an article from them (added after the first release, so last and optional)</param>
public sealed record ChangeRequestChangedIntegrationEvent(
    string Instansi,
    Guid ChangeId,
    long Version,
    string Opd,
    string Title,
    string Type,
    string Category,
    string Status,
    bool Assessed,
    bool Approved,
    bool Implemented,
    bool ImplementedOutsideWindow,
    bool Reviewed,
    DateTimeOffset OccurredAt,
    string? ReviewLessons = null);
