namespace SpbeOps.Indicators.Api.Evaluations;

/// <summary>
/// A result published by KemenPANRB for one year (the Keputusan MenPANRB on the SPBE evaluation): the baseline
/// the live index is compared with.
/// </summary>
public sealed class OfficialEvaluation
{
    public int Id { get; set; }
    public decimal Index { get; set; }
    public string Predicate { get; set; } = "";
    public decimal? ManagementDomain { get; set; }
    public decimal? Target { get; set; }
    public string Source { get; set; } = "";
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}

public sealed record OfficialEvaluationRequest(decimal? Index, decimal? ManagementDomain, decimal? Target, string? Source);

public static class EvaluationsApi
{
    public static RouteGroupBuilder MapEvaluationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/maturity/evaluations").WithTags("Maturity").RequireAuthorization(SpbePolicies.Member);
        api.MapGet("/", List).WithName("ListOfficialEvaluations").WithSummary("Hasil evaluasi resmi per tahun / Official results per year");
        api.MapPut("/{year:int}", Put).WithName("PutOfficialEvaluation").RequireAuthorization(SpbePolicies.DiskominfoAdmin)
            .WithSummary("Catat hasil evaluasi resmi / Record an official evaluation result");
        return api;
    }

    public static async Task<Ok<IReadOnlyList<OfficialEvaluation>>> List(IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<OfficialEvaluation>>(await session.Query<OfficialEvaluation>().OrderBy(e => e.Id).ToListAsync(ct));

    public static async Task<Results<Ok<OfficialEvaluation>, ValidationProblem>> Put(
        int year, OfficialEvaluationRequest request, Caller caller, IDocumentSession session, SpbeRubric rubric, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors().Required("source", request.Source, 300);
        // P59 took effect for the 2021 evaluation.
        if (year < 2018 || year > clock.GetUtcNow().Year) errors.Add("year", $"harus 2018–{clock.GetUtcNow().Year} / must be 2018–{clock.GetUtcNow().Year}");
        ValidIndex(errors, "index", request.Index, required: true);
        ValidIndex(errors, "managementDomain", request.ManagementDomain, required: false);
        ValidIndex(errors, "target", request.Target, required: false);
        if (errors.Any) return errors.ToProblem();

        var evaluation = new OfficialEvaluation
        {
            Id = year,
            Index = request.Index!.Value,
            Predicate = rubric.PredicateFor(request.Index.Value).Name.Id,
            ManagementDomain = request.ManagementDomain,
            Target = request.Target,
            Source = request.Source!.Trim(),
            RecordedBy = caller.Actor,
            RecordedAt = clock.GetUtcNow(),
        };
        session.Store(evaluation);
        await session.SaveChangesAsync(ct);
        return TypedResults.Ok(evaluation);
    }

    private static void ValidIndex(FieldErrors errors, string field, decimal? value, bool required)
    {
        if (value is null) { if (required) errors.Add(field, "wajib diisi / is required"); }
        else if (value < 0 || value > 5 || decimal.Round(value.Value, 2) != value) errors.Add(field, "indeks 0,00–5,00 dengan dua desimal / an index 0.00–5.00 with two decimals");
    }
}
