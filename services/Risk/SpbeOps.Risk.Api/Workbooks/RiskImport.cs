using System.Globalization;
namespace SpbeOps.Risk.Api.Workbooks;

/// <summary>
/// The rules of a register import, free of I/O: every row is checked as the API would check it, and one bad cell
/// refuses the whole file with an error naming each row and column. A row whose Kode Risiko exists revises that risk,
/// a row without one (or with a new code) identifies a new risk; unchanged rows are left alone.
/// </summary>
public static class RiskImport
{
    /// <summary>One row that identifies (<c>Current</c> null) or revises a risk.</summary>
    public sealed record RowChange(RegisteredRisk? Current, Decision<RegisteredRisk> Decision);

    public sealed record Outcome(IReadOnlyList<RowChange> Changes, ImportResult? Result, FieldErrors Errors);

    public static Outcome Decide(RiskWorkbook.ParsedSheet sheet, RiskContext ctx, IReadOnlyDictionary<string, RegisteredRisk> existing, IReadOnlySet<Guid> knownAssets)
    {
        var errors = new FieldErrors();
        var changes = new List<RowChange>();
        var results = new List<ImportedRow>();
        var codesInFile = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var taken = existing.Keys.ToList();
        foreach (var row in sheet.Rows)
        {
            var request = ToRequest(row, ctx);
            var cell = new RiskSheetRow(row, sheet.ColumnOfField);
            if (row.Cells["likelihoodLevel"] is { } l && RiskWorkbook.Level(l) is null) errors.Add(cell.Key("likelihoodLevel"), "harus angka level / must be a level number");
            if (row.Cells["impactLevel"] is { } i && RiskWorkbook.Level(i) is null) errors.Add(cell.Key("impactLevel"), "harus angka level / must be a level number");
            foreach (var id in request.AssetIds ?? [])
                if (!knownAssets.Contains(id)) errors.Add(cell.Key("assetIds"), $"aset/aplikasi '{id}' tidak dikenal / asset or application '{id}' is not known");
            if (request.Code is not null && !codesInFile.Add(request.Code))
                errors.Add(cell.Key("code"), $"kode '{request.Code}' muncul dua kali di berkas / code '{request.Code}' appears twice in the file");

            RegisteredRisk? current = null;
            if (request.Code is not null) existing.TryGetValue(request.Code, out current);
            if (current is not null && row.Cells.GetValueOrDefault("version") is { Length: > 0 } exported)
            {
                if (!long.TryParse(exported, NumberStyles.Integer, CultureInfo.InvariantCulture, out var version) || version < 1)
                    errors.Add(cell.Key("version"), "bukan nomor versi / not a version number");
                else if (version != current.Version)
                    errors.Add(cell.Key("version"),
                        $"risiko '{current.Code}' sudah diubah sejak diekspor (sekarang versi {current.Version}); ekspor ulang / risk '{current.Code}' changed since it was exported (now version {current.Version}); export again");
            }
            if (current is not null && !current.Withdrawn && RiskDecider.Validate(request, ctx) is { Any: false } && RiskDecider.SameAssessment(current, request))
            {
                results.Add(new ImportedRow(row.Number, current.Code, current.Id, "tetap"));
                continue;
            }

            var code = current?.Code ?? request.Code ?? RiskDecider.NextCode(taken);
            taken.Add(code);
            var decision = current is null
                ? RiskDecider.Identify(Guid.CreateVersion7(), code, request, ctx, "xlsx")
                : RiskDecider.Revise(current, request, ctx, "xlsx");
            switch (decision.Rejection)
            {
                case Rejection.Invalid invalid:
                    foreach (var (field, reasons) in invalid.Errors.ToDictionary())
                        foreach (var reason in reasons) errors.Add(cell.Key(field), reason);
                    break;
                case Rejection.Conflict conflict:
                    errors.Add(cell.Key("code"), $"risiko '{code}': {conflict.Detail}");
                    break;
                case null:
                    changes.Add(new RowChange(current, decision));
                    results.Add(new ImportedRow(row.Number, code, decision.Next!.Id, current is null ? "dibuat" : "diperbarui"));
                    break;
            }
        }
        if (errors.Any) return new Outcome([], null, errors);
        return new Outcome(changes, new ImportResult(ctx.Opd, ctx.PeriodYear,
            results.Count(r => r.Outcome == "dibuat"), results.Count(r => r.Outcome == "diperbarui"), results.Count(r => r.Outcome == "tetap"), results), errors);
    }

    /// <summary>A sheet row with its column letters, to name errors as "row 9, column G (Kategori Risiko)".</summary>
    private sealed record RiskSheetRow(Workbook.Row Row, IReadOnlyDictionary<string, string> ColumnOfField)
    {
        public string Key(string field)
        {
            var root = field.Split('[', '.')[0];
            return ColumnOfField.TryGetValue(root, out var letter)
                ? $"row {Row.Number}, column {letter} ({RiskWorkbook.ColumnName(root)})"
                : $"row {Row.Number}";
        }
    }

    private static RiskRequest ToRequest(Workbook.Row row, RiskContext ctx)
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

}
