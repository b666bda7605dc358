namespace SpbeOps.Audits;

/// <summary>
/// The audit engagements of one service (its <see cref="AuditOptions"/>). Diskominfo and the service's specialist
/// writers plan and follow them; every role reads them (an audit covers the instansi, not one OPD); the auditor never
/// writes.
/// </summary>
public static class AuditsApi
{
    public static RouteGroupBuilder MapAuditsApi(this IEndpointRouteBuilder app, AuditOptions options)
    {
        var route = "/" + options.RoutePrefix.Trim('/');
        var api = app.MapRecordGroup(route, "Audits");
        api.MapGet("/", List).WithName($"{options.RoutePrefix}:list").WithSummary("Audit / Audits (?indicator=&year=&stage=&auditorType=)");
        api.MapRecordReads<AuditEngagement>("AuditEngagement");
        api.MapPost("/", (AuditRequest request, RecordWriter records, IAuditTargets targets, CancellationToken ct) => Plan(request, records, targets, options, route, ct))
            .WithName($"{options.RoutePrefix}:plan").WithSummary("Rencanakan audit / Plan an audit");
        api.MapPut("/{id:guid}", (Guid id, AuditRequest request, RecordWriter records, IAuditTargets targets, CancellationToken ct) =>
                records.ChangeAsync<AuditEngagement>(id, async current =>
                    await targets.UnknownAsync(records.Session, request.TargetAssetIds, "targetAssetIds", ct) is { } unknown
                        ? unknown : AuditDecider.Revise(current, request, options, records.Today), ct))
            .WithName($"{options.RoutePrefix}:revise").WithSummary("Perbarui rencana audit / Revise an audit");
        api.MapGet("/{id:guid}/stages", async (Guid id, Caller caller, IQuerySession session, CancellationToken ct) =>
                await session.LoadReadableAsync<AuditEngagement>(id, caller, ct) is { } audit
                    ? (Results<Ok<IReadOnlyList<AuditStage>>, ProblemHttpResult>)TypedResults.Ok(audit.StagesReached())
                    : RecordWriter.NotFound<AuditEngagement>(id))
            .WithName($"{options.RoutePrefix}:getstages").WithSummary("Tahap yang sudah dicapai / The stages reached, with their dates");
        api.MapGet("/{id:guid}/findings", async (Guid id, Caller caller, IQuerySession session, CancellationToken ct) =>
                await session.LoadReadableAsync<AuditEngagement>(id, caller, ct) is { } audit
                    ? (Results<Ok<List<Finding>>, ProblemHttpResult>)TypedResults.Ok(audit.Findings)
                    : RecordWriter.NotFound<AuditEngagement>(id))
            .WithName($"{options.RoutePrefix}:getfindings").WithSummary("Temuan audit / The audit's findings");
        api.MapPost("/{id:guid}/stage", (Guid id, AuditStageRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<AuditEngagement>(id, current => AuditDecider.Advance(current, request, records.Today), ct))
            .WithName($"{options.RoutePrefix}:advance").WithSummary("Tahap berikutnya / The next stage");
        api.MapPost("/{id:guid}/findings", async (Guid id, FindingRequest request, RecordWriter records, CancellationToken ct) =>
            {
                var findingId = Guid.CreateVersion7();
                var written = await records.TryChangeAsync<AuditEngagement>(id,
                    current => Task.FromResult(AuditDecider.RecordFinding(current, request, findingId, records.Today)), ct);
                return written.AsCreated($"{route}/{id}");
            })
            .WithName($"{options.RoutePrefix}:recordfinding").WithSummary("Catat temuan / Record a finding");
        api.MapPut("/{id:guid}/findings/{findingId:guid}", (Guid id, Guid findingId, FindingRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<AuditEngagement>(id, current => AuditDecider.ReviseFinding(current, findingId, request, records.Today), ct))
            .WithName($"{options.RoutePrefix}:revisefinding").WithSummary("Perbarui atau tindak lanjuti temuan / Revise or follow up a finding");
        api.MapPost("/{id:guid}/withdrawal", (Guid id, WithdrawAuditRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<AuditEngagement>(id, current => AuditDecider.Withdraw(current, request), ct))
            .WithName($"{options.RoutePrefix}:withdraw").WithSummary("Batalkan audit (akhir) / Withdraw an audit (final)");
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<AuditEngagement>>, ValidationProblem>> List(
        IQuerySession session, int? indicator, int? year, string? stage, string? auditorType, bool? includeWithdrawn, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .Range("indicator", indicator, 29, 31, required: false)
            .Range("year", year, 1990, 2100, required: false)
            .OneOf("stage", stage, AuditDecider.Stages, required: false)
            .OneOf("auditorType", auditorType, AuditDecider.AuditorTypes, required: false);
        if (errors.Any) return errors.ToProblem();
        var query = session.Query<AuditEngagement>().AsQueryable();
        if (indicator is not null) query = query.Where(a => a.Indicator == indicator);
        if (year is { } y) query = query.Where(a => a.PlannedStart >= new DateOnly(y, 1, 1) && a.PlannedStart <= new DateOnly(y, 12, 31));
        if (stage is not null) query = query.Where(a => a.Stage == stage);
        if (auditorType is not null) query = query.Where(a => a.AuditorType == auditorType);
        if (includeWithdrawn != true) query = query.Where(a => !a.Withdrawn);
        return TypedResults.Ok<IReadOnlyList<AuditEngagement>>(await query.OrderByDescending(a => a.PlannedStart).Take(1000).ToListAsync(ct));
    }

    public static async Task<Results<Created<AuditEngagement>, ValidationProblem, ProblemHttpResult>> Plan(
        AuditRequest request, RecordWriter records, IAuditTargets targets, AuditOptions options, string route, CancellationToken ct)
    {
        var decision = AuditDecider.Plan(Guid.CreateVersion7(), request, options, records.Today);
        if (decision.Next is not null && await targets.UnknownAsync(records.Session, request.TargetAssetIds, "targetAssetIds", ct) is { } unknown)
            decision = unknown;
        return await records.CreateAsync(decision, route, ct);
    }
}
