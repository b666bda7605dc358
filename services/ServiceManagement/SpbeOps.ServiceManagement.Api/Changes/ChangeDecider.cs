using static SpbeOps.ServiceManagement.Api.Changes.ChangeVocabulary;

namespace SpbeOps.ServiceManagement.Api.Changes;

/// <summary>
/// Who is acting on a change: the CAB is Diskominfo, plus the security officer for a change of category keamanan.
/// <paramref name="OnlyOpd"/> is the one OPD an operator reads (null: the whole instansi).
/// </summary>
public sealed record ChangeActor(string Subject, string Name, bool IsAdmin, bool IsSecurityOfficer, string? OnlyOpd = null)
{
    public static ChangeActor Of(Caller caller) =>
        new(caller.Subject, caller.Actor, caller.IsAdmin, caller.IsInRole(SpbeRoles.SecurityOfficer) && !caller.IsAdmin, caller.IsOpdOperator ? caller.Opd ?? "" : null);

    public bool CanRead(string opd) => OnlyOpd is null || string.Equals(OnlyOpd, opd, StringComparison.OrdinalIgnoreCase);

    public string Role => IsAdmin ? SpbeRoles.DiskominfoAdmin : IsSecurityOfficer ? SpbeRoles.SecurityOfficer : SpbeRoles.OpdOperator;
}

/// <summary>Change management's rules, free of I/O.</summary>
public static class ChangeDecider
{
    public const string FlowRule = "status-flow";
    public const string RetrospectiveRule = "retrospective-approval-required";
    public const string AlreadyVotedRule = "already-voted";

    /// <summary>Besaran risiko: the official 5×5 lookup of PermenPANRB 5/2020 (the Risk service's default matrix), rows = likelihood.</summary>
    private static readonly int[][] Besaran =
    [
        [1, 3, 5, 8, 20],
        [2, 7, 11, 13, 21],
        [4, 10, 14, 17, 22],
        [6, 12, 16, 19, 24],
        [9, 15, 18, 23, 25],
    ];

    public static string RiskLevelOf(int besaran) => besaran switch
    {
        <= 5 => "sangat-rendah", <= 10 => "rendah", <= 15 => "sedang", <= 20 => "tinggi", _ => "sangat-tinggi",
    };

    public static FieldErrors Validate(ChangeRequestRequest r, DateOnly today)
    {
        var errors = new FieldErrors().Opd("opd", r.Opd).Required("title", r.Title, 300).MaxLength("description", r.Description, 8000)
            .OneOf("type", r.Type, Types).OneOf("category", r.Category, Categories)
            .Required("implementationPlan", r.ImplementationPlan, 8000).Required("backoutPlan", r.BackoutPlan, 8000)
            .MaxLength("templateName", r.TemplateName, 200);
        if (r.Type == Standar && string.IsNullOrWhiteSpace(r.TemplateName)) errors.Add("templateName", "perubahan standar memakai templat pra-disetujui / a standard change names its pre-approved template");
        if (!errors.Count("services", r.Services, 50) && r.Services?.Any(s => s == Guid.Empty) == true) errors.Add("services", "id kosong / an empty id");
        if (!errors.Count("assets", r.Assets, 100) && r.Assets?.Any(s => s == Guid.Empty) == true) errors.Add("assets", "id kosong / an empty id");
        Window(errors, r.WindowStart, r.WindowEnd, today, required: false);
        return errors;
    }

    private static void Window(FieldErrors errors, DateTimeOffset? start, DateTimeOffset? end, DateOnly today, bool required)
    {
        if (start is null != end is null || (required && start is null))
        {
            errors.Add(start is null ? "windowStart" : "windowEnd", "jadwal perlu awal dan akhir / a window needs a start and an end");
            return;
        }
        if (start is { } s && end is { } e)
        {
            errors.PlannedDate("windowStart", DateOnly.FromDateTime(s.UtcDateTime), today.AddYears(1));
            if (e <= s) errors.Add("windowEnd", "harus setelah awal / must be after the start");
            else if (e - s > TimeSpan.FromDays(90)) errors.Add("windowEnd", "paling lama 90 hari / at most 90 days");
        }
    }

    public static Decision<ChangeRequest> Submit(Guid id, ChangeRequestRequest r, string actor, DateTimeOffset now)
    {
        if (Validate(r, DateOnly.FromDateTime(now.UtcDateTime)) is { Any: true } errors) return errors;
        var c = new ChangeRequest
        {
            Id = id, Opd = r.Opd!, Title = r.Title!.Trim(), Description = r.Description, Type = r.Type!, Category = r.Category!,
            TemplateName = r.Type == Standar ? r.TemplateName!.Trim() : null,
            Services = [.. (r.Services ?? []).Distinct()], Assets = [.. (r.Assets ?? []).Distinct()],
            ImplementationPlan = r.ImplementationPlan!.Trim(), BackoutPlan = r.BackoutPlan!.Trim(),
            WindowStart = r.WindowStart, WindowEnd = r.WindowEnd,
            Flow = [new ChangeStep(null, Diajukan, now, actor, null)],
        };
        if (c.Type == Standar)
        {
            // A standard change skips the CAB: its template was assessed and approved once.
            c.Status = Disetujui;
            c.Approved = true;
            c.ApprovalKind = PreApproved;
            c.Flow.Add(new ChangeStep(Diajukan, Disetujui, now, actor, $"templat / template: {c.TemplateName}"));
        }
        return Decision.Accept(c, new ChangeSubmitted(c.Type, c.Category));
    }

    /// <summary>
    /// The CAB's risk assessment. A named <c>riskId</c> must be a risk of the register learned from the Risk service
    /// (<paramref name="risk"/>: its learned copy, null when none), not withdrawn, of an OPD the actor reads.
    /// </summary>
    public static Decision<ChangeRequest> Assess(ChangeRequest current, AssessmentRequest r, KnownRisk? risk, ChangeActor actor, DateTimeOffset now)
    {
        var errors = new FieldErrors().Range("likelihood", r.Likelihood, 1, 5).Range("impact", r.Impact, 1, 5).MaxLength("note", r.Note, 4000)
            .When(r.RiskId == Guid.Empty, "riskId", "id kosong / an empty id");
        if (r.Approvers is null || r.Approvers.Count == 0) errors.Add("approvers", "sekurang-kurangnya satu anggota CAB / at least one CAB member");
        else errors.Texts("approvers", r.Approvers, 200, 20);
        errors.Range("quorum", r.Quorum, 1, Math.Max(1, r.Approvers?.Count ?? 1));
        if (errors.Any) return errors;
        if (!actor.IsAdmin) return new Rejection.Forbidden("Penilaian perubahan dilakukan CAB (Diskominfo) / The CAB (Diskominfo) assesses changes.");
        if (current.Status != Diajukan) return OutOfOrder(current.Status, Dinilai);
        if (r.RiskId is { } riskId && KnownRisk.RefusesLink(riskId, risk, actor.CanRead) is { } unknownRisk) return unknownRisk;
        var besaran = Besaran[r.Likelihood!.Value - 1][r.Impact!.Value - 1];
        var next = Step(current, Dinilai, actor.Name, now, r.Note);
        next.Approvers = [.. r.Approvers!.Select(a => a!.Trim()).Distinct()];
        next.Quorum = r.Quorum!.Value;
        next.Assessment = new ChangeAssessment(r.Likelihood.Value, r.Impact.Value, besaran, RiskLevelOf(besaran), r.RiskId, r.Note, next.Approvers, next.Quorum, actor.Name, now);
        return Decision.Accept(next, new ChangeAssessed(besaran, next.Assessment.RiskLevel));
    }

    /// <summary>
    /// A named CAB member's vote. The quorum of approvals approves (a change of category keamanan also needs a
    /// security officer's approval); once the quorum can no longer be reached it is rejected. An emergency change
    /// implemented before its approval is voted on afterwards (retrospective approval).
    /// </summary>
    public static Decision<ChangeRequest> CastVote(ChangeRequest current, VoteRequest r, ChangeActor actor, DateTimeOffset now)
    {
        var errors = new FieldErrors().When(r.Approve is null, "approve", "wajib diisi / is required").MaxLength("reason", r.Reason, 2000);
        if (r.Approve is false) errors.Required("reason", r.Reason, 2000);
        if (errors.Any) return errors;
        var retrospective = current.Type == Darurat && current.Status == Diimplementasikan && !current.Approved;
        if (current.Status != Dinilai && !retrospective) return OutOfOrder(current.Status, Disetujui);
        if (!actor.IsAdmin && !(actor.IsSecurityOfficer && current.Category == Keamanan))
            return new Rejection.Forbidden("Hanya anggota CAB yang memberi suara / Only CAB members vote.");
        if (!current.Approvers.Contains(actor.Subject, StringComparer.OrdinalIgnoreCase) && !current.Approvers.Contains(actor.Name, StringComparer.OrdinalIgnoreCase))
            return new Rejection.Forbidden("Anda bukan penyetuju yang ditunjuk untuk perubahan ini / You are not a named approver of this change.");
        if (current.Votes.Any(v => string.Equals(v.By, actor.Subject, StringComparison.OrdinalIgnoreCase)))
            return new Rejection.Conflict("Anda sudah memberi suara / You already voted.", AlreadyVotedRule);

        var next = current.Copy();
        next.LastVote = new Vote(actor.Subject, actor.Role, r.Approve!.Value, r.Reason?.Trim(), now);
        next.Votes.Add(next.LastVote);
        var approvals = next.Votes.Count(v => v.Approve);
        var rejections = next.Votes.Count(v => !v.Approve);
        var securityOk = next.Category != Keamanan || next.Votes.Any(v => v.Approve && v.Role == SpbeRoles.SecurityOfficer);
        if (approvals >= next.Quorum && securityOk)
        {
            next.Approved = true;
            next.ApprovalKind = retrospective ? Retrospective : ByCab;
            if (!retrospective) next = Step(next, Disetujui, actor.Name, now, r.Reason);
        }
        else if (!retrospective && rejections > next.Approvers.Count - next.Quorum)
        {
            next = Step(next, Ditolak, actor.Name, now, r.Reason);
        }
        return Decision.Accept(next, new ChangeVoted(r.Approve!.Value, r.Reason?.Trim()));
    }

    public static Decision<ChangeRequest> Schedule(ChangeRequest current, ScheduleRequest r, string actor, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        Window(errors, r.WindowStart, r.WindowEnd, DateOnly.FromDateTime(now.UtcDateTime), required: true);
        if (errors.Any) return errors;
        if (current.Status is not (Disetujui or Dijadwalkan)) return OutOfOrder(current.Status, Dijadwalkan);
        var next = current.Status == Dijadwalkan ? current.Copy() : Step(current, Dijadwalkan, actor, now, null);
        next.WindowStart = r.WindowStart;
        next.WindowEnd = r.WindowEnd;
        return Decision.Accept(next, new ChangeScheduled(r.WindowStart!.Value, r.WindowEnd!.Value));
    }

    /// <summary>Records the implementation; outside the scheduled window it is flagged (indicator 27 counts it against the process).</summary>
    public static Decision<ChangeRequest> Implement(ChangeRequest current, ImplementationRequest r, string actor, DateTimeOffset now)
    {
        var errors = new FieldErrors().MaxLength("note", r.Note, 4000)
            .When(r.ImplementedAt > now.AddMinutes(5), "implementedAt", "tidak boleh di masa depan / must not be in the future")
            .When(r.ImplementedAt < new DateTimeOffset(FieldErrors.EarliestDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), "implementedAt", "tanggal tidak wajar / date out of range");
        if (errors.Any) return errors;
        var emergency = current.Type == Darurat && current.Status is Diajukan or Dinilai;
        if (current.Status != Dijadwalkan && !emergency) return OutOfOrder(current.Status, Diimplementasikan);
        var at = r.ImplementedAt ?? now;
        var next = Step(current, Diimplementasikan, actor, now, r.Note);
        var outside = next.WindowStart is { } s && next.WindowEnd is { } e && (at < s || at > e);
        next.Implementation = new ChangeImplementation(at, r.Note, outside, actor);
        return Decision.Accept(next, new ChangeImplemented(at, outside, r.Note));
    }

    public static Decision<ChangeRequest> ReviewAfter(ChangeRequest current, ReviewRequest r, string actor, DateTimeOffset now)
    {
        var errors = new FieldErrors().When(r.Success is null, "success", "wajib diisi / is required")
            .Range("incidentsCaused", r.IncidentsCaused, 0, 10_000).Required("lessons", r.Lessons, 8000);
        if (errors.Any) return errors;
        if (current.Status != Diimplementasikan) return OutOfOrder(current.Status, Direviu);
        if (!current.Approved)
            return new Rejection.BreaksRule(
                "Perubahan darurat perlu persetujuan retrospektif CAB sebelum direviu / An emergency change needs the CAB's retrospective approval before its review.",
                RetrospectiveRule);
        var next = Step(current, Direviu, actor, now, null);
        next.Review = new PostImplementationReview(r.Success!.Value, r.IncidentsCaused!.Value, r.Lessons!.Trim(), actor, now);
        return Decision.Accept(next, new ChangeReviewed(r.Success.Value, r.IncidentsCaused.Value));
    }

    public static Decision<ChangeRequest> Close(ChangeRequest current, CloseRequest r, string actor, DateTimeOffset now)
    {
        if (new FieldErrors().MaxLength("note", r.Note, 2000) is { Any: true } errors) return errors;
        if (current.Status != Direviu) return OutOfOrder(current.Status, Ditutup);
        var next = Step(current, Ditutup, actor, now, r.Note);
        next.ClosedAt = now;
        return Decision.Accept(next, new ChangeClosed(r.Note));
    }

    /// <summary>The changes among <paramref name="others"/> whose window overlaps <paramref name="change"/>'s on a shared service.</summary>
    public static IReadOnlyList<ChangeConflict> ConflictsOf(ChangeRequest change, IEnumerable<ChangeRequest> others)
    {
        if (change.WindowStart is not { } start || change.WindowEnd is not { } end) return [];
        return
        [
            .. others.Where(o => o.Id != change.Id && o.Status is not (Ditolak or Ditutup) && o.WindowStart < end && o.WindowEnd > start)
                .Select(o => (o, shared: o.Services.Intersect(change.Services).ToList()))
                .Where(x => x.shared.Count > 0)
                .Select(x => new ChangeConflict(x.o.Id, x.o.Title, x.o.Opd, x.o.Status, x.o.WindowStart!.Value, x.o.WindowEnd!.Value, x.shared)),
        ];
    }

    private static ChangeRequest Step(ChangeRequest current, string to, string actor, DateTimeOffset now, string? note)
    {
        var next = current.Copy();
        next.Flow.Add(new ChangeStep(current.Status, to, now, actor, note));
        next.Status = to;
        return next;
    }

    private static Rejection OutOfOrder(string from, string to) => new Rejection.Conflict(
        $"Perubahan berstatus '{from}' tidak dapat menjadi '{to}' / A change in status '{from}' cannot move to '{to}'.", FlowRule, "status");
}
