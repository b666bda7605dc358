using static SpbeOps.ServiceManagement.Api.Sla.ServiceDeskVocabulary;

namespace SpbeOps.ServiceManagement.Api.Tickets;

/// <summary>The service desk's rules, free of I/O: the status flow, the SLA clocks, reopening, links.</summary>
public static class TicketDecider
{
    public const string FlowRule = "status-flow";
    public const string ReopenWindowRule = "reopen-window-passed";
    public const string ChangeRequestRule = "change-request-required";
    public const string IncidentsRule = "incidents-need-problem";

    /// <summary>The statuses each status may move to with <c>/status</c> (assignment and reopening have their own routes).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Moves = new Dictionary<string, string[]>
    {
        [Ditugaskan] = [Dikerjakan],
        [Dikerjakan] = [MenungguPengguna, Selesai],
        [MenungguPengguna] = [Dikerjakan],
        [Selesai] = [Ditutup],
    };

    public static FieldErrors Validate(TicketRequest r) => new FieldErrors()
        .Opd("opd", r.Opd)
        .OneOf("kind", r.Kind, TicketKinds)
        .Required("title", r.Title, 300)
        .MaxLength("description", r.Description, 8000)
        .OneOf("impact", r.Impact, Levels)
        .OneOf("urgency", r.Urgency, Levels)
        .When(r.ServiceId == Guid.Empty, "serviceId", "id kosong / an empty id")
        .When(r.AssetId == Guid.Empty, "assetId", "id kosong / an empty id");

    /// <param name="service">the linked service (its SLA targets), when the ticket names one</param>
    public static Decision<Ticket> Open(
        Guid id, string instansi, TicketRequest r, ServiceDeskSettings settings, ServiceEntry? service, string actor, DateTimeOffset now)
    {
        if (Validate(r) is { Any: true } errors) return errors;
        var priority = settings.PriorityOf(r.Impact!, r.Urgency!);
        var target = ServiceEntry.TargetFor(service, settings, priority);
        var t = new Ticket
        {
            Id = id, Instansi = instansi, Opd = r.Opd!, Kind = r.Kind!, Title = r.Title!.Trim(), Description = r.Description,
            ServiceId = r.ServiceId, AssetId = r.AssetId, Impact = r.Impact!, Urgency = r.Urgency!, Priority = priority,
            Reporter = actor, CreatedAt = now, TtoTargetMinutes = target.TtoMinutes, TtrTargetMinutes = target.TtrMinutes,
            Flow = [new TicketStep(null, Baru, now, actor, null)],
        };
        Reclock(t, settings.Calendar, now);
        return Decision.Accept(t, new TicketOpened(t.Kind, priority));
    }

    /// <summary>Assigns (or reassigns) the ticket to an OPD and team: the TTO clock stops at the first assignment.</summary>
    public static Decision<Ticket> Assign(Ticket current, AssignmentRequest r, SlaCalendar calendar, string actor, DateTimeOffset now)
    {
        var errors = new FieldErrors().Opd("opd", r.Opd).MaxLength("team", r.Team, 200).MaxLength("note", r.Note, 2000);
        if (errors.Any) return errors;
        if (current.Status is not (Baru or Ditugaskan or Dikerjakan or MenungguPengguna))
            return OutOfOrder(current.Status, Ditugaskan);
        var next = current.Copy();
        next.AssignedOpd = r.Opd;
        next.AssignedTeam = string.IsNullOrWhiteSpace(r.Team) ? null : r.Team.Trim();
        next.Assignment = new TicketAssignment(r.Opd!, next.AssignedTeam, r.Note, now, actor);
        if (next.Status == Baru)
        {
            next.Status = Ditugaskan;
            next.OwnedAt = now;
            next.Flow.Add(new TicketStep(Baru, Ditugaskan, now, actor, r.Note));
            if (SlaClock.TtoSeconds(calendar, next.CreatedAt, now, now) >= next.TtoTargetMinutes * 60.0) next.TtoBreached = true;
        }
        Reclock(next, calendar, now);
        return Decision.Accept(next, new TicketAssigned(r.Opd!, next.AssignedTeam, r.Note));
    }

    /// <summary>One step of the flow; a step the current status does not allow is 409 <see cref="FlowRule"/>.</summary>
    public static Decision<Ticket> Move(Ticket current, StatusRequest r, SlaCalendar calendar, string actor, DateTimeOffset now)
    {
        var errors = new FieldErrors().OneOf("status", r.Status, [Dikerjakan, MenungguPengguna, Selesai, Ditutup])
            .MaxLength("note", r.Note, 4000).MaxLength("feedback", r.Feedback, 2000)
            .Range("satisfaction", r.Satisfaction, 1, 5, required: false);
        if (r.Status == Selesai) errors.Required("note", r.Note, 4000);
        if (r.Satisfaction is not null && r.Status != Ditutup) errors.Add("satisfaction", "hanya saat menutup / only when closing");
        if (errors.Any) return errors;
        if (!Moves.TryGetValue(current.Status, out var allowed) || !allowed.Contains(r.Status))
            return OutOfOrder(current.Status, r.Status!);
        if (r.Status == Selesai && current.Kind == Perubahan && current.ChangeRequestId is null)
            return new Rejection.BreaksRule(
                "Tiket perubahan diselesaikan melalui permintaan perubahan: tautkan dulu / A change ticket is resolved through a change request: link one first.",
                ChangeRequestRule, "changeRequestId");

        var next = current.Copy();
        next.Status = r.Status!;
        var step = new TicketStep(current.Status, next.Status, now, actor, r.Note, r.Satisfaction);
        next.Flow.Add(step);
        switch (next.Status)
        {
            case Dikerjakan when current.Status == Ditugaskan:
                next.Started = step;
                break;
            case MenungguPengguna:
                next.Pauses.Add(new Pause(now, null, MenungguPengguna));
                break;
            case Dikerjakan when current.Status == MenungguPengguna:
                next.Pauses = [.. next.Pauses.Select(p => p.To is null ? p with { To = now } : p)];
                break;
            case Selesai:
                next.Resolved = step;
                next.ResolvedAt = now;
                next.Resolution = r.Note!.Trim();
                if (SlaClock.TtrSeconds(calendar, next.CreatedAt, now, next.Pauses, now) >= next.TtrTargetMinutes * 60.0) next.TtrBreached = true;
                break;
            case Ditutup:
                next.Closed = step;
                next.ClosedAt = now;
                next.Satisfaction = r.Satisfaction;
                next.Feedback = r.Feedback;
                break;
        }
        Reclock(next, calendar, now);
        return Decision.Accept(next, new TicketStatusChanged(current.Status, next.Status, r.Note));
    }

    /// <summary>Reopens a resolved or closed ticket within the window; the time it stood resolved does not count.</summary>
    public static Decision<Ticket> Reopen(Ticket current, ReopenRequest r, ServiceDeskSettings settings, string actor, DateTimeOffset now)
    {
        if (new FieldErrors().Required("reason", r.Reason, 2000) is { Any: true } errors) return errors;
        if (current.Status is not (Selesai or Ditutup) || current.ResolvedAt is not { } resolved) return OutOfOrder(current.Status, Dikerjakan);
        if (now > resolved.AddDays(settings.ReopenWindowDays))
            return new Rejection.BreaksRule(
                $"Tiket hanya dapat dibuka kembali dalam {settings.ReopenWindowDays} hari setelah selesai / A ticket can be reopened only within {settings.ReopenWindowDays} days of its resolution.",
                ReopenWindowRule);
        var next = current.Copy();
        next.Pauses.Add(new Pause(resolved, now, Selesai));
        next.Status = Dikerjakan;
        next.ResolvedAt = null;
        next.ClosedAt = null;
        next.Resolution = null;
        next.Satisfaction = null;
        next.Resolved = null;
        next.Closed = null;
        next.ReopenCount++;
        next.Flow.Add(new TicketStep(current.Status, Dikerjakan, now, actor, r.Reason));
        Reclock(next, settings.Calendar, now);
        return Decision.Accept(next, new TicketReopened(r.Reason!.Trim()));
    }

    public static Decision<Ticket> Comment(Ticket current, CommentRequest r, string actor, DateTimeOffset now)
    {
        if (new FieldErrors().Required("text", r.Text, 4000) is { Any: true } errors) return errors;
        var next = current.Copy();
        next.Comments.Add(new TicketComment(now, actor, r.Text!.Trim()));
        return Decision.Accept(next, new TicketCommented(r.Text!.Trim()));
    }

    /// <summary>
    /// Links incidents (a problem), a knowledge article (a known error) and a change request (a change ticket). A
    /// <c>knowledgeArticleId</c> must be an article learned from the Knowledge service (<paramref name="article"/>: its
    /// learned copy, null when none), not archived, that the caller reads (<paramref name="canRead"/>: the OPDs whose
    /// records the caller reads).
    /// </summary>
    public static Decision<Ticket> Link(Ticket current, LinkRequest r, KnownArticle? article, Func<string, bool> canRead)
    {
        var errors = new FieldErrors()
            .When(r.KnowledgeArticleId == Guid.Empty, "knowledgeArticleId", "id kosong / an empty id")
            .When(r.ChangeRequestId == Guid.Empty, "changeRequestId", "id kosong / an empty id");
        if (!errors.Count("incidents", r.Incidents, 200) && r.Incidents is not null)
        {
            if (r.Incidents.Any(i => i == Guid.Empty)) errors.Add("incidents", "id kosong / an empty id");
            if (r.Incidents.Contains(current.Id)) errors.Add("incidents", "tiket ini sendiri / this ticket itself");
        }
        if (r.Incidents is null && r.KnowledgeArticleId is null && r.ChangeRequestId is null) errors.Add("incidents", "sekurang-kurangnya satu tautan / at least one link");
        if (errors.Any) return errors;
        if (r.Incidents is { Count: > 0 } && current.Kind != Masalah)
            return new Rejection.BreaksRule("Hanya tiket masalah yang menautkan insiden / Only a problem links incidents.", IncidentsRule, "incidents");
        if (r.ChangeRequestId is not null && current.Kind != Perubahan)
            return new Rejection.BreaksRule("Hanya tiket perubahan yang menautkan permintaan perubahan / Only a change ticket links a change request.", ChangeRequestRule, "changeRequestId");
        if (r.KnowledgeArticleId is { } articleId && KnownArticle.RefusesLink(articleId, article, canRead) is { } unknownArticle) return unknownArticle;
        var next = current.Copy();
        if (r.Incidents is not null) next.Incidents = [.. r.Incidents.Distinct()];
        if (r.KnowledgeArticleId is not null) next.KnowledgeArticleId = r.KnowledgeArticleId;
        if (r.ChangeRequestId is not null) next.ChangeRequestId = r.ChangeRequestId;
        return Decision.Accept(next, new TicketLinked());
    }

    /// <summary>
    /// The breach job's step: flags each clock whose due instant has come (at the exact minute). Null when nothing
    /// is due, so the job writes nothing.
    /// </summary>
    public static Decision<Ticket>? FlagBreaches(Ticket current, DateTimeOffset now)
    {
        var tto = !current.TtoBreached && current.TtoDueAt is { } ttoDue && ttoDue <= now;
        var ttr = !current.TtrBreached && current.TtrDueAt is { } ttrDue && ttrDue <= now;
        if (!tto && !ttr) return null;
        var next = current.Copy();
        next.TtoBreached |= tto;
        next.TtrBreached |= ttr;
        next.TtoDueAt = tto ? null : next.TtoDueAt;
        next.TtrDueAt = ttr ? null : next.TtrDueAt;
        return Decision.Accept(next, (tto, ttr) switch
        {
            (true, true) => new TicketSlaBreached("TTO dan TTR", current.TtoDueAt!.Value < current.TtrDueAt!.Value ? current.TtoDueAt.Value : current.TtrDueAt.Value),
            (true, false) => new TicketSlaBreached("TTO", current.TtoDueAt!.Value),
            _ => new TicketSlaBreached("TTR", current.TtrDueAt!.Value),
        });
    }

    /// <summary>Recomputes the instants the clocks run out (what the breach job looks for), breached clocks aside.</summary>
    private static void Reclock(Ticket t, SlaCalendar calendar, DateTimeOffset now)
    {
        t.TtoDueAt = t.TtoBreached ? null : SlaClock.TtoDue(calendar, t.CreatedAt, t.OwnedAt, t.TtoTargetMinutes);
        t.TtrDueAt = t.TtrBreached ? null : SlaClock.TtrDue(calendar, t.CreatedAt, t.ResolvedAt, t.Pauses, t.TtrTargetMinutes, now);
    }

    private static Rejection OutOfOrder(string from, string to) => new Rejection.Conflict(
        $"Tiket berstatus '{from}' tidak dapat menjadi '{to}' / A ticket in status '{from}' cannot move to '{to}'.", FlowRule, "status");
}
