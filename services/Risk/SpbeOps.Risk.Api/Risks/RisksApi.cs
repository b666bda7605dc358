namespace SpbeOps.Risk.Api.Risks;

/// <summary>
/// The risk register (Formulir 3.0) and treatment plans (Formulir 4.0) of each UPR SPBE. An OPD operator assesses
/// and treats its own OPD's risks; Diskominfo any; everyone else reads. Every change is an event of the risk's stream.
/// </summary>
public static class RisksApi
{
    public static RouteGroupBuilder MapRisksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapRecordGroup("api/risks", "Risks");

        api.MapGet("/", List).WithName("ListRisks").WithSummary("Register risiko dengan filter dan halaman / The risk register with filters and paging");
        api.MapGet("/{id:guid}", Get).WithName("GetRisk").WithSummary("Satu risiko / One risk");
        api.MapRecordReads<RegisteredRisk>("Risk", get: false);
        api.MapPost("/", Identify).WithName("IdentifyRisk").WithSummary("Catat penilaian risiko (Formulir 3.0) / Record a risk assessment");
        api.MapPut("/{id:guid}", Revise).WithName("ReviseRisk").WithSummary("Perbarui penilaian risiko / Revise a risk assessment");
        api.MapPost("/{id:guid}/withdrawal", Withdraw).WithName("WithdrawRisk").WithSummary("Cabut risiko dari register / Withdraw a risk");
        api.MapPost("/{id:guid}/treatments", PlanTreatment).WithName("PlanRiskTreatment")
            .WithSummary("Tambah rencana penanganan (Formulir 4.0) / Add a treatment plan");
        api.MapPut("/{id:guid}/treatments/{treatmentId:guid}", ReviseTreatment).WithName("ReviseRiskTreatment")
            .WithSummary("Perbarui rencana penanganan / Revise a treatment plan");
        api.MapDelete("/{id:guid}/treatments/{treatmentId:guid}", RemoveTreatment).WithName("RemoveRiskTreatment")
            .WithSummary("Hapus rencana penanganan / Remove a treatment plan");
        api.MapApproval<RegisteredRisk>("StepRiskApproval", async (risk, session, ct) => (await RiskQueries.ContextOf(session, risk.ContextId, ct)).Structure);
        return api;
    }

    public static async Task<Results<Ok<RiskPage>, ValidationProblem>> List(
        Caller caller, IQuerySession session, string? opd, int? periodYear, string? category, int? level, string? status,
        bool? aboveAppetite, string? riskType, string? q, bool? includeWithdrawn, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .Opd("opd", opd, required: false)
            .OneOf("status", status, ApprovalFlow.Statuses, required: false)
            .OneOf("riskType", riskType, RiskVocabulary.RiskTypes, required: false)
            .MaxLength("category", category, 64)
            .MaxLength("q", q, 200)
            .Range("level", level, 1, 5, required: false)
            // page × pageSize stays an int (Marten's offset): a larger page would overflow it.
            .Range("page", page, 1, 1_000_000, required: false)
            .Range("pageSize", pageSize, 1, 500, required: false);
        if (errors.Any) return errors.ToProblem();

        var scope = caller.ScopeFilter(opd);
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
        // Served by the per-tenant index on (opd, periodYear, besaran, impactLevel, code) of Extensions.cs, and the
        // trigram index on the risk event for q.
        var paged = await ListPaging.PageAsync(query, query.OrderBy(r => r.Opd).ThenByDescending(r => r.PeriodYear).ThenByDescending(r => r.Besaran)
            .ThenByDescending(r => r.ImpactLevel).ThenBy(r => r.Code), number, size, ct);
        var items = paged.Items.ToList();
        await RiskQueries.FillPriorities(session, items, ct);
        return TypedResults.Ok(new RiskPage(items, number, size, paged.Total, paged.TotalExact, paged.HasMore));
    }

    public static async Task<Results<Ok<RegisteredRisk>, ProblemHttpResult>> Get(Guid id, Caller caller, IQuerySession session, CancellationToken ct)
    {
        var risk = await session.LoadReadableAsync<RegisteredRisk>(id, caller, ct);
        if (risk is null) return RecordWriter.NotFound<RegisteredRisk>(id);
        await RiskQueries.FillPriorities(session, [risk], ct);
        return TypedResults.Ok(risk);
    }

    public static async Task<Results<Created<RegisteredRisk>, ValidationProblem, ProblemHttpResult>> Identify(
        RiskRequest request, RecordWriter records, CancellationToken ct)
    {
        var session = records.Session;
        var scopeErrors = RiskDecider.ValidateScope(request);
        if (scopeErrors.Any) return scopeErrors.ToProblem();

        var decision = records.RefusesOpd<RegisteredRisk>(request.Opd!) is { } forbidden ? forbidden : await DecideIdentify(session, request, ct);
        var written = await records.TryCreateAsync(decision, ct, RiskQueries.DuplicateCodeText(decision.Next?.Code ?? ""));
        if (written.Record is { } risk) await RiskQueries.FillPriorities(session, [risk], ct);
        return written.AsCreated($"/api/risks/{decision.Next?.Id}");
    }

    private static async Task<Decision<RegisteredRisk>> DecideIdentify(IDocumentSession session, RiskRequest request, CancellationToken ct)
    {
        var ctx = await RiskQueries.ContextOf(session, request.Opd!, request.PeriodYear!.Value, ct);
        if (ctx is null) return RiskQueries.NoContext(request.Opd!, request.PeriodYear!.Value);
        if (await RiskQueries.UnknownAsset(session, request.AssetIds, ct) is { } unknown) return unknown;
        var codes = await RiskQueries.CodesOf(session, ctx.Opd, ctx.PeriodYear, ct);
        if (request.Code is not null && codes.Contains(request.Code, StringComparer.OrdinalIgnoreCase)) return RiskQueries.DuplicateCode(request.Code);
        return RiskDecider.Identify(Guid.CreateVersion7(), request.Code ?? RiskDecider.NextCode(codes), request, ctx, "api");
    }

    public static async Task<Results<Ok<RegisteredRisk>, ValidationProblem, ProblemHttpResult>> Revise(
        Guid id, RiskRequest request, RecordWriter records, CancellationToken ct) =>
        (await Change(records, id, async (current, ctx) =>
        {
            if (await RiskQueries.UnknownAsset(records.Session, request.AssetIds, ct) is { } unknown) return unknown;
            if (request.Code is not null && !string.Equals(request.Code, current.Code, StringComparison.OrdinalIgnoreCase)
                && (await RiskQueries.CodesOf(records.Session, current.Opd, current.PeriodYear, ct)).Contains(request.Code, StringComparer.OrdinalIgnoreCase))
                return RiskQueries.DuplicateCode(request.Code);
            return RiskDecider.Revise(current, request, ctx, "api");
        }, ct)).AsOk();

    public static async Task<Results<Ok<RegisteredRisk>, ValidationProblem, ProblemHttpResult>> Withdraw(
        Guid id, WithdrawRiskRequest request, RecordWriter records, CancellationToken ct) =>
        (await Change(records, id, (current, _) => Task.FromResult(RiskDecider.Withdraw(current, request.Reason)), ct)).AsOk();

    public static async Task<Results<Created<RegisteredRisk>, ValidationProblem, ProblemHttpResult>> PlanTreatment(
        Guid id, TreatmentRequest request, RecordWriter records, CancellationToken ct)
    {
        var planId = Guid.CreateVersion7();
        var written = await Change(records, id, (current, ctx) =>
            Task.FromResult(RiskDecider.Treat(current, request, ctx, planId, null, records.Caller.Actor, records.Now)), ct);
        return written.AsCreated($"/api/risks/{id}/treatments/{planId}");
    }

    public static async Task<Results<Ok<RegisteredRisk>, ValidationProblem, ProblemHttpResult>> ReviseTreatment(
        Guid id, Guid treatmentId, TreatmentRequest request, RecordWriter records, CancellationToken ct) =>
        (await Change(records, id, (current, ctx) => Task.FromResult(current.Treatments.FirstOrDefault(t => t.Id == treatmentId) is { } plan
            ? RiskDecider.Treat(current, request, ctx, treatmentId, plan, records.Caller.Actor, records.Now)
            : new Rejection.NotFound("Rencana penanganan / Treatment plan", treatmentId)), ct)).AsOk();

    public static async Task<Results<Ok<RegisteredRisk>, ValidationProblem, ProblemHttpResult>> RemoveTreatment(
        Guid id, Guid treatmentId, RecordWriter records, CancellationToken ct) =>
        (await Change(records, id, (current, ctx) => Task.FromResult(RiskDecider.RemoveTreatment(current, treatmentId, ctx)), ct)).AsOk();

    /// <summary>A change of one risk, decided against its context; the answer carries the risk's priority.</summary>
    private static async Task<Written<RegisteredRisk>> Change(
        RecordWriter records, Guid id, Func<RegisteredRisk, RiskContext, Task<Decision<RegisteredRisk>>> decide, CancellationToken ct)
    {
        var written = await records.TryChangeAsync<RegisteredRisk>(id,
            async current => await decide(current, await RiskQueries.ContextOf(records.Session, current.ContextId, ct)), ct,
            uniqueDetail: "Kode risiko sudah dipakai pada register ini / The risk code is already used in this register.");
        if (written.Record is { } risk) await RiskQueries.FillPriorities(records.Session, [risk], ct);
        return written;
    }
}
