namespace SpbeOps.Risk.Api.Monitoring;

/// <summary>
/// Monitoring reports (Formulir 5.0) of each UPR SPBE: quarterly, by semester, yearly or incidental. They are the
/// evidence of periodic review that indicator 21 asks for at level 4.
/// </summary>
public static class MonitoringApi
{
    public static RouteGroupBuilder MapMonitoringApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapRecordGroup("api/risks/monitoring", "Risk monitoring");

        api.MapGet("/", List).WithName("ListRiskMonitoring").WithSummary("Daftar laporan pemantauan / List monitoring reports");
        api.MapRecordReads<MonitoringReport>("RiskMonitoring");
        api.MapPost("/", Report).WithName("RecordRiskMonitoring").WithSummary("Catat laporan pemantauan (Formulir 5.0) / Record a monitoring report");
        api.MapPut("/{id:guid}", Revise).WithName("ReviseRiskMonitoring").WithSummary("Perbarui laporan pemantauan / Revise a monitoring report");
        api.MapApproval<MonitoringReport>("StepRiskMonitoringApproval", async (report, session, ct) => (await session.LoadAsync<RiskContext>(report.ContextId, ct))?.Structure);
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<MonitoringReport>>, ValidationProblem>> List(
        Caller caller, IQuerySession session, string? opd, int? periodYear, string? kind, CancellationToken ct)
    {
        var errors = new FieldErrors().Opd("opd", opd, required: false).OneOf("kind", kind, RiskVocabulary.MonitoringKinds, required: false);
        if (errors.Any) return errors.ToProblem();
        var scope = caller.ScopeFilter(opd);
        var query = session.Query<MonitoringReport>().AsQueryable();
        if (scope is not null) query = query.Where(m => m.Opd == scope);
        if (periodYear is not null) query = query.Where(m => m.PeriodYear == periodYear);
        if (kind is not null) query = query.Where(m => m.Kind == kind);
        var items = await query.OrderBy(m => m.Opd).ThenByDescending(m => m.PeriodYear).ThenBy(m => m.ReportedOn).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<MonitoringReport>>(items.ToList());
    }

    public static async Task<Results<Created<MonitoringReport>, ValidationProblem, ProblemHttpResult>> Report(
        MonitoringRequest request, RecordWriter records, CancellationToken ct)
    {
        var errors = MonitoringDecider.Validate(request, null, records.Today);
        if (errors.Any) return errors.ToProblem();
        var decision = records.RefusesOpd<MonitoringReport>(request.Opd!) is { } forbidden ? forbidden : await DecideReport(records.Session, request, ct);
        return await records.CreateAsync(decision, "/api/risks/monitoring", ct);
    }

    private static async Task<Decision<MonitoringReport>> DecideReport(IQuerySession session, MonitoringRequest request, CancellationToken ct)
    {
        var ctx = await RiskQueries.ContextOf(session, request.Opd!, request.PeriodYear!.Value, ct);
        if (ctx is null) return RiskQueries.NoContext(request.Opd!, request.PeriodYear!.Value);
        if (await Occupied(session, ctx, request, null, ct) is { } taken) return taken;
        return MonitoringDecider.Decide(Guid.CreateVersion7(), request, ctx, await Register(session, ctx, ct), null);
    }

    public static Task<Results<Ok<MonitoringReport>, ValidationProblem, ProblemHttpResult>> Revise(
        Guid id, MonitoringRequest request, RecordWriter records, CancellationToken ct) =>
        records.ChangeAsync<MonitoringReport>(id, async current =>
        {
            var errors = MonitoringDecider.Validate(request, current, records.Today);
            if (errors.Any) return errors;
            var ctx = await RiskQueries.ContextOf(records.Session, current.ContextId, ct);
            if (await Occupied(records.Session, ctx, request, id, ct) is { } taken) return taken;
            return MonitoringDecider.Decide(id, request, ctx, await Register(records.Session, ctx, ct), current);
        }, ct);

    /// <summary>One triwulan, semester or tahunan report per OPD, year and span (409); incidental reports are free.</summary>
    private static async Task<Rejection?> Occupied(IQuerySession session, RiskContext ctx, MonitoringRequest r, Guid? self, CancellationToken ct)
    {
        var slot = MonitoringDecider.SlotKey(r.Kind!, r.Quarter, r.Semester);
        if (slot is null) return null;
        var same = await session.Query<MonitoringReport>()
            .Where(m => m.Opd == ctx.Opd && m.PeriodYear == ctx.PeriodYear && m.Kind == r.Kind)
            .ToListAsync(ct);
        return same.Any(m => m.Id != self && MonitoringDecider.SlotKey(m.Kind, m.Quarter, m.Semester) == slot)
            ? new Rejection.Conflict(
                $"Laporan {slot} {ctx.Opd} tahun {ctx.PeriodYear} sudah ada; perbarui yang ada / The {slot} report of {ctx.Opd} for {ctx.PeriodYear} already exists; revise it instead.",
                "one-report-per-span", r.Kind == RiskVocabulary.Triwulan ? "quarter" : r.Kind == RiskVocabulary.Semester ? "semester" : "kind")
            : null;
    }

    private static async Task<IReadOnlyDictionary<Guid, RegisteredRisk>> Register(IQuerySession session, RiskContext ctx, CancellationToken ct) =>
        (await RiskQueries.RegisterOf(session, ctx.Opd, ctx.PeriodYear, withWithdrawn: true, ct)).ToDictionary(r => r.Id);
}
