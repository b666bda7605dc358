namespace SpbeOps.Assets.Api.Assets;

/// <summary>
/// The ICT asset and application register of each perangkat daerah. An OPD operator registers and moves its own
/// OPD's assets; Diskominfo works on all; security officers, walidata and auditors read.
/// </summary>
public static class AssetsApi
{
    public static RouteGroupBuilder MapAssetsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapRecordGroup("api/assets", "Assets");

        api.MapGet("/", List).WithName("ListAssets").WithSummary("Daftar aset dengan filter dan halaman / List assets with filters and paging");
        api.MapGet("/export", Export).WithName("ExportAssets")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .WithSummary("Unduh register aset TIK (XLSX) / Download the ICT asset register as XLSX");
        api.MapPost("/import", Import).WithName("ImportAssets")
            .WithSummary("Impor register aset dari XLSX (semua baris atau tidak sama sekali) / Import assets from XLSX, all rows or none");
        api.MapRecordReads<Asset>("Asset");
        api.MapPost("/", Register).WithName("RegisterAsset").WithSummary("Daftarkan aset atau aplikasi / Register an asset or application");
        api.MapPut("/{id:guid}", Update).WithName("UpdateAsset").WithSummary("Perbarui data aset / Update an asset's details");
        api.MapPost("/{id:guid}/transitions", Transition).WithName("TransitionAsset")
            .WithSummary("Pindahkan tahap siklus hidup / Move the asset to its next lifecycle stage");
        return api;
    }

    public static async Task<Results<Ok<AssetPage>, ValidationProblem>> List(
        Caller caller, IQuerySession session, string? opd, string? kind, string? stage, string? q,
        int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .Opd("opd", opd, required: false)
            .OneOf("kind", kind, AssetVocabulary.Kinds, required: false)
            .OneOf("stage", stage, AssetVocabulary.Stages, required: false)
            .MaxLength("q", q, 200)
            // page × pageSize stays an int (Marten's offset): a larger page would overflow it.
            .Range("page", page, 1, 1_000_000, required: false)
            .Range("pageSize", pageSize, 1, 200, required: false);
        if (errors.Any) return errors.ToProblem();

        var query = Filtered(session, caller.ScopeFilter(opd), kind, stage);
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(a => a.Name.Contains(q, StringComparison.OrdinalIgnoreCase));

        // Served by the per-tenant indexes of Extensions.cs: (opd, name), (kind, opd, name), (stage, opd, name) and
        // the trigram index on name for q (ILIKE '%q%').
        var (number, size) = (page ?? 1, pageSize ?? 50);
        var result = await ListPaging.PageAsync(query, query.OrderBy(a => a.Opd).ThenBy(a => a.Name), number, size, ct);
        return TypedResults.Ok(new AssetPage(result.Items, number, size, result.Total, result.TotalExact, result.HasMore));
    }

    public static async Task<Results<EmptyHttpResult, ValidationProblem>> Export(
        HttpContext http, Caller caller, IQuerySession session, TimeProvider clock, string? opd, string? kind, string? stage, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .Opd("opd", opd, required: false)
            .OneOf("kind", kind, AssetVocabulary.Kinds, required: false)
            .OneOf("stage", stage, AssetVocabulary.Stages, required: false);
        if (errors.Any) return errors.ToProblem();

        var scope = caller.ScopeFilter(opd);
        // Streamed: the documents come from one Marten query as an async enumerable, MiniExcel writes them to a
        // temporary file (ZipArchive needs synchronous writes, which Kestrel's body refuses), and the file is copied
        // to the body. Memory stays constant whatever the register's size (issue 8).
        var assets = Filtered(session, scope, kind, stage).OrderBy(a => a.Opd).ThenBy(a => a.Name).ToAsyncEnumerable(ct);
        await Downloads.SendAsync(http.Response, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"register-aset-tik{(scope is null ? "" : "-" + scope)}-{clock.GetUtcNow():yyyy-MM-dd}.xlsx",
            (file, token) => AssetWorkbook.WriteAsync(assets, file, token), ct);
        return TypedResults.Empty;
    }

    public static async Task<Results<Ok<AssetImportResult>, ValidationProblem, ProblemHttpResult>> Import(
        HttpContext http, RecordWriter records, CancellationToken ct)
    {
        var (rows, problem) = await AssetWorkbook.Sheet.ReadUploadAsync(http.Request, ct);
        if (rows is null) return problem!;

        var ids = rows.Select(r => Guid.TryParse(r["id"], out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToArray();
        var existing = ids.Length == 0 ? new Dictionary<Guid, Asset>() : (await records.Session.LoadManyAsync<Asset>(ct, ids)).ToDictionary(a => a.Id);
        var outcome = AssetImport.Decide(rows, existing, records.Caller, records.Now);
        if (outcome.Errors.Any) return outcome.Errors.ToProblem();

        // One transaction for the whole file: all rows or none.
        var conflict = await records.SaveManyAsync(outcome.Changes.Select(c => (c.Current, c.Decision)).ToList(), ct);
        return conflict is not null ? conflict : TypedResults.Ok(outcome.Result!);
    }

    public static Task<Results<Created<Asset>, ValidationProblem, ProblemHttpResult>> Register(
        AssetRequest request, RecordWriter records, CancellationToken ct) =>
        records.CreateAsync(AssetDecider.Register(Guid.CreateVersion7(), request, records.Caller.Actor, records.Now), "/api/assets", ct);

    public static Task<Results<Ok<Asset>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, AssetRequest request, RecordWriter records, CancellationToken ct) =>
        records.ChangeAsync<Asset>(id, current => AssetDecider.Update(current, request, records.Now), ct);

    public static Task<Results<Ok<Asset>, ValidationProblem, ProblemHttpResult>> Transition(
        Guid id, TransitionRequest request, RecordWriter records, CancellationToken ct) =>
        records.ChangeAsync<Asset>(id, current => AssetDecider.Transition(current, request, records.Caller.Actor, records.Now), ct);

    private static IQueryable<Asset> Filtered(IQuerySession session, string? opd, string? kind, string? stage)
    {
        var query = session.Query<Asset>().AsQueryable();
        if (opd is not null) query = query.Where(a => a.Opd == opd);
        if (kind is not null) query = query.Where(a => a.Kind == kind);
        if (stage is not null) query = query.Where(a => a.Stage == stage);
        return query;
    }
}
