namespace SpbeOps.Competency.Api.Plans;

/// <summary>The HR plans (perencanaan SDM SPBE): an OPD operator keeps its OPD's, Diskominfo every OPD's.</summary>
public static class HrPlansApi
{
    public const string Route = "/api/competency/plans";

    public const string YearTaken = "Rencana SDM OPD ini untuk tahun ini sudah ada; ubah yang ada / This OPD already has an HR plan for the year; revise it.";

    public static RouteGroupBuilder MapHrPlansApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapRecordGroup(Route, "HrPlans");
        api.MapGet("/", List).WithName("ListHrPlans").WithSummary("Rencana SDM SPBE / HR plans (?opd=&year=)");
        api.MapRecordReads<HrPlan>("HrPlan");
        api.MapPost("/", Set).WithName("SetHrPlan").WithSummary("Susun rencana SDM tahunan / Draw up a year's HR plan");
        api.MapPut("/{id:guid}", (Guid id, HrPlanRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<HrPlan>(id, current => HrPlanDecider.Revise(current, request, records.Today), ct, YearTaken))
            .WithName("ReviseHrPlan").WithSummary("Ubah rencana SDM / Revise an HR plan");
        api.MapWithdrawal<HrPlan>("HrPlan", HrPlanDecider.Withdraw);
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<HrPlan>>, ValidationProblem>> List(
        Caller caller, IQuerySession session, string? opd, int? year, CancellationToken ct)
    {
        if (new FieldErrors().Opd("opd", opd, required: false).Range("year", year, 2019, 2100, required: false) is { Any: true } errors) return errors.ToProblem();
        var query = session.Query<HrPlan>().AsQueryable();
        if (caller.ScopeFilter(opd) is { } scope) query = query.Where(p => p.Opd == scope);
        if (year is not null) query = query.Where(p => p.Year == year);
        return TypedResults.Ok<IReadOnlyList<HrPlan>>(await query.OrderByDescending(p => p.Year).ThenBy(p => p.Opd).Take(1000).ToListAsync(ct));
    }

    public static async Task<Results<Created<HrPlan>, ValidationProblem, ProblemHttpResult>> Set(
        HrPlanRequest request, RecordWriter records, CancellationToken ct)
    {
        if (PerangkatDaerahCode.IsValid(request.Opd) && records.RefusesOpd<HrPlan>(request.Opd!) is { } refused) return refused.ToProblem();
        return await records.CreateAsync(HrPlanDecider.Set(Guid.CreateVersion7(), request, records.Today), Route, ct, YearTaken);
    }
}
