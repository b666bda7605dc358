namespace SpbeOps.Data.Api.Datasets;

/// <summary>
/// The walidata's catalogue of data sektoral. A produsen data (OPD operator) drafts its own OPD's datasets, fills
/// their Standar Data and metadata, submits them and records releases; the walidata (and Diskominfo) verifies,
/// returns and publishes; an auditor reads everything and a security officer the published catalogue.
/// </summary>
public static class DatasetsApi
{
    public const string Route = "/api/data/datasets";

    public static RouteGroupBuilder MapDatasetsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapRecordGroup(Route, "Datasets");
        api.MapGet("/", List).WithName("ListDatasets")
            .WithSummary("Katalog dataset dengan filter dan halaman / The catalogue, filtered and paged (?opd=&status=&accessLevel=&topic=&q=)");
        api.MapGet("/export", DatasetWorkbooksApi.Export).WithName("ExportDatasets")
            .Produces(StatusCodes.Status200OK, contentType: DatasetWorkbook.ContentType)
            .WithSummary("Unduh katalog (XLSX, lembar kerja walidata) / Download the catalogue as XLSX (the walidata's working layout)");
        api.MapPost("/import", DatasetWorkbooksApi.Import).WithName("ImportDatasets")
            .WithSummary("Impor metadata dataset dari XLSX (semua baris atau tidak sama sekali) / Import dataset metadata from XLSX, all rows or none");
        api.MapRecordReads<Dataset>("Dataset");
        api.MapGet("/{id:guid}/quality", Quality).WithName("GetDatasetQuality")
            .WithSummary("Penilaian kualitas data hari ini / The dataset's data-quality assessment as of today");
        api.MapPost("/", Draft).WithName("DraftDataset").WithSummary("Buat draf dataset / Draft a dataset");
        api.MapPut("/{id:guid}", Update).WithName("UpdateDataset").WithSummary("Perbarui metadata (draf atau dikembalikan) / Update a draft's or returned dataset's metadata");
        api.MapPost("/{id:guid}/submission", (Guid id, NoteRequest? request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<Dataset>(id, current => DatasetDecider.Submit(current, request ?? new NoteRequest(null), records.Caller.Actor, records.Now), ct))
            .WithName("SubmitDataset").WithSummary("Ajukan ke walidata / Submit to the walidata");
        api.MapPost("/{id:guid}/verification", (Guid id, VerificationRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<Dataset>(id, current =>
                    DatasetDecider.Verify(current, request, DataAccess.IsWalidata(records.Caller), records.Caller.Actor, records.Now), ct))
            .WithName("VerifyDataset").WithSummary("Verifikasi prinsip SDI (walidata) / Verify the SDI principles (walidata)");
        api.MapPost("/{id:guid}/return", (Guid id, ReturnRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<Dataset>(id, current =>
                    DatasetDecider.Return(current, request, DataAccess.IsWalidata(records.Caller), records.Caller.Actor, records.Now), ct))
            .WithName("ReturnDataset").WithSummary("Kembalikan ke produsen dengan alasan (walidata) / Return to the producer with reasons (walidata)");
        api.MapPost("/{id:guid}/publication", (Guid id, NoteRequest? request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<Dataset>(id, current =>
                    DatasetDecider.Publish(current, request ?? new NoteRequest(null), DataAccess.IsWalidata(records.Caller), records.Caller.Actor, records.Now), ct))
            .WithName("PublishDataset").WithSummary("Publikasikan (walidata) / Publish (walidata)");
        api.MapPost("/{id:guid}/releases", (Guid id, ReleaseRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<Dataset>(id, current => DatasetDecider.Release(current, request, records.Now), ct))
            .WithName("ReleaseDataset").WithSummary("Catat rilis data sesuai jadwal rilis / Record a release against the release schedule");
        api.MapPost("/{id:guid}/archive", (Guid id, ArchiveRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<Dataset>(id, current =>
                    DatasetDecider.Archive(current, request, DataAccess.IsWalidata(records.Caller), records.Caller.Actor, records.Now), ct))
            .WithName("ArchiveDataset").WithSummary("Arsipkan (akhir) / Archive (final)");
        return api;
    }

    public static async Task<Results<Ok<DatasetPage>, ValidationProblem>> List(
        Caller caller, IQuerySession session, string? opd, string? status, string? accessLevel, string? topic, string? q,
        int? page, int? pageSize, CancellationToken ct)
    {
        var errors = Filters(opd, status, accessLevel, topic)
            .MaxLength("q", q, 200)
            .Range("page", page, 1, 1_000_000, required: false)
            .Range("pageSize", pageSize, 1, 200, required: false);
        if (errors.Any) return errors.ToProblem();

        var query = Filtered(session, caller, opd, status, accessLevel, topic);
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(d => d.Title.Contains(q, StringComparison.OrdinalIgnoreCase));
        var (number, size) = (page ?? 1, pageSize ?? 50);
        var result = await ListPaging.PageAsync(query, query.OrderBy(d => d.Opd).ThenBy(d => d.Title), number, size, ct);
        return TypedResults.Ok(new DatasetPage(result.Items, number, size, result.Total, result.TotalExact, result.HasMore));
    }

    public static FieldErrors Filters(string? opd, string? status, string? accessLevel, string? topic) => new FieldErrors()
        .Opd("opd", opd, required: false)
        .OneOf("status", status, DataVocabulary.Statuses, required: false)
        .OneOf("accessLevel", accessLevel, DataVocabulary.AccessLevels, required: false)
        .OneOf("topic", topic, DataVocabulary.Topics, required: false);

    /// <summary>The caller's part of the catalogue: an operator's own OPD, a security officer's published datasets.</summary>
    public static IQueryable<Dataset> Filtered(IQuerySession session, Caller caller, string? opd, string? status, string? accessLevel, string? topic)
    {
        var query = session.Query<Dataset>().AsQueryable();
        if (caller.ScopeFilter(opd) is { } scope) query = query.Where(d => d.Opd == scope);
        if (DataAccess.ReadsPublishedOnly(caller)) query = query.Where(d => d.Status == DataVocabulary.Dipublikasikan);
        if (status is not null) query = query.Where(d => d.Status == status);
        if (accessLevel is not null) query = query.Where(d => d.Metadata.AccessLevel == accessLevel);
        if (topic is not null) query = query.Where(d => d.Topic == topic);
        return query;
    }

    public static async Task<Results<Ok<QualityAssessment>, ProblemHttpResult>> Quality(
        Guid id, Caller caller, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        await session.LoadReadableAsync<Dataset>(id, caller, ct) is { } dataset
            ? TypedResults.Ok(DataQuality.Assess(dataset, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)))
            : RecordWriter.NotFound<Dataset>(id);

    public static async Task<Results<Created<Dataset>, ValidationProblem, ProblemHttpResult>> Draft(
        DatasetRequest request, RecordWriter records, CancellationToken ct)
    {
        // What another OPD's references are is not the caller's business: a writer of the OPD is checked first.
        if (PerangkatDaerahCode.IsValid(request.Opd) && records.RefusesOpd<Dataset>(request.Opd!) is { } refused) return refused.ToProblem();
        if (await UnknownReferenceAsync(records.Session, request.References, ct) is { } unknown) return unknown.ToProblem();
        return await records.CreateAsync(DatasetDecider.Draft(Guid.CreateVersion7(), request, records.Caller.Actor, records.Now), Route, ct, NameTaken);
    }

    public static Task<Results<Ok<Dataset>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, DatasetRequest request, RecordWriter records, CancellationToken ct) =>
        records.ChangeAsync<Dataset>(id, async current =>
            await UnknownReferenceAsync(records.Session, request.References, ct) is { } unknown
                ? unknown
                : DatasetDecider.Update(current, request, records.Now), ct, NameTaken);

    public const string NameTaken = "Nama dataset (name) sudah dipakai dataset lain / The dataset name is already used by another dataset.";

    /// <summary>422 when the dataset names a kode referensi or data induk the reference lists do not hold (or withdrew).</summary>
    public static Task<Rejection?> UnknownReferenceAsync(IQuerySession session, IReadOnlyList<Guid>? ids, CancellationToken ct) =>
        KnownRecords.UnknownAsync<References.ReferenceEntry>(session, ids, DatasetDecider.MaxReferences, r => !r.Withdrawn,
            "Kode referensi/data induk tidak dikenal / Unknown kode referensi or data induk", "unknown-reference", "references", ct);
}
