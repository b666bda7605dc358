namespace SpbeOps.Security.Api.Workbooks;

/// <summary>
/// XLSX: the incident register and the control implementation matrix as downloads, and the implementations as an
/// upload (all rows or none). An OPD operator exports and imports its own OPD's only.
/// </summary>
public static class WorkbooksApi
{
    public static RouteGroupBuilder MapWorkbooksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapSecurityGroup("/api/security", "Security workbooks");
        api.MapGet("/export/incidents", ExportIncidents).WithName("ExportSecurityIncidents")
            .WithSummary("Unduh register insiden (XLSX) / Download the incident register as XLSX (?opd=&from=&to=)");
        api.MapGet("/export/implementations", ExportImplementations).WithName("ExportControlImplementations")
            .WithSummary("Unduh matriks penerapan kendali (XLSX) / Download the control implementation matrix as XLSX (?opd=)");
        api.MapPost("/import/implementations", ImportImplementations).WithName("ImportControlImplementations")
            .WithSummary("Impor penerapan kendali dari XLSX (semua baris atau tidak sama sekali) / Import control implementations, all rows or none");
        return api;
    }

    public static async Task<Results<EmptyHttpResult, ValidationProblem>> ExportIncidents(
        HttpContext http, Caller caller, IQuerySession session, TimeProvider clock, string? opd, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var errors = new FieldErrors().Opd("opd", opd, required: false).When(from > to, "to", "tidak boleh sebelum from / must not be before from");
        if (errors.Any) return errors.ToProblem();
        var query = session.Query<SecurityIncident>().AsQueryable();
        var scope = caller.ScopeFilter(opd);
        if (scope is not null) query = query.Where(i => i.Opd == scope);
        if (from is { } f) query = query.Where(i => i.ReportedAt >= new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        if (to is { } t) query = query.Where(i => i.ReportedAt < new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        var incidents = query.OrderBy(i => i.ReportedAt).ToAsyncEnumerable(ct);
        await Downloads.SendAsync(http.Response, SecurityWorkbook.ContentType,
            $"register-insiden{(scope is null ? "" : "-" + scope)}-{clock.GetUtcNow():yyyy-MM-dd}.xlsx",
            (file, token) => SecurityWorkbook.WriteIncidentsAsync(incidents, file, token), ct);
        return TypedResults.Empty;
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportImplementations(
        Caller caller, IQuerySession session, TimeProvider clock, string? opd, CancellationToken ct)
    {
        if (new FieldErrors().Opd("opd", opd, required: false) is { Any: true } errors) return errors.ToProblem();
        var scope = caller.ScopeFilter(opd);
        var controls = await session.Query<SecurityControl>().Where(c => !c.Retired).OrderBy(c => c.Code).ToListAsync(ct);
        var query = session.Query<ControlImplementation>().AsQueryable();
        if (scope is not null) query = query.Where(i => i.Opd == scope);
        var implementations = await query.ToListAsync(ct);
        return TypedResults.File(SecurityWorkbook.Implementations(controls, implementations), SecurityWorkbook.ContentType,
            $"matriks-penerapan-kendali{(scope is null ? "" : "-" + scope)}-{clock.GetUtcNow():yyyy-MM-dd}.xlsx");
    }

    public static async Task<Results<Ok<ImplementationImportResult>, ValidationProblem, ProblemHttpResult>> ImportImplementations(
        HttpContext http, RecordWriter records, CancellationToken ct)
    {
        var (rows, problem) = await SecurityWorkbook.ImplementationList.ReadUploadAsync(http.Request, ct);
        if (rows is null) return problem!;
        if (!records.Caller.WritesEveryOpd && !records.Caller.IsOpdOperator)
            return TypedResults.Problem(statusCode: 403, title: "Tidak berwenang / Forbidden", detail: "Peran Anda tidak boleh mengimpor / Your role may not import.");

        var session = records.Session;
        var controls = (await session.Query<SecurityControl>().ToListAsync(ct)).ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
        var opds = rows.Select(r => r["opd"]).Where(o => o is not null).Distinct().ToArray();
        var existing = (await session.Query<ControlImplementation>().Where(i => opds.Contains(i.Opd)).ToListAsync(ct))
            .ToDictionary(i => (i.Opd, i.ControlCode));
        var riskIds = rows.SelectMany(r => (r["riskIds"] ?? "").Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries))
            .Select(s => Guid.TryParse(s, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToArray();
        var knownRisks = riskIds.Length == 0 ? new HashSet<Guid>()
            : (await session.LoadManyAsync<KnownRisk>(ct, riskIds)).Where(r => !r.Risk.Withdrawn).Select(r => r.Id).ToHashSet();

        var outcome = ImplementationImport.Decide(rows, controls, existing, knownRisks, records.Caller, records.Today);
        if (outcome.Errors.Any) return outcome.Errors.ToProblem();
        var conflict = await records.SaveManyAsync(outcome.Changes.Select(c => (c.Current, c.Decision)).ToList(), ct);
        return conflict is not null ? conflict : TypedResults.Ok(outcome.Result!);
    }
}
