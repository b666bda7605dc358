namespace SpbeOps.Security.Api.Assessments;

/// <summary>
/// Vulnerability assessments and penetration tests per OPD. The security officer and Diskominfo record them; an OPD
/// operator reads its own OPD's (another OPD's is 404); the auditor reads.
/// </summary>
public static class AssessmentsApi
{
    public const string Route = "/api/security/assessments";

    public static RouteGroupBuilder MapAssessmentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapSecurityGroup(Route, "Vulnerability assessments");
        api.MapGet("/", List).WithName("ListVulnerabilityAssessments")
            .WithSummary("Penilaian kerentanan dan uji penetrasi / Assessments and penetration tests (?opd=&kind=&lateFindings=)");
        api.MapRecordReads<VulnerabilityAssessment>("VulnerabilityAssessment");
        api.MapGet("/{id:guid}/findings", async (Guid id, Caller caller, IQuerySession session, CancellationToken ct) =>
                await session.LoadReadableAsync<VulnerabilityAssessment>(id, caller, ct) is { } assessment
                    ? (Results<Ok<List<Finding>>, ProblemHttpResult>)TypedResults.Ok(assessment.Findings)
                    : RecordWriter.NotFound<VulnerabilityAssessment>(id))
            .WithName("GetVulnerabilityAssessmentFindings").WithSummary("Temuan / The findings");
        api.MapPost("/", Record).WithName("RecordVulnerabilityAssessment").WithSummary("Catat penilaian / Record an assessment");
        api.MapPut("/{id:guid}", (Guid id, AssessmentRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<VulnerabilityAssessment>(id, async current =>
                    await KnownRecords.UnknownAsset(records.Session, request.TargetAssetIds, "targetAssetIds", ct) is { } unknown
                        ? unknown : AssessmentDecider.Revise(current, request with { Opd = request.Opd ?? current.Opd }, records.Today), ct))
            .WithName("ReviseVulnerabilityAssessment").WithSummary("Perbarui penilaian / Revise an assessment");
        api.MapPost("/{id:guid}/findings", async (Guid id, FindingRequest request, RecordWriter records, CancellationToken ct) =>
            {
                var findingId = Guid.CreateVersion7();
                var written = await records.TryChangeAsync<VulnerabilityAssessment>(id,
                    current => Task.FromResult(AssessmentDecider.RecordFinding(current, request, findingId, records.Today)), ct);
                return written.AsCreated($"{Route}/{id}");
            })
            .WithName("RecordVulnerabilityFinding").WithSummary("Catat temuan / Record a finding");
        api.MapPut("/{id:guid}/findings/{findingId:guid}", (Guid id, Guid findingId, FindingRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<VulnerabilityAssessment>(id, current => AssessmentDecider.ReviseFinding(current, findingId, request, records.Today), ct))
            .WithName("ReviseVulnerabilityFinding").WithSummary("Perbarui atau tindak lanjuti temuan / Revise or remediate a finding");
        api.MapPost("/{id:guid}/withdrawal", (Guid id, WithdrawAssessmentRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<VulnerabilityAssessment>(id, current => AssessmentDecider.Withdraw(current, request), ct))
            .WithName("WithdrawVulnerabilityAssessment").WithSummary("Cabut penilaian (akhir) / Withdraw an assessment (final)");
        return api;
    }

    public static async Task<Results<Ok<AssessmentPage>, ValidationProblem>> List(
        Caller caller, IQuerySession session, TimeProvider clock, string? opd, string? kind, bool? lateFindings, bool? includeWithdrawn,
        int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .Opd("opd", opd, required: false)
            .OneOf("kind", kind, AssessmentDecider.Kinds, required: false)
            .Range("page", page, 1, 1_000_000, required: false)
            .Range("pageSize", pageSize, 1, 500, required: false);
        if (errors.Any) return errors.ToProblem();
        var query = session.Query<VulnerabilityAssessment>().AsQueryable();
        if (caller.ScopeFilter(opd) is { } scope) query = query.Where(a => a.Opd == scope);
        if (kind is not null) query = query.Where(a => a.Kind == kind);
        if (includeWithdrawn != true) query = query.Where(a => !a.Withdrawn);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (lateFindings is true) query = query.Where(a => a.NextDueDate != null && a.NextDueDate < today);
        var (number, size) = (page ?? 1, pageSize ?? 100);
        var paged = await ListPaging.PageAsync(query, query.OrderByDescending(a => a.ConductedOn), number, size, ct);
        return TypedResults.Ok(new AssessmentPage(paged.Items, number, size, paged.Total, paged.TotalExact, paged.HasMore));
    }

    public static async Task<Results<Created<VulnerabilityAssessment>, ValidationProblem, ProblemHttpResult>> Record(
        AssessmentRequest request, RecordWriter records, CancellationToken ct)
    {
        var errors = AssessmentDecider.Validate(request, records.Today);
        if (errors.Any) return errors.ToProblem();
        Decision<VulnerabilityAssessment> decision = !records.Caller.WritesEveryOpd
            ? new Rejection.Forbidden("Penilaian kerentanan dicatat oleh petugas keamanan atau Diskominfo / Assessments are recorded by the security officer or Diskominfo.")
            : await KnownRecords.UnknownAsset(records.Session, request.TargetAssetIds, "targetAssetIds", ct) is { } unknown ? unknown
            : AssessmentDecider.Record(Guid.CreateVersion7(), request, records.Today);
        return await records.CreateAsync(decision, Route, ct);
    }
}
