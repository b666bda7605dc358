using System.Text.RegularExpressions;

namespace SpbeOps.Risk.Api.Risks;

/// <summary>
/// The rules of the register, free of I/O: what a valid assessment and treatment plan are, what the context derives
/// from them (besaran, level, decision, residual), and the priority order.
/// </summary>
public static partial class RiskDecider
{
    public const string CodeRule = "kode risiko: huruf, angka, '.', '-' atau '/', 1–32 karakter / risk code: letters, digits, '.', '-' or '/', 1–32 characters";

    /// <summary>Field rules of an assessment against its context (unknown category or area, level outside the scale: 400).</summary>
    public static FieldErrors Validate(RiskRequest r, RiskContext ctx)
    {
        var errors = new FieldErrors()
            .OneOf("riskType", r.RiskType, RiskVocabulary.RiskTypes)
            .Required("event", r.Event, 2000)
            .OneOf("category", r.Category, ctx.Categories.Select(c => c.Code).ToList())
            .OneOf("impactArea", r.ImpactArea, ctx.ImpactAreas.Select(c => c.Code).ToList())
            .Range("likelihoodLevel", r.LikelihoodLevel, 1, ctx.LikelihoodCriteria.Count)
            .Range("impactLevel", r.ImpactLevel, 1, ctx.ImpactCriteria.Count)
            .MaxLength("objective", r.Objective, 1000)
            .MaxLength("cause", r.Cause, 2000)
            .MaxLength("impact", r.Impact, 2000)
            .MaxLength("existingControls", r.ExistingControls, 2000)
            .MaxLength("likelihoodExplanation", r.LikelihoodExplanation, 2000)
            .MaxLength("impactExplanation", r.ImpactExplanation, 2000);
        if (r.Code is not null && !Code().IsMatch(r.Code)) errors.Add("code", CodeRule);
        var assets = r.AssetIds ?? [];
        errors.Count("assetIds", assets, 50);
        if (assets.Distinct().Count() != assets.Count) errors.Add("assetIds", "ada id yang berulang / an id is listed twice");
        if (r.Category is not null && r.RiskType is not null && ctx.AppetiteFor(r.Category, r.RiskType) is null
            && ctx.Categories.Any(c => c.Code == r.Category) && RiskVocabulary.RiskTypes.Contains(r.RiskType))
            errors.Add("category", $"selera risiko kategori '{r.Category}' belum ditetapkan pada konteks (Formulir 2.10) / the context sets no appetite for category '{r.Category}' yet");
        return errors;
    }

    /// <summary>Field rules when the request names the context: OPD code and year (used before the context is loaded).</summary>
    public static FieldErrors ValidateScope(RiskRequest r)
    {
        return new FieldErrors().Opd("opd", r.Opd).Range("periodYear", r.PeriodYear, ContextDecider.FirstYear, 9999);
    }

    public static readonly Rejection WithdrawnIsFinal =
        new Rejection.Conflict("Risiko sudah dicabut / The risk was withdrawn and cannot change.", "withdrawn-is-final");

    /// <summary>A new risk of the register; <paramref name="source"/> is <c>api</c> or <c>xlsx</c>.</summary>
    public static Decision<RegisteredRisk> Identify(Guid id, string code, RiskRequest r, RiskContext ctx, string source)
    {
        var errors = Validate(r, ctx);
        if (errors.Any) return errors;
        var risk = Assess(new RegisteredRisk { Id = id, ContextId = ctx.Id, Opd = ctx.Opd, PeriodYear = ctx.PeriodYear, Code = code }, r);
        Derive(risk, ctx);
        return Decision.Accept(risk, new RiskIdentified(source));
    }

    /// <summary>A revised assessment: its OPD and year stay, a risk under review or withdrawn does not change.</summary>
    public static Decision<RegisteredRisk> Revise(RegisteredRisk current, RiskRequest r, RiskContext ctx, string source)
    {
        if (current.Withdrawn) return WithdrawnIsFinal;
        var errors = Validate(r, ctx);
        if (r.Opd is not null && r.Opd != current.Opd)
            errors.Add("opd", $"UPR sebuah risiko tidak dapat diubah (tetap '{current.Opd}') / a risk's OPD cannot change (it is '{current.Opd}')");
        if (r.PeriodYear is not null && r.PeriodYear != current.PeriodYear)
            errors.Add("periodYear", $"periode sebuah risiko tidak dapat diubah (tetap {current.PeriodYear}) / a risk's period cannot change (it is {current.PeriodYear})");
        if (errors.Any) return errors;
        if (!ApprovalFlow.IsEditable(current.ApprovalStatus)) return ApprovalFlow.LockedInReview(current.ApprovalStatus);

        var risk = Assess(current.Copy(), r);
        if (r.Code is not null) risk.Code = r.Code;
        Derive(risk, ctx);
        return Decision.Accept(Touched(risk, current), new RiskAssessmentRevised(source));
    }

    /// <summary>The risk as its revised context derives it, or null when nothing derived changes.</summary>
    public static RegisteredRisk? Recalculated(RegisteredRisk current, RiskContext ctx)
    {
        var risk = current.Copy();
        return Derive(risk, ctx) ? risk : null;
    }

    /// <summary>Whether a revision would change nothing the user said (used by the import to skip unchanged rows).</summary>
    public static bool SameAssessment(RegisteredRisk a, RiskRequest r) =>
        a.RiskType == r.RiskType && a.Event == r.Event?.Trim() && a.Category == r.Category && a.ImpactArea == r.ImpactArea
        && a.LikelihoodLevel == r.LikelihoodLevel && a.ImpactLevel == r.ImpactLevel && a.Objective == Trimmed(r.Objective)
        && a.Cause == Trimmed(r.Cause) && a.Impact == Trimmed(r.Impact) && a.ExistingControls == Trimmed(r.ExistingControls)
        && a.LikelihoodExplanation == Trimmed(r.LikelihoodExplanation) && a.ImpactExplanation == Trimmed(r.ImpactExplanation)
        && a.AssetIds.SequenceEqual(r.AssetIds ?? []);

    /// <summary>
    /// Fills what the context derives: besaran from the matrix, the level band, the appetite of the category and
    /// type, the decision (treat when besaran ≥ appetite), completeness, and each plan's residual. Returns whether
    /// any derived value changed.
    /// </summary>
    public static bool Derive(RegisteredRisk risk, RiskContext ctx)
    {
        var before = (risk.Besaran, risk.Level, risk.LevelName, risk.Appetite, risk.AboveAppetite, risk.AssessmentComplete,
            risk.ResidualBesaran, risk.ResidualLevel, risk.ResidualAboveAppetite, Treatments: string.Join("|", risk.Treatments));

        risk.Besaran = ctx.BesaranOf(risk.LikelihoodLevel, risk.ImpactLevel) ?? 0;
        var band = ctx.BandOf(risk.Besaran);
        risk.Level = band?.Level ?? 0;
        risk.LevelName = band?.Name ?? "";
        risk.LevelColour = band?.Colour ?? "";
        risk.Appetite = ctx.AppetiteFor(risk.Category, risk.RiskType) ?? 1;
        risk.AboveAppetite = IsAboveAppetite(risk.Besaran, risk.Appetite);
        risk.MissingForAssessment = MissingFields(risk);
        risk.AssessmentComplete = risk.MissingForAssessment.Count == 0;
        risk.Treatments = risk.Treatments.Select(t => Residual(t, risk, ctx)).ToList();
        var last = risk.Treatments.LastOrDefault();
        risk.TreatmentDecided = last is not null;
        risk.ResidualBesaran = last?.ResidualBesaran;
        risk.ResidualLevel = last?.ResidualLevel;
        risk.ResidualAboveAppetite = last?.ResidualAboveAppetite;

        var after = (risk.Besaran, risk.Level, risk.LevelName, risk.Appetite, risk.AboveAppetite, risk.AssessmentComplete,
            risk.ResidualBesaran, risk.ResidualLevel, risk.ResidualAboveAppetite, Treatments: string.Join("|", risk.Treatments));
        return before != after;
    }

    /// <summary>Selera risiko (Formulir 2.10) is the minimum besaran that must be treated.</summary>
    public static bool IsAboveAppetite(int besaran, int appetite) => besaran >= appetite;

    /// <summary>Formulir 3.0 fields still empty, by JSON name.</summary>
    public static List<string> MissingFields(RegisteredRisk r)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(r.Event)) missing.Add("event");
        if (string.IsNullOrWhiteSpace(r.Cause)) missing.Add("cause");
        if (string.IsNullOrWhiteSpace(r.Category)) missing.Add("category");
        if (string.IsNullOrWhiteSpace(r.Impact)) missing.Add("impact");
        if (string.IsNullOrWhiteSpace(r.ImpactArea)) missing.Add("impactArea");
        if (string.IsNullOrWhiteSpace(r.ExistingControls)) missing.Add("existingControls");
        if (r.LikelihoodLevel < 1) missing.Add("likelihoodLevel");
        if (string.IsNullOrWhiteSpace(r.LikelihoodExplanation)) missing.Add("likelihoodExplanation");
        if (r.ImpactLevel < 1) missing.Add("impactLevel");
        if (string.IsNullOrWhiteSpace(r.ImpactExplanation)) missing.Add("impactExplanation");
        return missing;
    }

    /// <summary>
    /// Prioritas risiko: descending besaran. The regulation leaves ties to expert judgement; the service breaks them
    /// by the higher impact level (the official matrix already weighs impact above likelihood), then by code.
    /// Withdrawn risks have no priority.
    /// </summary>
    public static Dictionary<Guid, int> Priorities(IEnumerable<RegisteredRisk> risks) =>
        risks.Where(r => !r.Withdrawn)
            .OrderByDescending(r => r.Besaran)
            .ThenByDescending(r => r.ImpactLevel)
            .ThenBy(r => r.Code, StringComparer.Ordinal)
            .Select((r, i) => (r.Id, Rank: i + 1))
            .ToDictionary(p => p.Id, p => p.Rank);

    /// <summary>The next free register number of an OPD and year: R-001, R-002, …</summary>
    public static string NextCode(IEnumerable<string> taken)
    {
        var used = taken.ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var n = 1; ; n++)
        {
            var code = $"R-{n:000}";
            if (!used.Contains(code)) return code;
        }
    }

    // ---- Formulir 4.0 ----

    /// <summary>Adds a plan (<paramref name="replacing"/> null) or revises one.</summary>
    public static Decision<RegisteredRisk> Treat(RegisteredRisk current, TreatmentRequest t, RiskContext ctx, Guid planId, TreatmentPlan? replacing, string actor, DateTimeOffset now)
    {
        if (current.Withdrawn) return WithdrawnIsFinal;
        var allOptions = RiskVocabulary.PositiveOptions.Union(RiskVocabulary.NegativeOptions).ToList();
        var errors = new FieldErrors()
            .OneOf("option", t.Option, allOptions)
            .Required("actionPlan", t.ActionPlan, 2000)
            .Required("output", t.Output, 1000)
            .Required("personInCharge", t.PersonInCharge, 200)
            .Range("residualLikelihoodLevel", t.ResidualLikelihoodLevel, 1, ctx.LikelihoodCriteria.Count)
            .Range("residualImpactLevel", t.ResidualImpactLevel, 1, ctx.ImpactCriteria.Count)
            .OneOf("status", t.Status, RiskVocabulary.TreatmentStatuses, required: false);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        errors.PlannedDate("scheduleStart", t.ScheduleStart, today).PlannedDate("scheduleEnd", t.ScheduleEnd, today);
        if (t.ScheduleStart is null) errors.Add("scheduleStart", "jadwal mulai wajib diisi / the start of the schedule is required");
        if (t.ScheduleEnd is null) errors.Add("scheduleEnd", "jadwal selesai wajib diisi / the end of the schedule is required");
        else if (t.ScheduleStart is not null && t.ScheduleEnd < t.ScheduleStart) errors.Add("scheduleEnd", "tidak boleh sebelum jadwal mulai / must not be before scheduleStart");
        if (errors.Any) return errors;

        var allowed = RiskVocabulary.OptionsFor(current.RiskType);
        if (!allowed.Contains(t.Option!))
            return new Rejection.BreaksRule(
                $"Opsi '{t.Option}' tidak untuk risiko {current.RiskType}; gunakan: {string.Join(", ", allowed)} / Option '{t.Option}' does not fit a {current.RiskType} risk; use one of: {string.Join(", ", allowed)}.",
                "option-fits-risk-type", "option");
        var residual = ctx.BesaranOf(t.ResidualLikelihoodLevel!.Value, t.ResidualImpactLevel!.Value) ?? 0;
        if (current.RiskType == RiskVocabulary.Negatif && residual > current.Besaran)
            return new Rejection.BreaksRule(
                $"Besaran residual {residual} melebihi besaran risiko {current.Besaran}: penanganan risiko negatif tidak boleh memperbesar risiko / The residual besaran {residual} exceeds the risk's besaran {current.Besaran}: treating a negative risk cannot make it larger.",
                "residual-not-above-inherent", "residualImpactLevel");
        if (!ApprovalFlow.IsEditable(current.ApprovalStatus)) return ApprovalFlow.LockedInReview(current.ApprovalStatus);

        var plan = new TreatmentPlan(planId, t.Option!, t.ActionPlan!.Trim(), t.Output!.Trim(), t.ScheduleStart!.Value, t.ScheduleEnd!.Value,
            t.PersonInCharge!.Trim(), t.ResidualLikelihoodLevel.Value, t.ResidualImpactLevel.Value, 0, 0, "", false,
            t.Status ?? replacing?.Status ?? RiskVocabulary.TreatmentPlanned, actor, now);
        var risk = current.Copy();
        risk.Treatments = replacing is null ? [.. risk.Treatments, plan] : risk.Treatments.Select(p => p.Id == planId ? plan : p).ToList();
        Derive(risk, ctx);
        return Decision.Accept(Touched(risk, current), replacing is null ? new RiskTreatmentPlanned(planId) : new RiskTreatmentRevised(planId));
    }

    public static Decision<RegisteredRisk> RemoveTreatment(RegisteredRisk current, Guid planId, RiskContext ctx)
    {
        if (current.Withdrawn) return WithdrawnIsFinal;
        if (current.Treatments.All(t => t.Id != planId)) return new Rejection.NotFound("Rencana penanganan / Treatment plan", planId);
        if (!ApprovalFlow.IsEditable(current.ApprovalStatus)) return ApprovalFlow.LockedInReview(current.ApprovalStatus);
        var risk = current.Copy();
        risk.Treatments = risk.Treatments.Where(p => p.Id != planId).ToList();
        Derive(risk, ctx);
        return Decision.Accept(Touched(risk, current), new RiskTreatmentRemoved(planId));
    }

    public static Decision<RegisteredRisk> Withdraw(RegisteredRisk current, string? reason)
    {
        if (current.Withdrawn) return WithdrawnIsFinal;
        var errors = new FieldErrors().Required("reason", reason, 1000);
        if (errors.Any) return errors;
        if (!ApprovalFlow.IsEditable(current.ApprovalStatus)) return ApprovalFlow.LockedInReview(current.ApprovalStatus);
        var risk = current.Copy();
        risk.Withdrawn = true;
        risk.WithdrawnReason = reason!.Trim();
        return Decision.Accept(risk, new RiskWithdrawn(risk.WithdrawnReason));
    }

    /// <summary>After a user's edit an approved or returned risk goes back to draft.</summary>
    private static RegisteredRisk Touched(RegisteredRisk risk, RegisteredRisk current)
    {
        risk.ApprovalStatus = ApprovalFlow.AfterEdit(current.ApprovalStatus);
        return risk;
    }

    private static TreatmentPlan Residual(TreatmentPlan p, RegisteredRisk risk, RiskContext ctx)
    {
        var besaran = ctx.BesaranOf(p.ResidualLikelihoodLevel, p.ResidualImpactLevel) ?? 0;
        var band = ctx.BandOf(besaran);
        return p with
        {
            ResidualBesaran = besaran,
            ResidualLevel = band?.Level ?? 0,
            ResidualLevelName = band?.Name ?? "",
            ResidualAboveAppetite = IsAboveAppetite(besaran, risk.Appetite),
        };
    }

    private static RegisteredRisk Assess(RegisteredRisk risk, RiskRequest r)
    {
        risk.RiskType = r.RiskType!;
        risk.Event = r.Event!.Trim();
        risk.Category = r.Category!;
        risk.ImpactArea = r.ImpactArea!;
        risk.LikelihoodLevel = r.LikelihoodLevel!.Value;
        risk.ImpactLevel = r.ImpactLevel!.Value;
        risk.Objective = Trimmed(r.Objective);
        risk.Cause = Trimmed(r.Cause);
        risk.Impact = Trimmed(r.Impact);
        risk.ExistingControls = Trimmed(r.ExistingControls);
        risk.LikelihoodExplanation = Trimmed(r.LikelihoodExplanation);
        risk.ImpactExplanation = Trimmed(r.ImpactExplanation);
        risk.AssetIds = [.. r.AssetIds ?? []];
        return risk;
    }

    private static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9./-]{0,31}$")]
    private static partial Regex Code();
}
