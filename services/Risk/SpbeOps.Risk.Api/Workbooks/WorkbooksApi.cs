using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using SpbeOps.Risk.Api.Approval;
using SpbeOps.Risk.Api.Assets;
using SpbeOps.Messaging;
using SpbeOps.Risk.Api.Contexts;
using SpbeOps.Risk.Api.Monitoring;
using SpbeOps.Risk.Api.Risks;
using SpbeOps.ServiceDefaults;
using SpbeOps.ServiceDefaults.Auth;
using SpbeOps.ServiceDefaults.Problems;

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
        HttpContext http, IQuerySession session, string? opd, int? periodYear, CancellationToken ct)
    {
        var (ctx, problem) = await ContextFor(http, session, opd, periodYear, ct);
        if (problem is not null) return problem;
        var risks = await RegisterOf(session, ctx!, ct);
        var assetIds = risks.SelectMany(r => r.AssetIds).Distinct().ToArray();
        var assets = assetIds.Length == 0 ? [] : (await session.LoadManyAsync<KnownAsset>(ct, assetIds)).ToDictionary(a => a.Id);
        return File(RiskWorkbook.Register(ctx!, risks, assets), $"formulir-3.0-register-risiko-{ctx!.Opd}-{ctx.PeriodYear}.xlsx");
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportTreatments(
        HttpContext http, IQuerySession session, string? opd, int? periodYear, CancellationToken ct)
    {
        var (ctx, problem) = await ContextFor(http, session, opd, periodYear, ct);
        if (problem is not null) return problem;
        var risks = await RegisterOf(session, ctx!, ct);
        return File(RiskWorkbook.Treatments(ctx!, risks), $"formulir-4.0-rencana-penanganan-{ctx!.Opd}-{ctx.PeriodYear}.xlsx");
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportMonitoring(
        Guid id, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        var report = await session.LoadAsync<MonitoringReport>(id, ct);
        if (report is null || !new Caller(http.User).CanRead(report.Opd)) return Problem.NotFound("Laporan pemantauan / Monitoring report", id);
        var ctx = await session.LoadAsync<RiskContext>(report.ContextId, ct)
            ?? throw new InvalidOperationException($"Report {id} refers to a missing context {report.ContextId}.");
        var span = report.Quarter is { } q ? $"-triwulan-{q}" : report.Semester is { } s ? $"-semester-{s}" : "";
        return File(RiskWorkbook.MonitoringReport(ctx, report), $"formulir-5.0-pemantauan-{report.Kind}{span}-{report.Opd}-{report.PeriodYear}.xlsx");
    }

    /// <summary>
    /// Imports the rows of a Formulir 3.0 sheet into the register of <paramref name="opd"/> and
    /// <paramref name="periodYear"/> (default: the sheet's own UPR block). A row whose Kode Risiko exists is a revision,
    /// a row without one (or with a new code) a new risk; unchanged rows are left alone. Every row is checked first:
    /// one bad cell rejects the whole file with a 400 naming each row and column, and nothing is written.
    /// </summary>
    public static async Task<Results<Ok<ImportResult>, ValidationProblem, ProblemHttpResult>> Import(
        HttpContext http, IDocumentSession session, TimeProvider clock, string? opd, int? periodYear, CancellationToken ct)
    {
        var caller = new Caller(http.User);
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
        if (!caller.CanWrite(targetOpd!)) return ContextsApi.ForbiddenFor(targetOpd!);

        var ctx = await RisksApi.ContextOf(session, targetOpd!, targetYear!.Value, ct);
        if (ctx is null) return RisksApi.NoContext(targetOpd!, targetYear.Value);

        var existing = (await session.Query<RegisteredRisk>().Where(r => r.Opd == ctx.Opd && r.PeriodYear == ctx.PeriodYear).ToListAsync(ct))
            .ToDictionary(r => r.Code, StringComparer.OrdinalIgnoreCase);
        var assetIds = sheet.Rows.SelectMany(r => RiskWorkbook.Guids(r.Cells["assetIds"])).Distinct().ToArray();
        var knownAssets = assetIds.Length == 0 ? [] : (await session.LoadManyAsync<KnownAsset>(ct, assetIds)).Select(a => a.Id).ToHashSet();

        // Check every row before writing anything.
        var errors = new FieldErrors();
        var plan = new List<(RiskSheetRow Row, RiskRequest Request, RegisteredRisk? Current)>();
        var codesInFile = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in sheet.Rows)
        {
            var request = ToRequest(row, ctx);
            var cell = new RiskSheetRow(row, sheet.ColumnOfField);
            var rowErrors = RiskDecider.Validate(request, ctx).ToDictionary();
            foreach (var (field, reasons) in rowErrors)
                foreach (var reason in reasons) errors.Add(cell.Key(field), reason);
            if (row.Cells["likelihoodLevel"] is { } l && RiskWorkbook.Level(l) is null) errors.Add(cell.Key("likelihoodLevel"), "harus angka level / must be a level number");
            if (row.Cells["impactLevel"] is { } i && RiskWorkbook.Level(i) is null) errors.Add(cell.Key("impactLevel"), "harus angka level / must be a level number");
            foreach (var id in request.AssetIds ?? [])
                if (!knownAssets.Contains(id)) errors.Add(cell.Key("assetIds"), $"aset/aplikasi '{id}' tidak dikenal / asset or application '{id}' is not known");

            RegisteredRisk? current = null;
            if (request.Code is not null)
            {
                if (!codesInFile.Add(request.Code)) errors.Add(cell.Key("code"), $"kode '{request.Code}' muncul dua kali di berkas / code '{request.Code}' appears twice in the file");
                if (existing.TryGetValue(request.Code, out current))
                {
                    if (current.Withdrawn) errors.Add(cell.Key("code"), $"risiko '{request.Code}' sudah dicabut / risk '{request.Code}' was withdrawn");
                    else if (!ApprovalFlow.IsEditable(current.ApprovalStatus))
                        errors.Add(cell.Key("code"), $"risiko '{request.Code}' sedang dalam persetujuan ({current.ApprovalStatus}) / risk '{request.Code}' is under review ({current.ApprovalStatus})");
                }
            }
            plan.Add((cell, request, current));
        }
        if (errors.Any) return errors.ToProblem();

        var now = clock.GetUtcNow();
        var taken = existing.Keys.ToList();
        var results = new List<ImportedRow>();
        foreach (var (cell, request, current) in plan)
        {
            if (current is null)
            {
                var code = request.Code ?? RiskDecider.NextCode(taken);
                taken.Add(code);
                var risk = RiskDecider.Identify(Guid.CreateVersion7(), code, request, ctx, caller.Actor, now);
                session.Store(risk);
                session.Events.StartStream<RegisteredRisk>(risk.Id, new RiskIdentified(risk, "xlsx", caller.Actor, now));
                results.Add(new ImportedRow(cell.Row.Number, code, risk.Id, "dibuat"));
            }
            else if (RiskDecider.SameAssessment(current, request))
            {
                results.Add(new ImportedRow(cell.Row.Number, current.Code, current.Id, "tetap"));
            }
            else
            {
                var risk = RiskDecider.Revise(current, request, ctx, caller.Actor, now);
                session.Store(risk);
                session.Events.Append(risk.Id, risk.Version, new RiskAssessmentRevised(risk, "xlsx", caller.Actor, now));
                results.Add(new ImportedRow(cell.Row.Number, current.Code, current.Id, "diperbarui"));
            }
        }
        if (await session.TrySaveChangesAsync(ct, "Kode risiko bentrok dengan perubahan lain; ulangi impor / A risk code clashed with another change; import again.") is { } conflict)
            return conflict;
        return TypedResults.Ok(new ImportResult(ctx.Opd, ctx.PeriodYear,
            results.Count(r => r.Outcome == "dibuat"), results.Count(r => r.Outcome == "diperbarui"), results.Count(r => r.Outcome == "tetap"), results));
    }

    /// <summary>A sheet row with its column letters, to name errors as "row 9, column G (Kategori Risiko)".</summary>
    private sealed record RiskSheetRow(RiskWorkbook.SheetRow Row, IReadOnlyDictionary<string, string> ColumnOfField)
    {
        public string Key(string field)
        {
            var root = field.Split('[', '.')[0];
            return ColumnOfField.TryGetValue(root, out var letter)
                ? $"row {Row.Number}, column {letter} ({RiskWorkbook.ColumnName(root)})"
                : $"row {Row.Number}";
        }
    }

    private static RiskRequest ToRequest(RiskWorkbook.SheetRow row, RiskContext ctx)
    {
        string? Cell(string f) => row.Cells[f];
        var type = Cell("riskType")?.ToLowerInvariant();
        return new RiskRequest(
            ctx.Opd, ctx.PeriodYear, type, Cell("event"), Resolve(Cell("category"), ctx.Categories), Resolve(Cell("impactArea"), ctx.ImpactAreas),
            RiskWorkbook.Level(Cell("likelihoodLevel")), RiskWorkbook.Level(Cell("impactLevel")), Cell("code"), Cell("objective"), Cell("cause"),
            Cell("impact"), Cell("existingControls"), Cell("likelihoodExplanation"), Cell("impactExplanation"), RiskWorkbook.Guids(Cell("assetIds")));
    }

    /// <summary>A category or impact area cell may hold the code or the display name.</summary>
    private static string? Resolve(string? cell, IReadOnlyList<CodedName> names) =>
        cell is null ? null
        : names.FirstOrDefault(n => string.Equals(n.Code, cell, StringComparison.OrdinalIgnoreCase) || string.Equals(n.Name, cell, StringComparison.OrdinalIgnoreCase))?.Code
          ?? cell;

    private static async Task<(RiskContext?, Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>?)> ContextFor(
        HttpContext http, IQuerySession session, string? opd, int? periodYear, CancellationToken ct)
    {
        var caller = new Caller(http.User);
        var scope = caller.ScopeFilter(opd);
        var errors = new FieldErrors();
        if (!PerangkatDaerahCode.IsValid(scope)) errors.Add("opd", PerangkatDaerahCode.Rule);
        errors.Range("periodYear", periodYear, ContextDecider.FirstYear, 9999);
        if (errors.Any) return (null, errors.ToProblem());
        var ctx = await RisksApi.ContextOf(session, scope!, periodYear!.Value, ct);
        return ctx is null
            ? (null, Problem.NotFound("Konteks risiko / Risk context", $"{scope} {periodYear}"))
            : (ctx, null);
    }

    private static async Task<List<RegisteredRisk>> RegisterOf(IQuerySession session, RiskContext ctx, CancellationToken ct)
    {
        var risks = (await session.Query<RegisteredRisk>().Where(r => r.Opd == ctx.Opd && r.PeriodYear == ctx.PeriodYear && !r.Withdrawn).ToListAsync(ct)).ToList();
        var priorities = RiskDecider.Priorities(risks);
        foreach (var r in risks) r.Priority = priorities[r.Id];
        return risks.OrderBy(r => r.Priority).ToList();
    }

    private static FileContentHttpResult File(byte[] bytes, string name) => TypedResults.File(bytes, RiskWorkbook.ContentType, name);
}
