namespace SpbeOps.Risk.Api.Monitoring;

/// <summary>The rules of monitoring reports (Formulir 5.0), free of I/O.</summary>
public static class MonitoringDecider
{
    /// <summary>Rules that need nothing loaded: scope, kind and its span, the date, the shape of the entries.</summary>
    public static FieldErrors Validate(MonitoringRequest r, MonitoringReport? current, DateOnly today)
    {
        var errors = new FieldErrors();
        if (current is null)
        {
            errors.Opd("opd", r.Opd).Range("periodYear", r.PeriodYear, ContextDecider.FirstYear, today.Year + 1);
        }
        else
        {
            if (r.Opd is not null && r.Opd != current.Opd) errors.Add("opd", $"UPR laporan tidak dapat diubah (tetap '{current.Opd}') / a report's OPD cannot change (it is '{current.Opd}')");
            if (r.PeriodYear is not null && r.PeriodYear != current.PeriodYear) errors.Add("periodYear", $"periode laporan tidak dapat diubah (tetap {current.PeriodYear}) / a report's period cannot change (it is {current.PeriodYear})");
        }
        errors.OneOf("kind", r.Kind, RiskVocabulary.MonitoringKinds).MaxLength("notes", r.Notes, 4000);
        if (r.Kind == RiskVocabulary.Triwulan) errors.Range("quarter", r.Quarter, 1, 4);
        else if (r.Quarter is not null) errors.Add("quarter", "hanya untuk laporan triwulan / only for a triwulan report");
        if (r.Kind == RiskVocabulary.Semester) errors.Range("semester", r.Semester, 1, 2);
        else if (r.Semester is not null) errors.Add("semester", "hanya untuk laporan semester / only for a semester report");

        var year = current?.PeriodYear ?? r.PeriodYear;
        if (r.ReportedOn is null) errors.Add("reportedOn", "tanggal laporan wajib diisi / the date of the report is required");
        else if (r.ReportedOn > today.AddDays(1) || r.ReportedOn < FieldErrors.EarliestDate) errors.Date("reportedOn", r.ReportedOn, today.AddDays(1), today);
        else if (year is not null && !errors.Any && r.ReportedOn < SpanStart(year.Value, r.Kind!, r.Quarter, r.Semester))
            errors.Add("reportedOn", $"tidak boleh sebelum awal rentang yang dilaporkan ({SpanStart(year.Value, r.Kind!, r.Quarter, r.Semester):yyyy-MM-dd}) / must not be before the start of the reported span");

        var entries = r.Entries ?? [];
        if (entries.Count == 0) errors.Add("entries", "catat minimal satu risiko / report on at least one risk");
        if (errors.Count("entries", entries, 500)) entries = [];
        var seen = new HashSet<Guid>();
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var f = $"entries[{i}]";
            if (e is null) { errors.Add(f, "wajib diisi / is required"); continue; }
            if (e.RiskId is null) errors.Add($"{f}.riskId", "wajib diisi / is required");
            else if (!seen.Add(e.RiskId.Value)) errors.Add($"{f}.riskId", "risiko ini sudah dilaporkan di baris lain / this risk is already reported in another entry");
            errors.MaxLength($"{f}.treatmentDone", e.TreatmentDone, 2000).MaxLength($"{f}.plan", e.Plan, 2000)
                .MaxLength($"{f}.personInCharge", e.PersonInCharge, 200).MaxLength($"{f}.schedule", e.Schedule, 200)
                .MaxLength($"{f}.recommendation", e.Recommendation, 2000);
            if ((e.ProjectedLikelihoodLevel is null) != (e.ProjectedImpactLevel is null))
                errors.Add($"{f}.projectedImpactLevel", "proyeksi perlu level kemungkinan dan level dampak / a projection needs both likelihood and impact levels");
        }
        return errors;
    }

    /// <summary>Builds the report against its context and the register (the risks of the same OPD and year, by id).</summary>
    public static Decision<MonitoringReport> Decide(Guid id, MonitoringRequest r, RiskContext ctx, IReadOnlyDictionary<Guid, RegisteredRisk> register,
        MonitoringReport? current)
    {
        if (current is not null && !ApprovalFlow.IsEditable(current.ApprovalStatus)) return ApprovalFlow.LockedInReview(current.ApprovalStatus);
        var errors = new FieldErrors();
        var entries = new List<MonitoringEntry>();
        var items = r.Entries ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            var e = items[i];
            var f = $"entries[{i}]";
            if (!register.TryGetValue(e.RiskId!.Value, out var risk) || risk.Withdrawn)
                return new Rejection.BreaksRule(
                    $"Risiko '{e.RiskId}' tidak ada pada register {ctx.Opd} tahun {ctx.PeriodYear} / Risk '{e.RiskId}' is not in the register of {ctx.Opd} for {ctx.PeriodYear}.",
                    "risk-in-register", $"{f}.riskId");
            errors.Range($"{f}.likelihoodLevel", e.LikelihoodLevel, 1, ctx.LikelihoodCriteria.Count)
                .Range($"{f}.impactLevel", e.ImpactLevel, 1, ctx.ImpactCriteria.Count)
                .Range($"{f}.projectedLikelihoodLevel", e.ProjectedLikelihoodLevel, 1, ctx.LikelihoodCriteria.Count, required: false)
                .Range($"{f}.projectedImpactLevel", e.ProjectedImpactLevel, 1, ctx.ImpactCriteria.Count, required: false);
            if (errors.Any) continue;

            var besaran = ctx.BesaranOf(e.LikelihoodLevel!.Value, e.ImpactLevel!.Value) ?? 0;
            var band = ctx.BandOf(besaran);
            int? projected = e.ProjectedLikelihoodLevel is { } pl && e.ProjectedImpactLevel is { } pi ? ctx.BesaranOf(pl, pi) : null;
            entries.Add(new MonitoringEntry(risk.Id, risk.Code, risk.Event, e.LikelihoodLevel.Value, e.ImpactLevel.Value, besaran,
                band?.Level ?? 0, band?.Name ?? "", risk.Besaran, Trend(risk.Besaran, besaran), RiskDecider.IsAboveAppetite(besaran, risk.Appetite),
                e.ProjectedLikelihoodLevel, e.ProjectedImpactLevel, projected, Trimmed(e.TreatmentDone), Trimmed(e.Plan),
                Trimmed(e.PersonInCharge), Trimmed(e.Schedule), Trimmed(e.Recommendation)));
        }
        if (errors.Any) return errors;

        var report = current?.Copy() ?? new MonitoringReport { Id = id, ContextId = ctx.Id, Opd = ctx.Opd, PeriodYear = ctx.PeriodYear };
        report.Kind = r.Kind!;
        report.Quarter = r.Quarter;
        report.Semester = r.Semester;
        report.ReportedOn = r.ReportedOn!.Value;
        report.Notes = Trimmed(r.Notes);
        report.Entries = entries;
        report.ApprovalStatus = current is null ? ApprovalFlow.Draft : ApprovalFlow.AfterEdit(current.ApprovalStatus);
        return current is null ? Decision.Accept(report, new RiskMonitoringReported()) : Decision.Accept(report, new RiskMonitoringRevised());
    }

    /// <summary>The first day of the span a report covers: its quarter, its semester, or the year.</summary>
    public static DateOnly SpanStart(int year, string kind, int? quarter, int? semester) => kind switch
    {
        RiskVocabulary.Triwulan when quarter is >= 1 and <= 4 => new DateOnly(year, 3 * (quarter.Value - 1) + 1, 1),
        RiskVocabulary.Semester when semester is 1 or 2 => new DateOnly(year, 6 * (semester.Value - 1) + 1, 1),
        _ => new DateOnly(year, 1, 1),
    };

    /// <summary>The span a triwulan, semester or tahunan report occupies; incidental reports occupy none.</summary>
    public static string? SlotKey(string kind, int? quarter, int? semester) => kind switch
    {
        RiskVocabulary.Triwulan => $"triwulan-{quarter}",
        RiskVocabulary.Semester => $"semester-{semester}",
        RiskVocabulary.Tahunan => "tahunan",
        _ => null,
    };

    public static string Trend(int inherent, int current) =>
        current > inherent ? RiskVocabulary.TrendUp : current < inherent ? RiskVocabulary.TrendDown : RiskVocabulary.TrendSame;

    private static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
