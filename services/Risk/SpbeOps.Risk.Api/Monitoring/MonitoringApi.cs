using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using SpbeOps.Risk.Api.Approval;
using SpbeOps.Messaging;
using SpbeOps.Risk.Api.Contexts;
using SpbeOps.Risk.Api.Risks;
using SpbeOps.ServiceDefaults.Auth;
using SpbeOps.ServiceDefaults.Problems;

namespace SpbeOps.Risk.Api.Monitoring;

/// <summary>
/// Monitoring reports (Formulir 5.0) of each UPR SPBE: quarterly, by semester, yearly or incidental. They are the
/// evidence of periodic review that indicator 21 asks for at level 4.
/// </summary>
public static class MonitoringApi
{
    private const string What = "Laporan pemantauan / Monitoring report";

    public static RouteGroupBuilder MapMonitoringApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/risks/monitoring").WithTags("Risk monitoring").RequireAuthorization(SpbePolicies.Member);

        api.MapGet("/", List).WithName("ListRiskMonitoring").WithSummary("Daftar laporan pemantauan / List monitoring reports");
        api.MapGet("/{id:guid}", Get).WithName("GetRiskMonitoring").WithSummary("Satu laporan pemantauan / One monitoring report");
        api.MapGet("/{id:guid}/history", History).WithName("GetRiskMonitoringHistory").WithSummary("Riwayat laporan / A report's history");
        api.MapPost("/", Report).WithName("RecordRiskMonitoring").WithSummary("Catat laporan pemantauan (Formulir 5.0) / Record a monitoring report");
        api.MapPut("/{id:guid}", Revise).WithName("ReviseRiskMonitoring").WithSummary("Perbarui laporan pemantauan / Revise a monitoring report");
        api.MapPost("/{id:guid}/approval", Approve).WithName("StepRiskMonitoringApproval")
            .WithSummary("Ajukan, verifikasi, setujui atau kembalikan / Submit, verify, approve or return the report");
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<MonitoringReport>>, ValidationProblem>> List(
        HttpContext http, IQuerySession session, string? opd, int? periodYear, string? kind, CancellationToken ct)
    {
        var errors = new FieldErrors().OneOf("kind", kind, RiskVocabulary.MonitoringKinds, required: false);
        if (errors.Any) return errors.ToProblem();
        var scope = new Caller(http.User).ScopeFilter(opd);
        var query = session.Query<MonitoringReport>().AsQueryable();
        if (scope is not null) query = query.Where(m => m.Opd == scope);
        if (periodYear is not null) query = query.Where(m => m.PeriodYear == periodYear);
        if (kind is not null) query = query.Where(m => m.Kind == kind);
        var items = await query.OrderBy(m => m.Opd).ThenByDescending(m => m.PeriodYear).ThenBy(m => m.ReportedOn).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<MonitoringReport>>(items.ToList());
    }

    public static async Task<Results<Ok<MonitoringReport>, ProblemHttpResult>> Get(Guid id, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        var report = await session.LoadAsync<MonitoringReport>(id, ct);
        return report is null || !new Caller(http.User).CanRead(report.Opd) ? Problem.NotFound(What, id) : TypedResults.Ok(report);
    }

    public static async Task<Results<Ok<IReadOnlyList<HistoryEntry<MonitoringReport>>>, ProblemHttpResult>> History(
        Guid id, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        var report = await session.LoadAsync<MonitoringReport>(id, ct);
        if (report is null || !new Caller(http.User).CanRead(report.Opd)) return Problem.NotFound(What, id);
        var entries = await StreamHistory.ReadAsync(session, id, e => e.Data switch
        {
            RiskMonitoringReported d => new HistoryEntry<MonitoringReport>(e.Version, "dilaporkan / reported", d.At, d.Actor, null, d.Report),
            RiskMonitoringRevised d => new HistoryEntry<MonitoringReport>(e.Version, "diperbarui / revised", d.At, d.Actor, null, d.Report),
            RiskMonitoringApprovalRecorded d => new HistoryEntry<MonitoringReport>(e.Version, $"{d.Step.Action}: {d.Step.From} → {d.Step.To} ({ApprovalFlow.RoleName(d.Step.Role)})", d.At, d.Actor, d.Step.Comment, d.Report),
            _ => null,
        }, ct);
        return TypedResults.Ok<IReadOnlyList<HistoryEntry<MonitoringReport>>>(entries);
    }

    public static async Task<Results<Created<MonitoringReport>, ValidationProblem, ProblemHttpResult>> Report(
        MonitoringRequest request, HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var caller = new Caller(http.User);
        var now = clock.GetUtcNow();
        var errors = MonitoringDecider.Validate(request, null, DateOnly.FromDateTime(now.UtcDateTime));
        if (errors.Any) return errors.ToProblem();
        if (!caller.CanWrite(request.Opd!)) return ContextsApi.ForbiddenFor(request.Opd!);

        var ctx = await RisksApi.ContextOf(session, request.Opd!, request.PeriodYear!.Value, ct);
        if (ctx is null) return RisksApi.NoContext(request.Opd!, request.PeriodYear!.Value);
        if (await Occupied(session, ctx, request, null, ct) is { } taken) return taken;
        var register = await Register(session, ctx, ct);

        switch (MonitoringDecider.Decide(Guid.CreateVersion7(), request, ctx, register, null, caller.Actor, now))
        {
            case MonitoringDecider.Invalid i: return i.Errors.ToProblem();
            case MonitoringDecider.BreaksRule b: return Problem.Unprocessable(b.Detail, b.Rule, b.Field);
            case MonitoringDecider.Decided d:
                session.Store(d.Report);
                session.Events.StartStream<MonitoringReport>(d.Report.Id, new RiskMonitoringReported(d.Report, caller.Actor, now));
                if (await session.TrySaveChangesAsync(ct, "") is { } conflict) return conflict;
                return TypedResults.Created($"/api/risks/monitoring/{d.Report.Id}", d.Report);
            default: throw new InvalidOperationException("Unknown monitoring outcome.");
        }
    }

    public static async Task<Results<Ok<MonitoringReport>, ValidationProblem, ProblemHttpResult>> Revise(
        Guid id, MonitoringRequest request, HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var caller = new Caller(http.User);
        var current = await session.LoadAsync<MonitoringReport>(id, ct);
        if (current is null || !caller.CanRead(current.Opd)) return Problem.NotFound(What, id);
        if (!caller.CanWrite(current.Opd)) return ContextsApi.ForbiddenFor(current.Opd);
        var now = clock.GetUtcNow();
        var errors = MonitoringDecider.Validate(request, current, DateOnly.FromDateTime(now.UtcDateTime));
        if (errors.Any) return errors.ToProblem();
        if (!ApprovalFlow.IsEditable(current.ApprovalStatus)) return ContextsApi.LockedInReview(current.ApprovalStatus);

        var ctx = await session.LoadAsync<RiskContext>(current.ContextId, ct)
            ?? throw new InvalidOperationException($"Report {id} refers to a missing context {current.ContextId}.");
        if (await Occupied(session, ctx, request, id, ct) is { } taken) return taken;
        var register = await Register(session, ctx, ct);

        switch (MonitoringDecider.Decide(id, request, ctx, register, current, caller.Actor, now))
        {
            case MonitoringDecider.Invalid i: return i.Errors.ToProblem();
            case MonitoringDecider.BreaksRule b: return Problem.Unprocessable(b.Detail, b.Rule, b.Field);
            case MonitoringDecider.Decided d:
                return await Save(session, d.Report, new RiskMonitoringRevised(d.Report, caller.Actor, now), ct);
            default: throw new InvalidOperationException("Unknown monitoring outcome.");
        }
    }

    public static async Task<Results<Ok<MonitoringReport>, ValidationProblem, ProblemHttpResult>> Approve(
        Guid id, ApprovalRequest request, HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var caller = new Caller(http.User);
        var current = await session.LoadAsync<MonitoringReport>(id, ct);
        if (current is null || !caller.CanRead(current.Opd)) return Problem.NotFound(What, id);
        if (!caller.CanWrite(current.Opd)) return ContextsApi.ForbiddenFor(current.Opd);
        var ctx = await session.LoadAsync<RiskContext>(current.ContextId, ct);

        var now = clock.GetUtcNow();
        var report = current.Copy();
        switch (ApprovalFlow.Step(report, request, ApprovalActor.From(http.User), caller.Actor, ctx?.Structure, now))
        {
            case ApprovalFlow.StepInvalid i: return i.Errors.ToProblem();
            case ApprovalFlow.StepOutOfOrder o: return Problem.Conflict(o.Detail, "approval-order", "action");
            case ApprovalFlow.StepForbidden f: return Problem.Forbidden(f.Detail);
            case ApprovalFlow.Stepped s:
                report.Version = current.Version + 1;
                report.UpdatedBy = caller.Actor;
                report.UpdatedAt = now;
                return await Save(session, report, new RiskMonitoringApprovalRecorded(report, s.Step, caller.Actor, now), ct);
            default: throw new InvalidOperationException("Unknown approval outcome.");
        }
    }

    /// <summary>One triwulan, semester or tahunan report per OPD, year and span (409); incidental reports are free.</summary>
    private static async Task<ProblemHttpResult?> Occupied(IQuerySession session, RiskContext ctx, MonitoringRequest r, Guid? self, CancellationToken ct)
    {
        var slot = MonitoringDecider.SlotKey(r.Kind!, r.Quarter, r.Semester);
        if (slot is null) return null;
        var same = await session.Query<MonitoringReport>()
            .Where(m => m.Opd == ctx.Opd && m.PeriodYear == ctx.PeriodYear && m.Kind == r.Kind)
            .ToListAsync(ct);
        return same.Any(m => m.Id != self && MonitoringDecider.SlotKey(m.Kind, m.Quarter, m.Semester) == slot)
            ? Problem.Conflict(
                $"Laporan {slot} {ctx.Opd} tahun {ctx.PeriodYear} sudah ada; perbarui yang ada / The {slot} report of {ctx.Opd} for {ctx.PeriodYear} already exists; revise it instead.",
                "one-report-per-span", r.Kind == RiskVocabulary.Triwulan ? "quarter" : r.Kind == RiskVocabulary.Semester ? "semester" : "kind")
            : null;
    }

    private static async Task<IReadOnlyDictionary<Guid, RegisteredRisk>> Register(IQuerySession session, RiskContext ctx, CancellationToken ct) =>
        (await session.Query<RegisteredRisk>().Where(r => r.Opd == ctx.Opd && r.PeriodYear == ctx.PeriodYear).ToListAsync(ct)).ToDictionary(r => r.Id);

    private static async Task<Results<Ok<MonitoringReport>, ValidationProblem, ProblemHttpResult>> Save(
        IDocumentSession session, MonitoringReport report, object change, CancellationToken ct)
    {
        session.Store(report);
        session.Events.Append(report.Id, report.Version, change);
        if (await session.TrySaveChangesAsync(ct, "") is { } conflict) return conflict;
        return TypedResults.Ok(report);
    }
}
