namespace SpbeOps.Risk.Api.Contexts;

/// <summary>
/// The risk context of each UPR SPBE (perangkat daerah) per year, Formulir 2.1–2.10. An OPD operator sets its own
/// OPD's context; Diskominfo any; everyone else reads. Revising the matrix, bands or appetite re-derives every risk
/// of that OPD and year in the same transaction.
/// </summary>
public static class ContextsApi
{
    public static RouteGroupBuilder MapContextsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapRecordGroup("api/risks/contexts", "Risk contexts");

        api.MapGet("/", List).WithName("ListRiskContexts").WithSummary("Daftar konteks risiko / List risk contexts");
        api.MapGet("/defaults", Defaults).WithName("GetRiskContextDefaults")
            .WithSummary("Nilai bawaan PermenPANRB 5/2020 / The regulation's defaults (categories, areas, criteria, matrix, levels)");
        api.MapRecordReads<RiskContext>("RiskContext");
        api.MapPost("/", Define).WithName("DefineRiskContext").WithSummary("Tetapkan konteks risiko (Formulir 2.x) / Set a risk context");
        api.MapPut("/{id:guid}", Revise).WithName("ReviseRiskContext").WithSummary("Perbarui konteks risiko / Revise a risk context");
        // The context's own structure (Formulir 2.3) names who may move it.
        api.MapApproval<RiskContext>("StepRiskContextApproval", (ctx, _, _) => Task.FromResult<RiskStructure?>(ctx.Structure));
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<RiskContext>>, ValidationProblem>> List(
        Caller caller, IQuerySession session, string? opd, int? periodYear, CancellationToken ct)
    {
        if (new FieldErrors().Opd("opd", opd, required: false) is { Any: true } errors) return errors.ToProblem();
        var scope = caller.ScopeFilter(opd);
        var query = session.Query<RiskContext>().AsQueryable();
        if (scope is not null) query = query.Where(c => c.Opd == scope);
        if (periodYear is not null) query = query.Where(c => c.PeriodYear == periodYear);
        var items = await query.OrderBy(c => c.Opd).ThenByDescending(c => c.PeriodYear).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<RiskContext>>(items.ToList());
    }

    public static Ok<RiskContextDefaultsView> Defaults() => TypedResults.Ok(new RiskContextDefaultsView(
        RiskContextDefaults.Categories(), RiskContextDefaults.ImpactAreas(), RiskContextDefaults.Likelihood(), RiskContextDefaults.Impact(),
        RiskMatrix.Official(), RiskMatrix.OfficialBands(), RiskContextDefaults.ExampleAppetite(), RiskVocabulary.RiskTypes,
        RiskVocabulary.PositiveOptions, RiskVocabulary.NegativeOptions, RiskVocabulary.MonitoringKinds));

    public static async Task<Results<Created<RiskContext>, ValidationProblem, ProblemHttpResult>> Define(
        RiskContextRequest request, RecordWriter records, CancellationToken ct)
    {
        var decision = ContextDecider.Decide(Guid.CreateVersion7(), request, null, records.Now);
        if (decision.Next is { } ctx && records.RefusesOpd<RiskContext>(ctx.Opd) is null && await records.Session.Query<RiskContext>().AnyAsync(c => c.Opd == ctx.Opd && c.PeriodYear == ctx.PeriodYear, ct))
            decision = Duplicate(ctx.Opd, ctx.PeriodYear);
        return await records.CreateAsync(decision, "/api/risks/contexts", ct, DuplicateText(request.Opd ?? "", request.PeriodYear ?? 0));
    }

    /// <summary>
    /// A revised context re-derives its register in the same transaction: what a risk uses must stay (409), and each
    /// risk whose derived values change gets a <see cref="RiskRecalculated"/> event.
    /// </summary>
    public static Task<Results<Ok<RiskContext>, ValidationProblem, ProblemHttpResult>> Revise(
        Guid id, RiskContextRequest request, RecordWriter records, CancellationToken ct) =>
        records.ChangeAsync<RiskContext>(id, async current =>
        {
            var decision = ContextDecider.Decide(id, request, current, records.Now);
            if (decision.Next is not { } ctx) return decision;
            var risks = await RiskQueries.RegisterOf(records.Session, ctx.Opd, ctx.PeriodYear, withWithdrawn: false, ct);
            if (InUse(ctx, risks) is { } inUse) return inUse;
            foreach (var risk in risks)
                if (RiskDecider.Recalculated(risk, ctx) is { } recalculated)
                    records.Stage(risk, Decision.Accept(recalculated, new RiskRecalculated(current.Version + 1)));
            return decision;
        }, ct);

    /// <summary>A revision may not take away what a risk of the register uses (409, naming the section).</summary>
    private static Rejection? InUse(RiskContext ctx, IReadOnlyList<RegisteredRisk> risks)
    {
        foreach (var r in risks)
        {
            if (ctx.Categories.All(c => c.Code != r.Category))
                return InUse($"Kategori '{r.Category}' dipakai risiko {r.Code} / Category '{r.Category}' is used by risk {r.Code}.", "categories");
            if (ctx.ImpactAreas.All(a => a.Code != r.ImpactArea))
                return InUse($"Area dampak '{r.ImpactArea}' dipakai risiko {r.Code} / Impact area '{r.ImpactArea}' is used by risk {r.Code}.", "impactAreas");
            if (ctx.AppetiteFor(r.Category, r.RiskType) is null)
                return InUse($"Risiko {r.Code} memerlukan selera risiko kategori '{r.Category}' / Risk {r.Code} needs the appetite of category '{r.Category}'.", "appetite");
            var maxLikelihood = r.Treatments.Select(t => t.ResidualLikelihoodLevel).Append(r.LikelihoodLevel).Max();
            var maxImpact = r.Treatments.Select(t => t.ResidualImpactLevel).Append(r.ImpactLevel).Max();
            if (maxLikelihood > ctx.LikelihoodCriteria.Count)
                return InUse($"Risiko {r.Code} memakai level kemungkinan {maxLikelihood} / Risk {r.Code} uses likelihood level {maxLikelihood}.", "likelihoodCriteria");
            if (maxImpact > ctx.ImpactCriteria.Count)
                return InUse($"Risiko {r.Code} memakai level dampak {maxImpact} / Risk {r.Code} uses impact level {maxImpact}.", "impactCriteria");
        }
        return null;
    }

    private static Rejection InUse(string detail, string field) => new Rejection.Conflict(detail, "in-use", field);

    private static Rejection Duplicate(string opd, int year) => new Rejection.Conflict(DuplicateText(opd, year), "one-context-per-opd-and-year", "periodYear");

    private static string DuplicateText(string opd, int year) =>
        $"Konteks risiko {opd} tahun {year} sudah ada; perbarui yang ada / The risk context of {opd} for {year} already exists; revise it instead.";
}
