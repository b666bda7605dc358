namespace SpbeOps.Security.Api.Incidents;

/// <summary>The rules of an incident, free of I/O (decision 13): the flow, its order and its targets.</summary>
public static class IncidentDecider
{
    public const string Reported = "dilaporkan";
    public const string Triaged = "ditriase";
    public const string Handled = "ditangani";
    public const string Recovered = "dipulihkan";
    public const string Closed = "ditutup";
    public static readonly string[] Flow = [Reported, Triaged, Handled, Recovered, Closed];

    public static readonly string[] Categories =
        ["web-defacement", "malware-ransomware", "phishing", "ddos", "kebocoran-data", "akses-tidak-sah", "lainnya"];

    public static readonly string[] ImpactProperties = SecurityVocabulary.Properties;

    public static readonly string[] EscalationTargets = ["csirt-instansi", "bssn"];

    public const string OrderRule = "incident-step-order";
    public const string ClosedRule = "closed-is-final";
    public const string LessonsRule = "lessons-before-close";

    /// <summary>Response-time targets per severity: hours to triage and hours to recover (the project's choice).</summary>
    public static readonly IReadOnlyDictionary<string, (int Triage, int Recover)> Targets = new Dictionary<string, (int, int)>
    {
        ["kritis"] = (1, 24),
        ["tinggi"] = (4, 72),
        ["sedang"] = (24, 168),
        ["rendah"] = (72, 336),
    };

    public static Decision<SecurityIncident> Report(Guid id, IncidentRequest r, string actor, DateTimeOffset now)
    {
        if (Validate(r, now) is { Any: true } errors) return errors;
        var reportedAt = r.ReportedAt ?? now;
        var incident = Fill(new SecurityIncident { Id = id, Opd = r.Opd!, ReportedAt = reportedAt }, r, actor) with
        {
            Timeline = [new TimelineEntry(reportedAt, r.Reporter?.Trim() ?? actor, "Insiden dilaporkan / Incident reported", Reported)],
        };
        return Decision.Accept(incident, new IncidentReported());
    }

    public static Decision<SecurityIncident> Correct(SecurityIncident current, IncidentRequest r, string actor, DateTimeOffset now)
    {
        var errors = Validate(r, now).When(r.Opd is not null && r.Opd != current.Opd, "opd", "tidak dapat diubah / cannot change")
            .When(r.ReportedAt is null && r.DetectedAt > current.ReportedAt, "detectedAt",
                "tidak boleh setelah waktu pelaporan / must not be after the report time");
        if (errors.Any) return errors;
        if (current.Status == Closed) return ClosedIsFinal();
        var next = Fill(current, r, actor);
        return Decision.Accept(Times(next with { ReportedAt = r.ReportedAt ?? current.ReportedAt }), new IncidentCorrected());
    }

    /// <summary>The next step of the flow, taken by the CSIRT (security officer or Diskominfo).</summary>
    public static Decision<SecurityIncident> Step(SecurityIncident current, IncidentStepRequest r, string actor, DateTimeOffset now, bool byCsirt)
    {
        var errors = new FieldErrors()
            .OneOf("status", r.Status, Flow[1..])
            .MaxLength("note", r.Note, 4000)
            .MaxLength("rootCause", r.RootCause, 4000)
            .MaxLength("lessonsLearned", r.LessonsLearned, 4000);
        WhenAt(errors, "at", r.At, now);
        if (errors.Any) return errors;
        if (!byCsirt)
            return new Rejection.Forbidden("Langkah penanganan insiden diambil oleh CSIRT (petugas keamanan atau Diskominfo) / Incident steps are taken by the CSIRT (security officer or Diskominfo).");
        if (current.Status == Closed) return ClosedIsFinal();
        var expected = Flow[Array.IndexOf(Flow, current.Status) + 1];
        if (r.Status != expected)
            return new Rejection.Conflict(
                $"Status '{current.Status}' hanya dapat berlanjut ke '{expected}' / From '{current.Status}' the next step is '{expected}', not '{r.Status}'.",
                OrderRule, "status");

        var at = r.At ?? now;
        if (at < current.ReportedAt)
            return new FieldErrors().Add("at", "tidak boleh sebelum waktu pelaporan / must not be before the report time");
        var next = current with
        {
            Status = r.Status!,
            RootCause = r.RootCause ?? current.RootCause,
            LessonsLearned = r.LessonsLearned ?? current.LessonsLearned,
            Timeline = [.. current.Timeline, new TimelineEntry(at, actor, r.Note?.Trim() is { Length: > 0 } n ? n : $"Status: {r.Status}", r.Status)],
        };
        next = r.Status switch
        {
            Triaged => next with { TriagedAt = at },
            Recovered => next with { RecoveredAt = at },
            Closed => next with { ClosedAt = at },
            _ => next,
        };
        if (r.Status == Closed && current.Severity is "tinggi" or "kritis"
            && (string.IsNullOrWhiteSpace(next.RootCause) || string.IsNullOrWhiteSpace(next.LessonsLearned)))
            return new Rejection.BreaksRule(
                "Insiden tinggi/kritis ditutup setelah akar masalah dan pelajaran dicatat / A high or critical incident closes only with its root cause and lessons learned.",
                LessonsRule, string.IsNullOrWhiteSpace(next.RootCause) ? "rootCause" : "lessonsLearned");
        return Decision.Accept(Times(next), new IncidentStepped(r.Status!, r.Note));
    }

    public static Decision<SecurityIncident> Note(SecurityIncident current, TimelineRequest r, string actor, DateTimeOffset now)
    {
        var errors = new FieldErrors().Required("note", r.Note, 4000);
        WhenAt(errors, "at", r.At, now);
        if (errors.Any) return errors;
        if (current.Status == Closed) return ClosedIsFinal();
        var note = r.Note!.Trim();
        var timeline = current.Timeline.Append(new TimelineEntry(r.At ?? now, actor, note)).OrderBy(e => e.At).ToList();
        return Decision.Accept(current with { Timeline = timeline }, new IncidentNoted(note));
    }

    public static Decision<SecurityIncident> Escalate(SecurityIncident current, EscalationRequest r, string actor, DateTimeOffset now)
    {
        var errors = new FieldErrors().OneOf("to", r.To, EscalationTargets).MaxLength("reference", r.Reference, 100);
        WhenAt(errors, "at", r.At, now);
        if (errors.Any) return errors;
        if (current.Status == Closed) return ClosedIsFinal();
        var at = r.At ?? now;
        return Decision.Accept(current with
        {
            Escalation = new Escalation(r.To!, at, r.Reference?.Trim()),
            Timeline = [.. current.Timeline, new TimelineEntry(at, actor, $"Dieskalasi ke / escalated to {r.To}{(r.Reference is null ? "" : $" ({r.Reference.Trim()})")}")],
        }, new IncidentEscalated(r.To!, r.Reference));
    }

    public static FieldErrors Validate(IncidentRequest r, DateTimeOffset now)
    {
        var errors = new FieldErrors()
            .Opd("opd", r.Opd)
            .Required("title", r.Title, 300)
            .OneOf("category", r.Category, Categories)
            .OneOf("severity", r.Severity, SecurityVocabulary.Severities)
            .MaxLength("reporter", r.Reporter, 200)
            .MaxLength("description", r.Description, 8000)
            .When(r.DetectedAt is null, "detectedAt", "wajib diisi / is required");
        WhenAt(errors, "detectedAt", r.DetectedAt, now);
        WhenAt(errors, "reportedAt", r.ReportedAt, now);
        errors.When(r.DetectedAt is { } d && r.ReportedAt is { } rep && rep < d, "reportedAt",
            "tidak boleh sebelum waktu terdeteksi / must not be before the detection time");
        if (!errors.Count("impact", r.Impact, 5))
            for (var i = 0; i < (r.Impact?.Count ?? 0); i++) errors.OneOf($"impact[{i}]", r.Impact![i], ImpactProperties);
        errors.Count("affectedAssetIds", r.AffectedAssetIds);
        return errors;
    }

    private static void WhenAt(FieldErrors errors, string field, DateTimeOffset? at, DateTimeOffset now)
    {
        if (at is null) return;
        errors.When(at < new DateTimeOffset(FieldErrors.EarliestDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), field,
            $"tidak boleh sebelum {FieldErrors.EarliestDate:yyyy-MM-dd} / must not be before {FieldErrors.EarliestDate:yyyy-MM-dd}");
        errors.When(at > now.AddMinutes(5), field, "tidak boleh di masa depan / must not be in the future");
    }

    private static SecurityIncident Fill(SecurityIncident i, IncidentRequest r, string actor) => Times(i with
    {
        Title = r.Title!.Trim(), Category = r.Category!, Severity = r.Severity!, DetectedAt = r.DetectedAt!.Value,
        Reporter = r.Reporter?.Trim() is { Length: > 0 } reporter ? reporter : actor,
        Impact = [.. (r.Impact ?? []).Distinct()], AffectedAssetIds = [.. (r.AffectedAssetIds ?? []).Distinct()], Description = r.Description,
    });

    /// <summary>The targets from the severity (counted from detection) and the times taken, rounded to minutes.</summary>
    private static SecurityIncident Times(SecurityIncident i)
    {
        var (triage, recover) = Targets[i.Severity];
        var triageDue = i.DetectedAt.AddHours(triage);
        var recoveryDue = i.DetectedAt.AddHours(recover);
        return i with
        {
            TriageDueAt = triageDue,
            RecoveryDueAt = recoveryDue,
            HoursToTriage = i.TriagedAt is { } t ? Hours(t - i.DetectedAt) : null,
            HoursToRecover = i.RecoveredAt is { } r ? Hours(r - i.DetectedAt) : null,
            TriageLate = i.TriagedAt > triageDue,
            RecoveryLate = i.RecoveredAt > recoveryDue,
        };
    }

    private static double Hours(TimeSpan span) => Math.Round(span.TotalMinutes / 60, 2);

    private static Rejection ClosedIsFinal() =>
        new Rejection.Conflict("Insiden sudah ditutup / The incident is closed and cannot change.", ClosedRule);
}
