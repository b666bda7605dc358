using SpbeOps.Contracts.Security;

namespace SpbeOps.Security.Api.Incidents;

/// <summary>One entry of an incident's timeline: what was done or learned, when, by whom.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string By, string Note, string? Status = null);

/// <summary>Escalation to the instansi's CSIRT or to BSSN, with the reference number they gave.</summary>
public sealed record Escalation(string To, DateTimeOffset At, string? Reference);

/// <summary>
/// A security incident of one perangkat daerah: reported, triaged, handled, recovered and closed in that order.
/// Personal and sensitive: an OPD operator sees only its own OPD's. The response-time targets come from the severity;
/// the times to triage and to recover are computed at each step, and a late one is flagged.
/// </summary>
public sealed record SecurityIncident : IRecord<SecurityIncident>, IOpdRecord, IPublishedRecord
{
    public static RecordNoun Noun { get; } = new("insiden keamanan", "security incident");

    public string Opd { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string Reporter { get; set; } = "";
    public DateTimeOffset DetectedAt { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
    public string Category { get; set; } = "";
    public string Severity { get; set; } = "";
    /// <summary>The properties the incident harmed: kerahasiaan, keutuhan, ketersediaan, keaslian (, kenirsangkalan).</summary>
    public List<string> Impact { get; set; } = [];
    public List<Guid> AffectedAssetIds { get; set; } = [];

    /// <summary>dilaporkan → ditriase → ditangani → dipulihkan → ditutup</summary>
    public string Status { get; set; } = IncidentDecider.Reported;
    public List<TimelineEntry> Timeline { get; set; } = [];
    public Escalation? Escalation { get; set; }
    public string? RootCause { get; set; }
    public string? LessonsLearned { get; set; }

    // Targets from the severity, and the times the steps took.
    public DateTimeOffset TriageDueAt { get; set; }
    public DateTimeOffset RecoveryDueAt { get; set; }
    public DateTimeOffset? TriagedAt { get; set; }
    public DateTimeOffset? RecoveredAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public double? HoursToTriage { get; set; }
    public double? HoursToRecover { get; set; }
    public bool TriageLate { get; set; }
    public bool RecoveryLate { get; set; }

    public bool Open => Status is not (IncidentDecider.Recovered or IncidentDecider.Closed);

    /// <summary>Past a target now: not triaged by its triage target, or not recovered by its recovery target.</summary>
    public bool OverdueAt(DateTimeOffset now) =>
        (Status == IncidentDecider.Reported && TriageDueAt < now) || (Open && RecoveryDueAt < now);

    public object ToIntegrationEvent(string instansi) => new SecurityIncidentChangedIntegrationEvent(
        instansi, Id, Version, Opd, Category, Severity, Status, ReportedAt, RecoveredAt, TriageLate || RecoveryLate, UpdatedAt);

    public Guid Id { get; set; }
    public long Version { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Report (POST) or correct (PUT) an incident. <c>opd</c> cannot change.</summary>
public sealed record IncidentRequest(
    string? Opd,
    string? Title,
    string? Category,
    string? Severity,
    DateTimeOffset? DetectedAt,
    string? Reporter = null,
    DateTimeOffset? ReportedAt = null,
    IReadOnlyList<string>? Impact = null,
    IReadOnlyList<Guid>? AffectedAssetIds = null,
    string? Description = null);

/// <summary>The next step of the flow; closing a high or critical incident needs its root cause and lessons learned.</summary>
public sealed record IncidentStepRequest(string? Status, string? Note = null, DateTimeOffset? At = null, string? RootCause = null, string? LessonsLearned = null);

public sealed record TimelineRequest(string? Note, DateTimeOffset? At = null);

public sealed record EscalationRequest(string? To, DateTimeOffset? At = null, string? Reference = null);

public sealed record IncidentPage(IReadOnlyList<SecurityIncident> Items, int Page, int PageSize, long Total, bool TotalExact, bool HasMore);

/// <summary>Per OPD: open incidents, overdue ones, and the mean time to recover of those recovered in the period.</summary>
public sealed record IncidentSummary(string Opd, int Total, int Open, int Overdue, double? MeanHoursToRecover);

public sealed record IncidentReported : RecordEvent<SecurityIncident>
{
    public override HistoryLine Describe() => new("dilaporkan / reported");
}

public sealed record IncidentCorrected : RecordEvent<SecurityIncident>
{
    public override HistoryLine Describe() => new($"dikoreksi / corrected: {string.Join(", ", Changes.Keys)}");
}

public sealed record IncidentStepped(string Status, string? Note) : RecordEvent<SecurityIncident>
{
    public override HistoryLine Describe() => new($"status: {Status}", Note);
}

public sealed record IncidentNoted(string Note) : RecordEvent<SecurityIncident>
{
    public override HistoryLine Describe() => new("catatan kronologi / timeline entry", Note);
}

public sealed record IncidentEscalated(string To, string? Reference) : RecordEvent<SecurityIncident>
{
    public override HistoryLine Describe() => new($"dieskalasi ke / escalated to {To}", Reference);
}
