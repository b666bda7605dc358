using SpbeOps.Contracts.Audits;

namespace SpbeOps.Audits;

/// <summary>
/// One audit engagement of an audit indicator (29 infrastruktur, 30 aplikasi, 31 keamanan; Peraturan BSSN 8/2024 for
/// security): planned, carried out, reported and followed up in that order, by an internal auditor (APIP) or an
/// external one (LATIK, with its certificate), over the hal pokok teknis it covers and the applications and
/// infrastructure named as its targets, with its findings and their follow-ups. One shared shape, mounted by each
/// service under its own prefix (<see cref="AuditOptions"/>). An audit is the instansi's: every role reads it,
/// Diskominfo and the service's specialist writers write it.
/// </summary>
public sealed record AuditEngagement : IRecord<AuditEngagement>, IPublishedRecord
{
    public static RecordNoun Noun { get; } = new("audit", "audit");

    /// <summary>The audit indicator it serves (29, 30 or 31).</summary>
    public int Indicator { get; set; }
    public string Title { get; set; } = "";
    /// <summary>internal | eksternal</summary>
    public string AuditorType { get; set; } = "";
    /// <summary>APIP unit (e.g. Inspektorat) or the LATIK's name.</summary>
    public string Auditor { get; set; } = "";
    public string? CertificateNumber { get; set; }
    public DateOnly? CertificateValidUntil { get; set; }
    /// <summary>The audit guideline or standard followed (e.g. "Peraturan BSSN 8/2024").</summary>
    public string? Standard { get; set; }
    public List<string> Covers { get; set; } = [];
    public List<Guid> TargetAssetIds { get; set; } = [];
    public DateOnly PlannedStart { get; set; }
    public DateOnly? PlannedEnd { get; set; }

    /// <summary>perencanaan → pelaksanaan → pelaporan → pemantauan-tindak-lanjut</summary>
    public string Stage { get; set; } = AuditDecider.Planning;
    public DateOnly? StartedOn { get; set; }
    public DateOnly? ReportedOn { get; set; }
    public DateOnly? MonitoringFrom { get; set; }
    public List<Finding> Findings { get; set; } = [];

    public bool Withdrawn { get; set; }
    public string? WithdrawnReason { get; set; }

    /// <summary>An external auditor's certificate was valid when the fieldwork started (or is planned to start).</summary>
    public bool CertifiedOnStart => AuditorType == AuditDecider.External && CertificateNumber is not null
        && CertificateValidUntil >= (StartedOn ?? PlannedStart);

    /// <summary>The stages reached so far, each with the date it was reached (planning: the planned start).</summary>
    public IReadOnlyList<AuditStage> StagesReached() =>
    [
        new(AuditDecider.Planning, PlannedStart),
        .. StartedOn is { } started ? [new AuditStage(AuditDecider.Fieldwork, started)] : Array.Empty<AuditStage>(),
        .. ReportedOn is { } reported ? [new AuditStage(AuditDecider.Reporting, reported)] : Array.Empty<AuditStage>(),
        .. MonitoringFrom is { } monitoring ? [new AuditStage(AuditDecider.Monitoring, monitoring)] : Array.Empty<AuditStage>(),
    ];

    public bool ReadableBy(Caller caller) => true;

    public bool WritableBy(Caller caller) => caller.WritesEveryOpd;

    public object ToIntegrationEvent(string instansi) => new AuditEngagementChangedIntegrationEvent(
        instansi, Id, Version, Indicator, Title, AuditorType, CertifiedOnStart, Stage, PlannedStart, ReportedOn, Covers,
        Findings.Count, Findings.Count(f => f.Open), Withdrawn, UpdatedAt);

    public Guid Id { get; set; }
    public long Version { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Plan (POST) or revise (PUT) an engagement; <c>indicator</c> may be left out where the service keeps one audit indicator.</summary>
public sealed record AuditRequest(
    string? Title,
    string? AuditorType,
    string? Auditor,
    DateOnly? PlannedStart,
    IReadOnlyList<string>? Covers,
    DateOnly? PlannedEnd = null,
    string? CertificateNumber = null,
    DateOnly? CertificateValidUntil = null,
    string? Standard = null,
    IReadOnlyList<Guid>? TargetAssetIds = null,
    int? Indicator = null);

/// <summary>A stage an audit reached, and when.</summary>
public sealed record AuditStage(string Stage, DateOnly On);

/// <summary>Move to the next stage on a date (default today).</summary>
public sealed record AuditStageRequest(string? Stage, DateOnly? On = null);

public sealed record WithdrawAuditRequest(string? Reason);

public sealed record AuditPlanned : RecordEvent<AuditEngagement>
{
    public override HistoryLine Describe() => new("direncanakan / planned");
}

public sealed record AuditRevised : RecordEvent<AuditEngagement>
{
    public override HistoryLine Describe() => new($"diperbarui / revised: {string.Join(", ", Changes.Keys)}");
}

public sealed record AuditStageReached(string Stage, DateOnly On) : RecordEvent<AuditEngagement>
{
    public override HistoryLine Describe() => new($"tahap / stage: {Stage} ({On:yyyy-MM-dd})");
}

public sealed record AuditFindingRecorded(Guid FindingId) : RecordEvent<AuditEngagement>
{
    public override HistoryLine Describe() => new("temuan dicatat / finding recorded");
}

public sealed record AuditFindingRevised(Guid FindingId, string Status) : RecordEvent<AuditEngagement>
{
    public override HistoryLine Describe() => new($"temuan diperbarui / finding revised: {Status}");
}

public sealed record AuditWithdrawn(string Reason) : RecordEvent<AuditEngagement>
{
    public override HistoryLine Describe() => new("dibatalkan / withdrawn", Reason);
}
