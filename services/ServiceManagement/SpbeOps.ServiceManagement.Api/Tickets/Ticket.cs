using SpbeOps.Contracts.ServiceManagement;

namespace SpbeOps.ServiceManagement.Api.Tickets;

public sealed record TicketStep(string? From, string Status, DateTimeOffset At, string By, string? Note, int? Satisfaction = null);

public sealed record TicketAssignment(string Opd, string? Team, string? Note, DateTimeOffset At, string By);

public sealed record TicketComment(DateTimeOffset At, string By, string Text);

/// <summary>
/// One ticket of the service desk (pelayanan pengguna SPBE): raised for an OPD, assigned to an OPD or team, moved
/// through baru → ditugaskan → dikerjakan ⇄ menunggu pengguna → selesai → ditutup (reopened within a window), with
/// SLA clocks in business hours that pause while waiting for the user. Breaches are flagged by <see cref="Sla.SlaWatch"/>
/// when the clock runs out, and at ownership or resolution.
/// </summary>
public sealed class Ticket : IRecord<Ticket>, IOpdRecord, IPublishedRecord
{
    public static RecordNoun Noun { get; } = new("tiket", "ticket");

    public Guid Id { get; set; }
    /// <summary>The tenant, kept on the document so the breach job knows whose session to open.</summary>
    public string Instansi { get; set; } = "";
    public string Opd { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public Guid? ServiceId { get; set; }
    public Guid? AssetId { get; set; }
    public string Impact { get; set; } = "";
    public string Urgency { get; set; } = "";
    public string Priority { get; set; } = "";
    public string Status { get; set; } = ServiceDeskVocabulary.Baru;
    public string? AssignedOpd { get; set; }
    public string? AssignedTeam { get; set; }
    public string Reporter { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? OwnedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? Resolution { get; set; }
    public int? Satisfaction { get; set; }
    public string? Feedback { get; set; }
    public int ReopenCount { get; set; }

    public int TtoTargetMinutes { get; set; }
    public int TtrTargetMinutes { get; set; }
    public List<Pause> Pauses { get; set; } = [];
    public DateTimeOffset? TtoDueAt { get; set; }
    public DateTimeOffset? TtrDueAt { get; set; }
    public bool TtoBreached { get; set; }
    public bool TtrBreached { get; set; }

    /// <summary>For a problem (masalah): the incidents (gangguan) it explains.</summary>
    public List<Guid> Incidents { get; set; } = [];
    /// <summary>A known error's knowledge article (an id of the Knowledge service).</summary>
    public Guid? KnowledgeArticleId { get; set; }
    /// <summary>For a perubahan ticket: the change request it routed to.</summary>
    public Guid? ChangeRequestId { get; set; }

    public List<TicketStep> Flow { get; set; } = [];
    /// <summary>The last assignment, and the last time the ticket was started, resolved and closed (null until then; reopening clears the last two).</summary>
    public TicketAssignment? Assignment { get; set; }
    public TicketStep? Started { get; set; }
    public TicketStep? Resolved { get; set; }
    public TicketStep? Closed { get; set; }
    public List<TicketComment> Comments { get; set; } = [];

    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }

    public bool Handled => Status is ServiceDeskVocabulary.Selesai or ServiceDeskVocabulary.Ditutup;

    /// <summary>The raising OPD and the OPD it is assigned to both see and work it.</summary>
    public bool ReadableBy(Caller caller) => caller.CanRead(Opd) || (AssignedOpd is not null && caller.CanRead(AssignedOpd));

    public bool WritableBy(Caller caller) => caller.CanWrite(Opd) || (AssignedOpd is not null && caller.CanWrite(AssignedOpd));

    public SlaFigures Sla(SlaCalendar calendar, DateTimeOffset now) => new(
        TtoTargetMinutes, (long)(SlaClock.TtoSeconds(calendar, CreatedAt, OwnedAt, now) / 60), TtoDueAt, TtoBreached,
        TtrTargetMinutes, (long)(SlaClock.TtrSeconds(calendar, CreatedAt, ResolvedAt, Pauses, now) / 60), TtrDueAt, TtrBreached,
        Pauses.Any(p => p.To is null));

    public object ToIntegrationEvent(string instansi) => new TicketChangedIntegrationEvent(
        instansi, Id, Version, Opd, AssignedOpd, Kind, Priority, Status, Title, Handled, TtoTargetMinutes, TtrTargetMinutes,
        TtoBreached, TtrBreached, Satisfaction, UpdatedAt);

    public Ticket Copy()
    {
        var copy = (Ticket)MemberwiseClone();
        copy.Pauses = [.. Pauses];
        copy.Incidents = [.. Incidents];
        copy.Flow = [.. Flow];
        copy.Comments = [.. Comments];
        return copy;
    }
}

public sealed record TicketRequest(
    string? Opd, string? Kind, string? Title, string? Description, Guid? ServiceId, Guid? AssetId, string? Impact, string? Urgency);

public sealed record AssignmentRequest(string? Opd, string? Team, string? Note);

public sealed record StatusRequest(string? Status, string? Note, int? Satisfaction = null, string? Feedback = null);

public sealed record ReopenRequest(string? Reason);

public sealed record CommentRequest(string? Text);

public sealed record LinkRequest(IReadOnlyList<Guid>? Incidents, Guid? KnowledgeArticleId, Guid? ChangeRequestId);

public sealed record TicketOpened(string Kind, string Priority) : RecordEvent<Ticket>
{
    public override HistoryLine Describe() => new($"dibuka / opened: {Kind}, prioritas / priority {Priority}");
}

public sealed record TicketAssigned(string Opd, string? Team, string? Note) : RecordEvent<Ticket>
{
    public override HistoryLine Describe() => new($"ditugaskan ke / assigned to {Opd}{(Team is null ? "" : $" ({Team})")}", Note);
}

public sealed record TicketStatusChanged(string From, string To, string? Note) : RecordEvent<Ticket>
{
    public override HistoryLine Describe() => new($"status {From} → {To}", Note);
}

public sealed record TicketReopened(string Reason) : RecordEvent<Ticket>
{
    public override HistoryLine Describe() => new("dibuka kembali / reopened", Reason);
}

public sealed record TicketCommented(string Text) : RecordEvent<Ticket>
{
    public override HistoryLine Describe() => new("komentar / comment", Text);
}

public sealed record TicketLinked : RecordEvent<Ticket>
{
    public override HistoryLine Describe() => new($"ditautkan / linked: {string.Join(", ", Changes.Keys)}");
}

/// <summary>An SLA clock ran out (the breach job, or ownership/resolution after the target).</summary>
public sealed record TicketSlaBreached(string Clock, DateTimeOffset DueAt) : RecordEvent<Ticket>
{
    public override HistoryLine Describe() => new($"SLA {Clock} terlampaui / breached (batas / due {DueAt:yyyy-MM-dd HH:mm}Z)");
}
