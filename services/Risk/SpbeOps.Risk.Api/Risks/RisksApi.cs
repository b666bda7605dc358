using Marten;
using Marten.Pagination;
using Microsoft.AspNetCore.Http.HttpResults;
using SpbeOps.Risk.Api.Approval;
using SpbeOps.Risk.Api.Assets;
using SpbeOps.Messaging;
using SpbeOps.Risk.Api.Contexts;
using SpbeOps.ServiceDefaults.Auth;
using SpbeOps.ServiceDefaults.Problems;

namespace SpbeOps.Risk.Api.Risks;

/// <summary>
/// The risk register (Formulir 3.0) and treatment plans (Formulir 4.0) of each UPR SPBE. An OPD operator assesses
/// and treats its own OPD's risks; Diskominfo any; everyone else reads. Every change is an event of the risk's stream.
/// </summary>
public static class RisksApi
{
    private const string What = "Risiko / Risk";

    public static RouteGroupBuilder MapRisksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/risks").WithTags("Risks").RequireAuthorization(SpbePolicies.Member);

        api.MapGet("/", List).WithName("ListRisks").WithSummary("Register risiko dengan filter dan halaman / The risk register with filters and paging");
        api.MapGet("/{id:guid}", Get).WithName("GetRisk").WithSummary("Satu risiko / One risk");
        api.MapGet("/{id:guid}/history", History).WithName("GetRiskHistory").WithSummary("Riwayat risiko / A risk's history");
        api.MapPost("/", Identify).WithName("IdentifyRisk").WithSummary("Catat penilaian risiko (Formulir 3.0) / Record a risk assessment");
        api.MapPut("/{id:guid}", Revise).WithName("ReviseRisk").WithSummary("Perbarui penilaian risiko / Revise a risk assessment");
        api.MapPost("/{id:guid}/withdrawal", Withdraw).WithName("WithdrawRisk").WithSummary("Cabut risiko dari register / Withdraw a risk");
        api.MapPost("/{id:guid}/treatments", PlanTreatment).WithName("PlanRiskTreatment")
            .WithSummary("Tambah rencana penanganan (Formulir 4.0) / Add a treatment plan");
        api.MapPut("/{id:guid}/treatments/{treatmentId:guid}", ReviseTreatment).WithName("ReviseRiskTreatment")
            .WithSummary("Perbarui rencana penanganan / Revise a treatment plan");
        api.MapDelete("/{id:guid}/treatments/{treatmentId:guid}", RemoveTreatment).WithName("RemoveRiskTreatment")
            .WithSummary("Hapus rencana penanganan / Remove a treatment plan");
        api.MapPost("/{id:guid}/approval", Approve).WithName("StepRiskApproval")
            .WithSummary("Ajukan, verifikasi, setujui atau kembalikan / Submit, verify, approve or return the risk");
        return api;
    }

    public static async Task<Results<Ok<RiskPage>, ValidationProblem>> List(
        HttpContext http, IQuerySession session, string? opd, int? periodYear, string? category, int? level, string? status,
        bool? aboveAppetite, string? riskType, string? q, bool? includeWithdrawn, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .OneOf("status", status, ApprovalFlow.Statuses, required: false)
            .OneOf("riskType", riskType, RiskVocabulary.RiskTypes, required: false)
            .Range("level", level, 1, 5, required: false)
            .Range("page", page, 1, int.MaxValue, required: false)
            .Range("pageSize", pageSize, 1, 500, required: false);
        if (errors.Any) return errors.ToProblem();

        var scope = new Caller(http.User).ScopeFilter(opd);
        var query = session.Query<RegisteredRisk>().AsQueryable();
        if (scope is not null) query = query.Where(r => r.Opd == scope);
        if (periodYear is not null) query = query.Where(r => r.PeriodYear == periodYear);
        if (category is not null) query = query.Where(r => r.Category == category);
        if (level is not null) query = query.Where(r => r.Level == level);
        if (status is not null) query = query.Where(r => r.ApprovalStatus == status);
        if (aboveAppetite is not null) query = query.Where(r => r.AboveAppetite == aboveAppetite);
        if (riskType is not null) query = query.Where(r => r.RiskType == riskType);
        if (includeWithdrawn != true) query = query.Where(r => !r.Withdrawn);
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(r => r.Event.Contains(q, StringComparison.OrdinalIgnoreCase));

        var (number, size) = (page ?? 1, pageSize ?? 100);
        var paged = await query.OrderBy(r => r.Opd).ThenByDescending(r => r.PeriodYear).ThenByDescending(r => r.Besaran)
            .ThenByDescending(r => r.ImpactLevel).ThenBy(r => r.Code).ToPagedListAsync(number, size, ct);
        var items = paged.ToList();
        await FillPriorities(session, items, ct);
        return TypedResults.Ok(new RiskPage(items, number, size, paged.TotalItemCount));
    }

    public static async Task<Results<Ok<RegisteredRisk>, ProblemHttpResult>> Get(Guid id, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        var risk = await session.LoadAsync<RegisteredRisk>(id, ct);
        if (risk is null || !new Caller(http.User).CanRead(risk.Opd)) return Problem.NotFound(What, id);
        await FillPriorities(session, [risk], ct);
        return TypedResults.Ok(risk);
    }

    public static async Task<Results<Ok<IReadOnlyList<HistoryEntry<RegisteredRisk>>>, ProblemHttpResult>> History(
        Guid id, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        var risk = await session.LoadAsync<RegisteredRisk>(id, ct);
        if (risk is null || !new Caller(http.User).CanRead(risk.Opd)) return Problem.NotFound(What, id);
        var entries = await StreamHistory.ReadAsync(session, id, e => e.Data switch
        {
            RiskIdentified d => new HistoryEntry<RegisteredRisk>(e.Version, $"dicatat / identified ({d.Source})", d.At, d.Actor, null, d.Risk),
            RiskAssessmentRevised d => new HistoryEntry<RegisteredRisk>(e.Version, $"penilaian diperbarui / assessment revised ({d.Source})", d.At, d.Actor, null, d.Risk),
            RiskTreatmentPlanned d => new HistoryEntry<RegisteredRisk>(e.Version, "rencana penanganan ditambah / treatment planned", d.At, d.Actor, null, d.Risk),
            RiskTreatmentRevised d => new HistoryEntry<RegisteredRisk>(e.Version, "rencana penanganan diperbarui / treatment revised", d.At, d.Actor, null, d.Risk),
            RiskTreatmentRemoved d => new HistoryEntry<RegisteredRisk>(e.Version, "rencana penanganan dihapus / treatment removed", d.At, d.Actor, null, d.Risk),
            RiskApprovalRecorded d => new HistoryEntry<RegisteredRisk>(e.Version, $"{d.Step.Action}: {d.Step.From} → {d.Step.To} ({ApprovalFlow.RoleName(d.Step.Role)})", d.At, d.Actor, d.Step.Comment, d.Risk),
            RiskWithdrawn d => new HistoryEntry<RegisteredRisk>(e.Version, "dicabut / withdrawn", d.At, d.Actor, d.Reason, d.Risk),
            RiskRecalculated d => new HistoryEntry<RegisteredRisk>(e.Version, $"dihitung ulang dari konteks v{d.ContextVersion} / re-derived from context v{d.ContextVersion}", d.At, d.Actor, null, d.Risk),
            _ => null,
        }, ct);
        return TypedResults.Ok<IReadOnlyList<HistoryEntry<RegisteredRisk>>>(entries);
    }

    public static async Task<Results<Created<RegisteredRisk>, ValidationProblem, ProblemHttpResult>> Identify(
        RiskRequest request, HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var scopeErrors = RiskDecider.ValidateScope(request);
        if (scopeErrors.Any) return scopeErrors.ToProblem();
        var caller = new Caller(http.User);
        if (!caller.CanWrite(request.Opd!)) return ContextsApi.ForbiddenFor(request.Opd!);

        var ctx = await ContextOf(session, request.Opd!, request.PeriodYear!.Value, ct);
        if (ctx is null) return NoContext(request.Opd!, request.PeriodYear!.Value);
        var errors = RiskDecider.Validate(request, ctx);
        if (errors.Any) return errors.ToProblem();
        if (await UnknownAsset(session, request.AssetIds, ct) is { } unknown) return unknown;

        var codes = await session.Query<RegisteredRisk>().Where(r => r.Opd == ctx.Opd && r.PeriodYear == ctx.PeriodYear).Select(r => r.Code).ToListAsync(ct);
        if (request.Code is not null && codes.Contains(request.Code, StringComparer.OrdinalIgnoreCase)) return DuplicateCode(request.Code);

        var now = clock.GetUtcNow();
        var risk = RiskDecider.Identify(Guid.CreateVersion7(), request.Code ?? RiskDecider.NextCode(codes), request, ctx, caller.Actor, now);
        session.Store(risk);
        session.Events.StartStream<RegisteredRisk>(risk.Id, new RiskIdentified(risk, "api", caller.Actor, now));
        if (await session.TrySaveChangesAsync(ct, DuplicateCodeText(risk.Code)) is { } conflict) return conflict;
        await FillPriorities(session, [risk], ct);
        return TypedResults.Created($"/api/risks/{risk.Id}", risk);
    }

    public static async Task<Results<Ok<RegisteredRisk>, ValidationProblem, ProblemHttpResult>> Revise(
        Guid id, RiskRequest request, HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var (current, ctx, problem) = await LoadForWrite(id, http, session, ct);
        if (problem is not null) return problem;

        var errors = RiskDecider.Validate(request, ctx!);
        if (request.Opd is not null && request.Opd != current!.Opd)
            errors.Add("opd", $"UPR sebuah risiko tidak dapat diubah (tetap '{current.Opd}') / a risk's OPD cannot change (it is '{current.Opd}')");
        if (request.PeriodYear is not null && request.PeriodYear != current!.PeriodYear)
            errors.Add("periodYear", $"periode sebuah risiko tidak dapat diubah (tetap {current.PeriodYear}) / a risk's period cannot change (it is {current.PeriodYear})");
        if (errors.Any) return errors.ToProblem();
        if (!ApprovalFlow.IsEditable(current!.ApprovalStatus)) return ContextsApi.LockedInReview(current.ApprovalStatus);
        if (await UnknownAsset(session, request.AssetIds, ct) is { } unknown) return unknown;
        if (request.Code is not null && !string.Equals(request.Code, current.Code, StringComparison.OrdinalIgnoreCase)
            && await session.Query<RegisteredRisk>().AnyAsync(r => r.Opd == current.Opd && r.PeriodYear == current.PeriodYear && r.Code == request.Code, ct))
            return DuplicateCode(request.Code);

        var now = clock.GetUtcNow();
        var risk = RiskDecider.Revise(current, request, ctx!, CallerOf(http).Actor, now);
        return await Save(session, risk, new RiskAssessmentRevised(risk, "api", CallerOf(http).Actor, now), ct);
    }

    public static async Task<Results<Ok<RegisteredRisk>, ValidationProblem, ProblemHttpResult>> Withdraw(
        Guid id, WithdrawRiskRequest request, HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var (current, _, problem) = await LoadForWrite(id, http, session, ct);
        if (problem is not null) return problem;
        var errors = new FieldErrors().Required("reason", request.Reason, 1000);
        if (errors.Any) return errors.ToProblem();
        if (!ApprovalFlow.IsEditable(current!.ApprovalStatus)) return ContextsApi.LockedInReview(current.ApprovalStatus);

        var now = clock.GetUtcNow();
        var risk = RiskDecider.Withdraw(current, request.Reason!, CallerOf(http).Actor, now);
        return await Save(session, risk, new RiskWithdrawn(risk, risk.WithdrawnReason!, CallerOf(http).Actor, now), ct);
    }

    public static async Task<Results<Created<RegisteredRisk>, ValidationProblem, ProblemHttpResult>> PlanTreatment(
        Guid id, TreatmentRequest request, HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var (current, ctx, problem) = await LoadForWrite(id, http, session, ct);
        if (problem is not null) return problem;
        var now = clock.GetUtcNow();
        var outcome = RiskDecider.Treat(current!, request, ctx!, Guid.CreateVersion7(), null, CallerOf(http).Actor, now);
        switch (outcome)
        {
            case RiskDecider.TreatmentInvalid i: return i.Errors.ToProblem();
            case RiskDecider.TreatmentBreaksRule b: return Problem.Unprocessable(b.Detail, b.Rule, b.Field);
        }
        if (!ApprovalFlow.IsEditable(current!.ApprovalStatus)) return ContextsApi.LockedInReview(current.ApprovalStatus);
        var planned = (RiskDecider.Planned)outcome;
        if (await Store(session, planned.Risk, new RiskTreatmentPlanned(planned.Risk, planned.Plan.Id, CallerOf(http).Actor, now), ct) is { } conflict)
            return conflict;
        return TypedResults.Created($"/api/risks/{id}/treatments/{planned.Plan.Id}", planned.Risk);
    }

    public static async Task<Results<Ok<RegisteredRisk>, ValidationProblem, ProblemHttpResult>> ReviseTreatment(
        Guid id, Guid treatmentId, TreatmentRequest request, HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var (current, ctx, problem) = await LoadForWrite(id, http, session, ct);
        if (problem is not null) return problem;
        var existing = current!.Treatments.FirstOrDefault(t => t.Id == treatmentId);
        if (existing is null) return Problem.NotFound("Rencana penanganan / Treatment plan", treatmentId);
        var now = clock.GetUtcNow();
        var outcome = RiskDecider.Treat(current, request, ctx!, treatmentId, existing, CallerOf(http).Actor, now);
        switch (outcome)
        {
            case RiskDecider.TreatmentInvalid i: return i.Errors.ToProblem();
            case RiskDecider.TreatmentBreaksRule b: return Problem.Unprocessable(b.Detail, b.Rule, b.Field);
        }
        if (!ApprovalFlow.IsEditable(current.ApprovalStatus)) return ContextsApi.LockedInReview(current.ApprovalStatus);
        var planned = (RiskDecider.Planned)outcome;
        return await Save(session, planned.Risk, new RiskTreatmentRevised(planned.Risk, treatmentId, CallerOf(http).Actor, now), ct);
    }

    public static async Task<Results<Ok<RegisteredRisk>, ValidationProblem, ProblemHttpResult>> RemoveTreatment(
        Guid id, Guid treatmentId, HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var (current, ctx, problem) = await LoadForWrite(id, http, session, ct);
        if (problem is not null) return problem;
        if (current!.Treatments.All(t => t.Id != treatmentId)) return Problem.NotFound("Rencana penanganan / Treatment plan", treatmentId);
        if (!ApprovalFlow.IsEditable(current.ApprovalStatus)) return ContextsApi.LockedInReview(current.ApprovalStatus);
        var now = clock.GetUtcNow();
        var risk = RiskDecider.RemoveTreatment(current, treatmentId, ctx!, CallerOf(http).Actor, now);
        return await Save(session, risk, new RiskTreatmentRemoved(risk, treatmentId, CallerOf(http).Actor, now), ct);
    }

    public static async Task<Results<Ok<RegisteredRisk>, ValidationProblem, ProblemHttpResult>> Approve(
        Guid id, ApprovalRequest request, HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var (current, ctx, problem) = await LoadForWrite(id, http, session, ct);
        if (problem is not null) return problem;
        var now = clock.GetUtcNow();
        var risk = current!.Copy();
        switch (ApprovalFlow.Step(risk, request, ApprovalActor.From(http.User), CallerOf(http).Actor, ctx!.Structure, now))
        {
            case ApprovalFlow.StepInvalid i: return i.Errors.ToProblem();
            case ApprovalFlow.StepOutOfOrder o: return Problem.Conflict(o.Detail, "approval-order", "action");
            case ApprovalFlow.StepForbidden f: return Problem.Forbidden(f.Detail);
            case ApprovalFlow.Stepped s:
                if (request.Action == ApprovalFlow.Submit && !current.AssessmentComplete)
                    return Problem.Unprocessable(
                        $"Penilaian risiko belum lengkap: {string.Join(", ", current.MissingForAssessment)} / The assessment is incomplete: {string.Join(", ", current.MissingForAssessment)}.",
                        "assessment-complete-before-submit", current.MissingForAssessment.FirstOrDefault());
                risk.Version = current.Version + 1;
                risk.UpdatedBy = CallerOf(http).Actor;
                risk.UpdatedAt = now;
                return await Save(session, risk, new RiskApprovalRecorded(risk, s.Step, CallerOf(http).Actor, now), ct);
            default: throw new InvalidOperationException("Unknown approval outcome.");
        }
    }

    // ---- shared with the workbook import ----

    internal static Task<RiskContext?> ContextOf(IQuerySession session, string opd, int year, CancellationToken ct) =>
        session.Query<RiskContext>().FirstOrDefaultAsync(c => c.Opd == opd && c.PeriodYear == year, ct);

    internal static ProblemHttpResult NoContext(string opd, int year) => Problem.Unprocessable(
        $"Konteks risiko {opd} tahun {year} belum ditetapkan; tetapkan dahulu (POST /api/risks/contexts) / No risk context for {opd} in {year}; set it first.",
        "context-required", "periodYear");

    /// <summary>Asset ids must be known from the Assets service's events (422 naming the first unknown one).</summary>
    internal static async Task<ProblemHttpResult?> UnknownAsset(IQuerySession session, IReadOnlyList<Guid>? ids, CancellationToken ct, string field = "assetIds")
    {
        if (ids is not { Count: > 0 }) return null;
        var known = (await session.LoadManyAsync<KnownAsset>(ct, ids.Distinct().ToArray())).Select(a => a.Id).ToHashSet();
        for (var i = 0; i < ids.Count; i++)
            if (!known.Contains(ids[i]))
                return Problem.Unprocessable(
                    $"Aset/aplikasi '{ids[i]}' tidak dikenal (belum terdaftar di layanan Aset) / Asset or application '{ids[i]}' is not known (not registered in the Assets service).",
                    "known-asset", $"{field}[{i}]");
        return null;
    }

    /// <summary>Prioritas risiko is relative to the whole register of the OPD and year, so it is computed when read.</summary>
    internal static async Task FillPriorities(IQuerySession session, IReadOnlyList<RegisteredRisk> items, CancellationToken ct)
    {
        foreach (var group in items.GroupBy(r => (r.Opd, r.PeriodYear)))
        {
            var register = await session.Query<RegisteredRisk>()
                .Where(r => r.Opd == group.Key.Opd && r.PeriodYear == group.Key.PeriodYear && !r.Withdrawn)
                .ToListAsync(ct);
            var priorities = RiskDecider.Priorities(register);
            foreach (var r in group) r.Priority = priorities.TryGetValue(r.Id, out var p) ? p : null;
        }
    }

    private static Caller CallerOf(HttpContext http) => new(http.User);

    /// <summary>Loads a risk and its context for a change: 404 unless the caller reads it, 403 unless they write it, 409 once withdrawn.</summary>
    private static async Task<(RegisteredRisk?, RiskContext?, ProblemHttpResult?)> LoadForWrite(Guid id, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        var c = CallerOf(http);
        var risk = await session.LoadAsync<RegisteredRisk>(id, ct);
        if (risk is null || !c.CanRead(risk.Opd)) return (null, null, Problem.NotFound(What, id));
        if (!c.CanWrite(risk.Opd)) return (null, null, ContextsApi.ForbiddenFor(risk.Opd));
        if (risk.Withdrawn) return (null, null, Problem.Conflict("Risiko sudah dicabut / The risk was withdrawn and cannot change.", "withdrawn-is-final"));
        var ctx = await session.LoadAsync<RiskContext>(risk.ContextId, ct)
            ?? throw new InvalidOperationException($"Risk {risk.Id} refers to a missing context {risk.ContextId}.");
        return (risk, ctx, null);
    }

    private static async Task<Results<Ok<RegisteredRisk>, ValidationProblem, ProblemHttpResult>> Save(
        IDocumentSession session, RegisteredRisk risk, object change, CancellationToken ct)
    {
        if (await Store(session, risk, change, ct) is { } conflict) return conflict;
        return TypedResults.Ok(risk);
    }

    private static async Task<ProblemHttpResult?> Store(IDocumentSession session, RegisteredRisk risk, object change, CancellationToken ct)
    {
        session.Store(risk);
        // Expected version = the stream's version after this append: a concurrent writer makes this fail.
        session.Events.Append(risk.Id, risk.Version, change);
        if (await session.TrySaveChangesAsync(ct, DuplicateCodeText(risk.Code)) is { } conflict) return conflict;
        await FillPriorities(session, [risk], ct);
        return null;
    }

    private static ProblemHttpResult DuplicateCode(string code) => Problem.Conflict(DuplicateCodeText(code), "unique-risk-code", "code");

    private static string DuplicateCodeText(string code) =>
        $"Kode risiko '{code}' sudah dipakai pada register ini / Risk code '{code}' is already used in this register.";
}
