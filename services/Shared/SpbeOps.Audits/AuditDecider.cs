namespace SpbeOps.Audits;

/// <summary>The rules of an audit engagement, free of I/O (decision 13).</summary>
public static class AuditDecider
{
    public const string Planning = "perencanaan";
    public const string Fieldwork = "pelaksanaan";
    public const string Reporting = "pelaporan";
    public const string Monitoring = "pemantauan-tindak-lanjut";
    public static readonly string[] Stages = [Planning, Fieldwork, Reporting, Monitoring];

    public const string Internal = "internal";
    public const string External = "eksternal";
    public static readonly string[] AuditorTypes = [Internal, External];

    public const string OrderRule = "audit-stage-order";
    public const string WithdrawnRule = "withdrawn-is-final";
    public const string FindingsRule = "findings-after-fieldwork";

    public static Decision<AuditEngagement> Plan(Guid id, AuditRequest r, AuditOptions options, DateOnly today)
    {
        r = WithIndicator(r, options);
        return Validate(r, options, today) is { Any: true } errors ? errors : Decision.Accept(Fill(new AuditEngagement { Id = id }, r), new AuditPlanned());
    }

    public static Decision<AuditEngagement> Revise(AuditEngagement current, AuditRequest r, AuditOptions options, DateOnly today)
    {
        r = r with { Indicator = r.Indicator ?? current.Indicator };
        var errors = Validate(r, options, today).When(r.Indicator != current.Indicator, "indicator", "tidak dapat diubah / cannot change");
        if (errors.Any) return errors;
        return current.Withdrawn ? WithdrawnIsFinal() : Decision.Accept(Fill(current, r), new AuditRevised());
    }

    /// <summary>A service that keeps audits of one indicator needs no <c>indicator</c> in the request.</summary>
    private static AuditRequest WithIndicator(AuditRequest r, AuditOptions options) =>
        r.Indicator is null && options.Indicators.Count == 1 ? r with { Indicator = options.Indicators.Single() } : r;

    public static Decision<AuditEngagement> Advance(AuditEngagement current, AuditStageRequest r, DateOnly today)
    {
        var errors = new FieldErrors().OneOf("stage", r.Stage, Stages[1..]).PastDate("on", r.On, today);
        if (errors.Any) return errors;
        if (current.Withdrawn) return WithdrawnIsFinal();
        var index = Array.IndexOf(Stages, current.Stage);
        if (index == Stages.Length - 1 || Stages[index + 1] != r.Stage)
            return new Rejection.Conflict(
                index == Stages.Length - 1
                    ? "Audit sudah pada tahap terakhir / The audit is at its last stage."
                    : $"Dari tahap '{current.Stage}' hanya ke '{Stages[index + 1]}' / From '{current.Stage}' the next stage is '{Stages[index + 1]}'.",
                OrderRule, "stage");
        var on = r.On ?? today;
        if (on < (current.StartedOn ?? DateOnly.MinValue) || on < (current.ReportedOn ?? DateOnly.MinValue))
            return new FieldErrors().Add("on", "tidak boleh sebelum tahap sebelumnya / must not be before the previous stage");
        var next = r.Stage switch
        {
            Fieldwork => current with { Stage = Fieldwork, StartedOn = on },
            Reporting => current with { Stage = Reporting, ReportedOn = on },
            _ => current with { Stage = Monitoring, MonitoringFrom = on },
        };
        return Decision.Accept(next, new AuditStageReached(r.Stage!, on));
    }

    /// <summary>Findings come from the fieldwork: recorded once the audit is carried out, revised (followed up) later.</summary>
    public static Decision<AuditEngagement> RecordFinding(AuditEngagement current, FindingRequest r, Guid id, DateOnly today)
    {
        var (findings, errors) = Findings.Add(current.Findings, r, id, today);
        if (errors.Any) return errors;
        if (current.Withdrawn) return WithdrawnIsFinal();
        if (current.Stage == Planning)
            return new Rejection.Conflict("Temuan dicatat setelah audit dilaksanakan / Findings are recorded once the fieldwork started.", FindingsRule);
        return Decision.Accept(current with { Findings = findings! }, new AuditFindingRecorded(id));
    }

    public static Decision<AuditEngagement> ReviseFinding(AuditEngagement current, Guid findingId, FindingRequest r, DateOnly today)
    {
        if (Findings.Revise(current.Findings, findingId, r, today) is not var (findings, errors)) return new Rejection.NotFound("Temuan / Finding", findingId);
        if (errors.Any) return errors;
        if (current.Withdrawn) return WithdrawnIsFinal();
        return Decision.Accept(current with { Findings = findings! }, new AuditFindingRevised(findingId, findings!.Single(f => f.Id == findingId).Status));
    }

    public static Decision<AuditEngagement> Withdraw(AuditEngagement current, WithdrawAuditRequest r)
    {
        if (new FieldErrors().Required("reason", r.Reason, 1000) is { Any: true } errors) return errors;
        if (current.Withdrawn) return WithdrawnIsFinal();
        var reason = r.Reason!.Trim();
        return Decision.Accept(current with { Withdrawn = true, WithdrawnReason = reason }, new AuditWithdrawn(reason));
    }

    public static FieldErrors Validate(AuditRequest r, AuditOptions options, DateOnly today)
    {
        var subjects = r.Indicator is { } n && options.Subjects.TryGetValue(n, out var s) ? s : [];
        var errors = new FieldErrors()
            .When(r.Indicator is not { } indicator || !options.Subjects.ContainsKey(indicator), "indicator",
                $"wajib salah satu dari / must be one of: {string.Join(", ", options.Indicators)}")
            .Required("title", r.Title, 300)
            .OneOf("auditorType", r.AuditorType, AuditorTypes)
            .Required("auditor", r.Auditor, 200)
            .When(r.PlannedStart is null, "plannedStart", "wajib diisi / is required")
            .PlannedDate("plannedStart", r.PlannedStart, today)
            .PlannedDate("plannedEnd", r.PlannedEnd, today)
            .When(r.PlannedEnd < r.PlannedStart, "plannedEnd", "tidak boleh sebelum plannedStart / must not be before plannedStart")
            .MaxLength("certificateNumber", r.CertificateNumber, 100)
            .PlannedDate("certificateValidUntil", r.CertificateValidUntil, today)
            .MaxLength("standard", r.Standard, 300)
            .When(r.Covers is not { Count: > 0 }, "covers", $"wajib diisi, dari / is required, of: {string.Join(", ", subjects)}");
        if (subjects.Count > 0 && !errors.Count("covers", r.Covers, 10))
            for (var i = 0; i < (r.Covers?.Count ?? 0); i++) errors.OneOf($"covers[{i}]", r.Covers![i], [.. subjects]);
        errors.Count("targetAssetIds", r.TargetAssetIds);
        if (r.AuditorType == External)
        {
            // A LATIK audit names its auditor certificate (registration) and its validity (Peraturan BSSN 8/2024).
            errors.Required("certificateNumber", r.CertificateNumber, 100)
                .When(r.CertificateValidUntil is null, "certificateValidUntil", "wajib diisi untuk auditor eksternal / is required for an external auditor");
        }
        return errors;
    }

    private static AuditEngagement Fill(AuditEngagement a, AuditRequest r) => a with
    {
        Indicator = r.Indicator!.Value, Title = r.Title!.Trim(), AuditorType = r.AuditorType!, Auditor = r.Auditor!.Trim(), PlannedStart = r.PlannedStart!.Value, PlannedEnd = r.PlannedEnd,
        CertificateNumber = r.CertificateNumber?.Trim(), CertificateValidUntil = r.CertificateValidUntil, Standard = r.Standard,
        Covers = [.. r.Covers!.Distinct()], TargetAssetIds = [.. (r.TargetAssetIds ?? []).Distinct()],
    };

    private static Rejection WithdrawnIsFinal() =>
        new Rejection.Conflict("Audit sudah dibatalkan / The audit was withdrawn and cannot change.", WithdrawnRule);
}
