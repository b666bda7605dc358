namespace SpbeOps.Risk.Api.Workbooks;

public sealed record ImportedRow(int Row, string Code, Guid RiskId, string Outcome);

public sealed record ImportResult(string Opd, int PeriodYear, int Created, int Updated, int Unchanged, IReadOnlyList<ImportedRow> Rows);

/// <summary>
/// The bukti dukung of indicator 21 as the forms look: the register (Formulir 3.0), the treatment plan (4.0) and a
/// monitoring report (5.0) as XLSX; and the import of a register in the 3.0 layout, all rows or none.
/// </summary>
public static class WorkbooksApi
{
    public const int MaxRows = 2000;

    public static RouteGroupBuilder MapWorkbooksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/risks").WithTags("Risk workbooks").RequireAuthorization(SpbePolicies.Member);

        api.MapGet("/export/register", ExportRegister).WithName("ExportRiskRegister")
            .WithSummary("Unduh register risiko (Formulir 3.0, XLSX) / Download the risk register as XLSX");
        api.MapGet("/export/treatments", ExportTreatments).WithName("ExportRiskTreatments")
            .WithSummary("Unduh rencana penanganan (Formulir 4.0, XLSX) / Download the treatment plan as XLSX");
        api.MapGet("/export/monitoring/{id:guid}", ExportMonitoring).WithName("ExportRiskMonitoring")
            .WithSummary("Unduh laporan pemantauan (Formulir 5.0, XLSX) / Download a monitoring report as XLSX");
        api.MapPost("/import", Import).WithName("ImportRisks")
            .WithSummary("Impor risiko dari XLSX Formulir 3.0 (semua atau tidak sama sekali) / Import risks from a Formulir 3.0 XLSX, all rows or none");
        return api;
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportRegister(
        Caller caller, IQuerySession session, string? opd, int? periodYear, CancellationToken ct)
    {
        var (ctx, problem) = await ContextFor(caller, session, opd, periodYear, ct);
        if (problem is not null) return problem;
        var risks = await RegisterOf(session, ctx!, ct);
        var assetIds = risks.SelectMany(r => r.AssetIds).Distinct().ToArray();
        var assets = assetIds.Length == 0 ? [] : (await session.LoadManyAsync<KnownAsset>(ct, assetIds)).ToDictionary(a => a.Id);
        return File(RiskWorkbook.Register(ctx!, risks, assets), $"formulir-3.0-register-risiko-{ctx!.Opd}-{ctx.PeriodYear}.xlsx");
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportTreatments(
        Caller caller, IQuerySession session, string? opd, int? periodYear, CancellationToken ct)
    {
        var (ctx, problem) = await ContextFor(caller, session, opd, periodYear, ct);
        if (problem is not null) return problem;
        var risks = await RegisterOf(session, ctx!, ct);
        return File(RiskWorkbook.Treatments(ctx!, risks), $"formulir-4.0-rencana-penanganan-{ctx!.Opd}-{ctx.PeriodYear}.xlsx");
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportMonitoring(
        Guid id, Caller caller, IQuerySession session, CancellationToken ct)
    {
        var report = await session.LoadReadableAsync<MonitoringReport>(id, caller, ct);
        if (report is null) return RecordWriter.NotFound<MonitoringReport>(id);
        var ctx = await RiskQueries.ContextOf(session, report.ContextId, ct);
        var span = report.Quarter is { } q ? $"-triwulan-{q}" : report.Semester is { } s ? $"-semester-{s}" : "";
        return File(RiskWorkbook.MonitoringReport(ctx, report), $"formulir-5.0-pemantauan-{report.Kind}{span}-{report.Opd}-{report.PeriodYear}.xlsx");
    }

    /// <summary>
    /// Imports the rows of a Formulir 3.0 sheet into the register of <paramref name="opd"/> and
    /// <paramref name="periodYear"/> (default: the sheet's own UPR block), all rows or none (<see cref="RiskImport"/>).
    /// </summary>
    public static async Task<Results<Ok<ImportResult>, ValidationProblem, ProblemHttpResult>> Import(
        HttpContext http, RecordWriter records, string? opd, int? periodYear, CancellationToken ct)
    {
        var session = records.Session;
        await using var upload = new MemoryStream();
        if (await Uploads.ReadFileAsync(http.Request, upload, ct) is { } uploadError) return uploadError;

        RiskWorkbook.ParsedSheet sheet;
        try
        {
            sheet = RiskWorkbook.Parse(upload);
        }
        catch (RiskWorkbook.UnreadableWorkbookException e)
        {
            return new FieldErrors().Add("file", e.Message).ToProblem();
        }

        var targetOpd = opd ?? sheet.Opd;
        var targetYear = periodYear ?? sheet.PeriodYear;
        var scopeErrors = new FieldErrors();
        if (!PerangkatDaerahCode.IsValid(targetOpd)) scopeErrors.Add("opd", $"{PerangkatDaerahCode.Rule} (parameter opd atau sel '{RiskWorkbook.LabelOpd}')");
        scopeErrors.Range("periodYear", targetYear, ContextDecider.FirstYear, 9999);
        if (sheet.Rows.Count == 0) scopeErrors.Add("file", "tidak ada baris risiko / the sheet has no risk rows");
        if (sheet.Rows.Count > MaxRows) scopeErrors.Add("file", $"paling banyak {MaxRows} baris / at most {MaxRows} rows");
        if (scopeErrors.Any) return scopeErrors.ToProblem();
        if (records.RefusesOpd<RegisteredRisk>(targetOpd!) is { } forbidden) return forbidden.ToProblem();

        var ctx = await RiskQueries.ContextOf(session, targetOpd!, targetYear!.Value, ct);
        if (ctx is null) return RiskQueries.NoContext(targetOpd!, targetYear.Value).ToProblem();

        var existing = (await RiskQueries.RegisterOf(session, ctx.Opd, ctx.PeriodYear, withWithdrawn: true, ct))
            .ToDictionary(r => r.Code, StringComparer.OrdinalIgnoreCase);
        var assetIds = sheet.Rows.SelectMany(r => RiskWorkbook.Guids(r.Cells["assetIds"])).Distinct().ToArray();
        var knownAssets = assetIds.Length == 0 ? [] : (await session.LoadManyAsync<KnownAsset>(ct, assetIds)).Select(a => a.Id).ToHashSet();

        var outcome = RiskImport.Decide(sheet, ctx, existing, knownAssets);
        if (outcome.Errors.Any) return outcome.Errors.ToProblem();
        foreach (var change in outcome.Changes) records.Stage(change.Current, change.Decision);
        return await session.TrySaveChangesAsync(ct, "Kode risiko bentrok dengan perubahan lain; ulangi impor / A risk code clashed with another change; import again.") is { } conflict
            ? conflict
            : TypedResults.Ok(outcome.Result!);
    }

    private static async Task<(RiskContext?, Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>?)> ContextFor(
        Caller caller, IQuerySession session, string? opd, int? periodYear, CancellationToken ct)
    {
        var scope = caller.ScopeFilter(opd);
        var errors = new FieldErrors();
        if (!PerangkatDaerahCode.IsValid(scope)) errors.Add("opd", PerangkatDaerahCode.Rule);
        errors.Range("periodYear", periodYear, ContextDecider.FirstYear, 9999);
        if (errors.Any) return (null, errors.ToProblem());
        var ctx = await RiskQueries.ContextOf(session, scope!, periodYear!.Value, ct);
        return ctx is null
            ? (null, Problem.NotFound("Konteks risiko / Risk context", $"{scope} {periodYear}"))
            : (ctx, null);
    }

    private static async Task<List<RegisteredRisk>> RegisterOf(IQuerySession session, RiskContext ctx, CancellationToken ct)
    {
        var risks = (await RiskQueries.RegisterOf(session, ctx.Opd, ctx.PeriodYear, withWithdrawn: false, ct)).ToList();
        var priorities = RiskDecider.Priorities(risks);
        foreach (var r in risks) r.Priority = priorities[r.Id];
        return risks.OrderBy(r => r.Priority).ToList();
    }

    private static FileContentHttpResult File(byte[] bytes, string name) => TypedResults.File(bytes, RiskWorkbook.ContentType, name);
}
