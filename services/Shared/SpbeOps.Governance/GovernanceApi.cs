namespace SpbeOps.Governance;

/// <summary>
/// The governance records of one domain service: policies/guidelines, programmes, reviews and follow-ups for the
/// indicators that service feeds. Diskominfo (and the service's specialist roles) write records for any scope; an
/// OPD operator writes programmes, reviews and follow-ups of its own OPD only; everyone in the instansi reads what
/// covers them.
/// </summary>
public static class GovernanceApi
{
    private static readonly (string Path, string RecordType, string Summary)[] Kinds =
    [
        ("policies", GovernanceRecordTypes.Policy, "Catat kebijakan/pedoman/SOP/strategi / Record a policy, guideline, SOP or strategy"),
        ("programmes", GovernanceRecordTypes.Programme, "Catat program kegiatan / Record a planned programme"),
        ("reviews", GovernanceRecordTypes.Review, "Catat reviu dan evaluasi / Record a review and evaluation"),
        ("follow-ups", GovernanceRecordTypes.FollowUp, "Catat tindak lanjut reviu / Record a follow-up improvement"),
    ];

    public static RouteGroupBuilder MapGovernanceApi(this IEndpointRouteBuilder app, GovernanceOptions options)
    {
        var group = app.MapRecordGroup(options.RoutePrefix, "Governance");

        group.MapGet("/", List).WithName($"{options.RoutePrefix}:list").WithSummary("Daftar kebijakan, program, reviu dan tindak lanjut / List governance records");
        group.MapRecordReads<GovernanceRecord>("GovernanceRecord");
        foreach (var (path, recordType, summary) in Kinds)
        {
            group.MapPost($"/{path}", (GovernanceRecordRequest request, RecordWriter records, GovernanceOptions o, CancellationToken ct) =>
                    Create(recordType, request, records, o, ct))
                .WithName($"{options.RoutePrefix}:{recordType}").WithSummary(summary);
        }
        group.MapPut("/{id:guid}", Revise).WithName($"{options.RoutePrefix}:revise").WithSummary("Perbarui catatan / Revise a record");
        group.MapPost("/follow-ups/{id:guid}/completion", Complete).WithName($"{options.RoutePrefix}:complete").WithSummary("Selesaikan tindak lanjut / Complete a follow-up");
        group.MapPost("/{id:guid}/withdrawal", Withdraw).WithName($"{options.RoutePrefix}:withdraw").WithSummary("Cabut catatan / Withdraw a record");
        return group;
    }

    public static async Task<Ok<IReadOnlyList<GovernanceRecord>>> List(
        Caller caller, IQuerySession session, int? indicator, string? type, bool? includeWithdrawn, CancellationToken ct)
    {
        var query = session.Query<GovernanceRecord>().AsQueryable();
        if (indicator is not null) query = query.Where(r => r.Indicator == indicator);
        if (!string.IsNullOrWhiteSpace(type)) query = query.Where(r => r.RecordType == type);
        if (includeWithdrawn != true) query = query.Where(r => !r.Withdrawn);
        var records = await query.OrderBy(r => r.Indicator).ThenBy(r => r.Date).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<GovernanceRecord>>(records.Where(r => r.ReadableBy(caller)).ToList());
    }

    public static async Task<Results<Created<GovernanceRecord>, ValidationProblem, ProblemHttpResult>> Create(
        string recordType, GovernanceRecordRequest request, RecordWriter records, GovernanceOptions options, CancellationToken ct)
    {
        var decision = GovernanceDecider.Create(Guid.CreateVersion7(), recordType, request, options, records.Today);
        if (decision.Next is { } record && await ReviewProblem(records.Session, record, ct) is { } problem) decision = problem;
        return await records.CreateAsync(decision, options.RoutePrefix, ct);
    }

    public static Task<Results<Ok<GovernanceRecord>, ValidationProblem, ProblemHttpResult>> Revise(
        Guid id, GovernanceRecordRequest request, RecordWriter records, GovernanceOptions options, CancellationToken ct) =>
        records.ChangeAsync<GovernanceRecord>(id, async current =>
        {
            var decision = GovernanceDecider.Revise(current, request, options, records.Today);
            return decision.Next is { } revised && await ReviewProblem(records.Session, revised, ct) is { } problem ? problem : decision;
        }, ct);

    public static Task<Results<Ok<GovernanceRecord>, ValidationProblem, ProblemHttpResult>> Complete(
        Guid id, FollowUpCompletionRequest request, RecordWriter records, CancellationToken ct) =>
        records.ChangeAsync<GovernanceRecord>(id, current => current.RecordType == GovernanceRecordTypes.FollowUp
            ? GovernanceDecider.Complete(current, request, records.Today)
            : new Rejection.NotFound("Tindak lanjut / Follow-up", id), ct);

    public static Task<Results<Ok<GovernanceRecord>, ValidationProblem, ProblemHttpResult>> Withdraw(
        Guid id, WithdrawRequest request, RecordWriter records, CancellationToken ct) =>
        records.ChangeAsync<GovernanceRecord>(id, current => GovernanceDecider.Withdraw(current, request), ct);

    /// <summary>A follow-up answers an existing review of the same indicator (422 otherwise).</summary>
    private static async Task<Rejection?> ReviewProblem(IQuerySession session, GovernanceRecord record, CancellationToken ct)
    {
        if (record.RecordType != GovernanceRecordTypes.FollowUp) return null;
        var review = await session.LoadAsync<GovernanceRecord>(record.ReviewId!.Value, ct);
        if (review is null || review.RecordType != GovernanceRecordTypes.Review || review.Withdrawn)
            return new Rejection.BreaksRule($"Reviu '{record.ReviewId}' tidak ada / No review '{record.ReviewId}' exists.", "follow-up-needs-review", "reviewId");
        if (review.Indicator != record.Indicator)
            return new Rejection.BreaksRule($"Reviu itu untuk indikator {review.Indicator} / That review belongs to indicator {review.Indicator}.", "same-indicator", "reviewId");
        return null;
    }
}
