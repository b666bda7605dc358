namespace SpbeOps.Contracts.Audits;

/// <summary>
/// One audit engagement of an audit indicator (29 infrastruktur, 30 aplikasi, 31 keamanan) after a change: who audits,
/// what it covers, how far it got and how many of its findings are still open. Published by every service that mounts
/// the shared audit records (Assets for 29 and 30, Security for 31). State-carried and versioned (decision 4).
/// </summary>
/// <param name="AuditorType">internal (APIP) | eksternal (LATIK)</param>
/// <param name="CertifiedOnStart">an external auditor's certificate was valid on the start date</param>
/// <param name="Stage">perencanaan | pelaksanaan | pelaporan | pemantauan-tindak-lanjut</param>
/// <param name="Covers">the hal pokok teknis it covers (per indicator)</param>
public sealed record AuditEngagementChangedIntegrationEvent(
    string Instansi,
    Guid AuditId,
    long Version,
    int Indicator,
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
