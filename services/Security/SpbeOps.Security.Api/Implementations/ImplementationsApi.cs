namespace SpbeOps.Security.Api.Implementations;

/// <summary>
/// Control implementations per perangkat daerah. An OPD operator keeps its own OPD's (another OPD's is 404); the
/// security officer and Diskominfo every OPD's; the auditor reads.
/// </summary>
public static class ImplementationsApi
{
    public const string Route = "/api/security/implementations";

    public static RouteGroupBuilder MapImplementationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapSecurityGroup(Route, "Control implementations");
        api.MapGet("/", List).WithName("ListControlImplementations")
            .WithSummary("Penerapan kendali per perangkat daerah / Control implementations (?opd=&status=&area=&riskBased=)");
        api.MapRecordReads<ControlImplementation>("ControlImplementation");
        api.MapPost("/", Record).WithName("RecordControlImplementation").WithSummary("Catat penerapan kendali / Record a control implementation");
        api.MapPut("/{id:guid}", Revise).WithName("ReviseControlImplementation").WithSummary("Perbarui penerapan kendali / Revise a control implementation");
        return api;
    }

    public static async Task<Results<Ok<ImplementationPage>, ValidationProblem>> List(
        Caller caller, IQuerySession session, string? opd, string? status, string? area, bool? riskBased, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .Opd("opd", opd, required: false)
            .OneOf("status", status, ImplementationDecider.Statuses, required: false)
            .OneOf("area", area, ControlDecider.Areas, required: false)
            .Range("page", page, 1, 1_000_000, required: false)
            .Range("pageSize", pageSize, 1, 500, required: false);
        if (errors.Any) return errors.ToProblem();

        var query = session.Query<ControlImplementation>().AsQueryable();
        if (caller.ScopeFilter(opd) is { } scope) query = query.Where(i => i.Opd == scope);
        if (status is not null) query = query.Where(i => i.Status == status);
        if (area is not null) query = query.Where(i => i.Area == area);
        if (riskBased is true) query = query.Where(i => i.RiskIds.Any());
        if (riskBased is false) query = query.Where(i => !i.RiskIds.Any());
        var (number, size) = (page ?? 1, pageSize ?? 100);
        var paged = await ListPaging.PageAsync(query, query.OrderBy(i => i.Opd).ThenBy(i => i.ControlCode), number, size, ct);
        return TypedResults.Ok(new ImplementationPage(paged.Items, number, size, paged.Total, paged.TotalExact, paged.HasMore));
    }

    public static async Task<Results<Created<ControlImplementation>, ValidationProblem, ProblemHttpResult>> Record(
        ImplementationRequest request, RecordWriter records, CancellationToken ct)
    {
        var errors = ImplementationDecider.Validate(request, records.Today);
        if (errors.Any) return errors.ToProblem();
        var decision = records.RefusesOpd<ControlImplementation>(request.Opd!) is { } forbidden ? forbidden : await Decide(records, request, ct);
        return await records.CreateAsync(decision, Route, ct, Duplicate(request.Opd));
    }

    private static async Task<Decision<ControlImplementation>> Decide(RecordWriter records, ImplementationRequest request, CancellationToken ct)
    {
        var session = records.Session;
        var control = request.ControlId is { } controlId && controlId != Guid.Empty
            ? await session.LoadAsync<SecurityControl>(controlId, ct)
            : await session.Query<SecurityControl>().FirstOrDefaultAsync(c => c.Code == request.ControlCode!.Trim().ToUpperInvariant(), ct);
        var named = request.ControlId?.ToString() ?? request.ControlCode;
        if (control is null)
            return new Rejection.BreaksRule($"Kendali '{named}' tidak ada di katalog / No control '{named}' in the catalogue.", "known-control",
                request.ControlId is null ? "controlCode" : "controlId");
        if (await KnownRecords.UnknownRisk(session, request.RiskIds, ct) is { } unknown) return unknown;
        if (await session.Query<ControlImplementation>().AnyAsync(i => i.Opd == request.Opd && i.ControlId == control.Id, ct))
            return new Rejection.Conflict(Duplicate(request.Opd), "unique-implementation", "controlId");
        return ImplementationDecider.Record(Guid.CreateVersion7(), request, control, records.Today);
    }

    public static Task<Results<Ok<ControlImplementation>, ValidationProblem, ProblemHttpResult>> Revise(
        Guid id, ImplementationRequest request, RecordWriter records, CancellationToken ct) =>
        records.ChangeAsync<ControlImplementation>(id, async current =>
            await KnownRecords.UnknownRisk(records.Session, request.RiskIds, ct) is { } unknown
                ? unknown
                : ImplementationDecider.Revise(current, request with { Opd = request.Opd ?? current.Opd, ControlId = request.ControlId ?? current.ControlId }, records.Today), ct);

    public static string Duplicate(string? opd) =>
        $"Perangkat daerah '{opd}' sudah mencatat penerapan kendali ini; perbarui yang ada / '{opd}' already records this control; revise it instead.";
}
