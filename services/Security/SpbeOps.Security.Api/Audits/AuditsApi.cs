namespace SpbeOps.Security.Api.Audits;

/// <summary>
/// Security audit engagements of the instansi. Diskominfo and the security officer plan and follow them; every role
/// of the service reads them (an audit covers the instansi, not one OPD); the auditor never writes.
/// </summary>
public static class AuditsApi
{
    public const string Route = "/api/security/audits";

    public static RouteGroupBuilder MapAuditsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapSecurityGroup(Route, "Security audits");
        api.MapGet("/", List).WithName("ListSecurityAudits").WithSummary("Audit keamanan / Security audits (?year=&stage=&auditorType=)");
        api.MapRecordReads<SecurityAudit>("SecurityAudit");
        api.MapPost("/", Plan).WithName("PlanSecurityAudit").WithSummary("Rencanakan audit / Plan an audit");
        api.MapPut("/{id:guid}", (Guid id, AuditRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<SecurityAudit>(id, async current =>
                    await KnownRecords.UnknownAsset(records.Session, request.TargetAssetIds, "targetAssetIds", ct) is { } unknown
                        ? unknown : AuditDecider.Revise(current, request, records.Today), ct))
            .WithName("ReviseSecurityAudit").WithSummary("Perbarui rencana audit / Revise an audit");
        api.MapGet("/{id:guid}/stages", async (Guid id, Caller caller, IQuerySession session, CancellationToken ct) =>
                await session.LoadReadableAsync<SecurityAudit>(id, caller, ct) is { } audit
                    ? (Results<Ok<IReadOnlyList<AuditStage>>, ProblemHttpResult>)TypedResults.Ok(audit.StagesReached())
                    : RecordWriter.NotFound<SecurityAudit>(id))
            .WithName("GetSecurityAuditStages").WithSummary("Tahap yang sudah dicapai / The stages reached, with their dates");
        api.MapGet("/{id:guid}/findings", async (Guid id, Caller caller, IQuerySession session, CancellationToken ct) =>
                await session.LoadReadableAsync<SecurityAudit>(id, caller, ct) is { } audit
                    ? (Results<Ok<List<Finding>>, ProblemHttpResult>)TypedResults.Ok(audit.Findings)
                    : RecordWriter.NotFound<SecurityAudit>(id))
            .WithName("GetSecurityAuditFindings").WithSummary("Temuan audit / The audit's findings");
        api.MapPost("/{id:guid}/stage", (Guid id, AuditStageRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<SecurityAudit>(id, current => AuditDecider.Advance(current, request, records.Today), ct))
            .WithName("AdvanceSecurityAudit").WithSummary("Tahap berikutnya / The next stage");
        api.MapPost("/{id:guid}/findings", async (Guid id, FindingRequest request, RecordWriter records, CancellationToken ct) =>
            {
                var findingId = Guid.CreateVersion7();
                var written = await records.TryChangeAsync<SecurityAudit>(id,
                    current => Task.FromResult(AuditDecider.RecordFinding(current, request, findingId, records.Today)), ct);
                return written.AsCreated($"{Route}/{id}");
            })
            .WithName("RecordSecurityAuditFinding").WithSummary("Catat temuan / Record a finding");
        api.MapPut("/{id:guid}/findings/{findingId:guid}", (Guid id, Guid findingId, FindingRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<SecurityAudit>(id, current => AuditDecider.ReviseFinding(current, findingId, request, records.Today), ct))
            .WithName("ReviseSecurityAuditFinding").WithSummary("Perbarui atau tindak lanjuti temuan / Revise or follow up a finding");
        api.MapPost("/{id:guid}/withdrawal", (Guid id, WithdrawAuditRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<SecurityAudit>(id, current => AuditDecider.Withdraw(current, request), ct))
            .WithName("WithdrawSecurityAudit").WithSummary("Batalkan audit (akhir) / Withdraw an audit (final)");
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<SecurityAudit>>, ValidationProblem>> List(
        IQuerySession session, int? year, string? stage, string? auditorType, bool? includeWithdrawn, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .Range("year", year, 1990, 2100, required: false)
            .OneOf("stage", stage, AuditDecider.Stages, required: false)
            .OneOf("auditorType", auditorType, AuditDecider.AuditorTypes, required: false);
        if (errors.Any) return errors.ToProblem();
        var query = session.Query<SecurityAudit>().AsQueryable();
        if (year is { } y) query = query.Where(a => a.PlannedStart >= new DateOnly(y, 1, 1) && a.PlannedStart <= new DateOnly(y, 12, 31));
        if (stage is not null) query = query.Where(a => a.Stage == stage);
        if (auditorType is not null) query = query.Where(a => a.AuditorType == auditorType);
        if (includeWithdrawn != true) query = query.Where(a => !a.Withdrawn);
        return TypedResults.Ok<IReadOnlyList<SecurityAudit>>(await query.OrderByDescending(a => a.PlannedStart).Take(1000).ToListAsync(ct));
    }

    public static async Task<Results<Created<SecurityAudit>, ValidationProblem, ProblemHttpResult>> Plan(
        AuditRequest request, RecordWriter records, CancellationToken ct)
    {
        var decision = AuditDecider.Plan(Guid.CreateVersion7(), request, records.Today);
        if (decision.Next is not null && await KnownRecords.UnknownAsset(records.Session, request.TargetAssetIds, "targetAssetIds", ct) is { } unknown)
            decision = unknown;
        return await records.CreateAsync(decision, Route, ct);
    }
}
