namespace SpbeOps.Data.Api.Datasets;

/// <summary>The catalogue as XLSX: streamed export in the walidata's layout, and the all-or-nothing metadata import.</summary>
public static class DatasetWorkbooksApi
{
    public static async Task<Results<EmptyHttpResult, ValidationProblem>> Export(
        HttpContext http, Caller caller, IQuerySession session, TimeProvider clock, string? opd, string? status, string? accessLevel, string? topic, CancellationToken ct)
    {
        if (DatasetsApi.Filters(opd, status, accessLevel, topic) is { Any: true } errors) return errors.ToProblem();
        var scope = caller.ScopeFilter(opd);
        var datasets = DatasetsApi.Filtered(session, caller, opd, status, accessLevel, topic).OrderBy(d => d.Opd).ThenBy(d => d.Title).ToAsyncEnumerable(ct);
        await Downloads.SendAsync(http.Response, DatasetWorkbook.ContentType,
            $"daftar-data{(scope is null ? "" : "-" + scope)}-{clock.GetUtcNow():yyyy-MM-dd}.xlsx",
            (file, token) => DatasetWorkbook.WriteAsync(datasets, file, token), ct);
        return TypedResults.Empty;
    }

    public static async Task<Results<Ok<DatasetImportResult>, ValidationProblem, ProblemHttpResult>> Import(
        HttpContext http, RecordWriter records, CancellationToken ct)
    {
        if (!records.Caller.WritesEveryOpd && !records.Caller.IsOpdOperator)
            return Problem.Forbidden("Peran Anda tidak boleh mengimpor dataset / Your role may not import datasets.");
        var (rows, problem) = await DatasetWorkbook.Sheet.ReadUploadAsync(http.Request, ct);
        if (rows is null) return problem!;

        var ids = rows.Select(r => Guid.TryParse(r["id"], out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToArray();
        var existing = ids.Length == 0 ? new Dictionary<Guid, Dataset>() : (await records.Session.LoadManyAsync<Dataset>(ct, ids)).ToDictionary(d => d.Id);
        var outcome = DatasetImport.Decide(rows, existing, records.Caller, records.Now);
        if (outcome.Errors.Any) return outcome.Errors.ToProblem();
        var conflict = await records.SaveManyAsync(outcome.Changes.Select(c => (c.Current, c.Decision)).ToList(), ct);
        return conflict is not null ? conflict : TypedResults.Ok(outcome.Result!);
    }
}
