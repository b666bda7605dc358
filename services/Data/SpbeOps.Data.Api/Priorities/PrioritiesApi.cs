using SpbeOps.Data.Api.Datasets;

namespace SpbeOps.Data.Api.Priorities;

/// <summary>The year's data prioritas and rencana aksi: the walidata sets them, every role reads them.</summary>
public static class PrioritiesApi
{
    public const string Route = "/api/data/priorities";

    private const string WalidataOnly = "Data prioritas ditetapkan oleh walidata (atau Diskominfo) / The walidata (or Diskominfo) sets the data prioritas.";

    private const string YearTaken = "Data prioritas tahun ini sudah ditetapkan; ubah yang ada / This year's data prioritas is already set; revise it.";

    public static RouteGroupBuilder MapPrioritiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapRecordGroup(Route, "Priorities");
        api.MapGet("/", async (IQuerySession session, CancellationToken ct) =>
                TypedResults.Ok<IReadOnlyList<DataPriority>>(await session.Query<DataPriority>().OrderByDescending(p => p.Year).ToListAsync(ct)))
            .WithName("ListPriorities").WithSummary("Data prioritas per tahun / Data prioritas by year");
        api.MapRecordReads<DataPriority>("Priority");
        api.MapPost("/", Set).WithName("SetPriorities").WithSummary("Tetapkan data prioritas tahun ini (walidata) / Set a year's data prioritas (walidata)");
        api.MapPut("/{id:guid}", Revise).WithName("RevisePriorities").WithSummary("Ubah data prioritas (walidata) / Revise a year's data prioritas (walidata)");
        return api;
    }

    public static async Task<Results<Created<DataPriority>, ValidationProblem, ProblemHttpResult>> Set(
        DataPriorityRequest request, RecordWriter records, CancellationToken ct)
    {
        if (!records.Caller.WritesEveryOpd) return Problem.Forbidden(WalidataOnly);
        if (await UnknownDatasetAsync(records.Session, request.Datasets, ct) is { } unknown) return unknown.ToProblem();
        return await records.CreateAsync(DataPriorityDecider.Set(Guid.CreateVersion7(), request, records.Today), Route, ct, YearTaken);
    }

    public static Task<Results<Ok<DataPriority>, ValidationProblem, ProblemHttpResult>> Revise(
        Guid id, DataPriorityRequest request, RecordWriter records, CancellationToken ct) =>
        records.ChangeAsync<DataPriority>(id, async current =>
            await UnknownDatasetAsync(records.Session, request.Datasets, ct) is { } unknown
                ? unknown
                : DataPriorityDecider.Revise(current, request, records.Today), ct, YearTaken);

    private static Task<Rejection?> UnknownDatasetAsync(IQuerySession session, IReadOnlyList<Guid>? ids, CancellationToken ct) =>
        KnownRecords.UnknownAsync<Dataset>(session, ids, 500, d => d.Status != DataVocabulary.Diarsipkan,
            "Dataset tidak dikenal atau diarsipkan / Unknown or archived datasets", "unknown-dataset", "datasets", ct);
}
