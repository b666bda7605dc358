namespace SpbeOps.Competency.Api.Requirements;

/// <summary>Competency requirements per jabatan: Diskominfo sets them, every role reads them.</summary>
public static class RequirementsApi
{
    public const string Route = "/api/competency/requirements";

    public const string JabatanTaken = "Standar kompetensi jabatan ini sudah ada; ubah yang ada / This jabatan already has a requirement; revise it.";

    public static RouteGroupBuilder MapRequirementsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapRecordGroup(Route, "Requirements");
        api.MapGet("/", async (IQuerySession session, CancellationToken ct) =>
                TypedResults.Ok<IReadOnlyList<CompetencyRequirement>>(await session.Query<CompetencyRequirement>().OrderBy(q => q.Jabatan).Take(1000).ToListAsync(ct)))
            .WithName("ListRequirements").WithSummary("Standar kompetensi per jabatan / Competency requirements by jabatan");
        api.MapRecordReads<CompetencyRequirement>("Requirement");
        api.MapPost("/", Set)
            .WithName("SetRequirement").WithSummary("Tetapkan standar kompetensi jabatan (Diskominfo) / Set a jabatan's requirement (Diskominfo)");
        api.MapPut("/{id:guid}", (Guid id, RequirementRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<CompetencyRequirement>(id, current => RequirementDecider.Revise(current, request), ct, JabatanTaken))
            .WithName("ReviseRequirement").WithSummary("Ubah standar kompetensi / Revise a requirement");
        api.MapWithdrawal<CompetencyRequirement>("Requirement", RequirementDecider.Withdraw);
        return api;
    }

    public static async Task<Results<Created<CompetencyRequirement>, ValidationProblem, ProblemHttpResult>> Set(
        RequirementRequest request, RecordWriter records, CancellationToken ct)
    {
        if (!records.Caller.IsAdmin) return Problem.Forbidden("Standar kompetensi ditetapkan Diskominfo / Diskominfo sets competency requirements.");
        return await records.CreateAsync(RequirementDecider.Set(Guid.CreateVersion7(), request), Route, ct, JabatanTaken);
    }
}
