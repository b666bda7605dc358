using System.Globalization;
using System.Text.RegularExpressions;

namespace SpbeOps.Security.Api.Workbooks;

public sealed record ImportedImplementation(int Row, string Opd, string ControlCode, Guid Id, string Outcome);

public sealed record ImplementationImportResult(int Created, int Updated, int Unchanged, IReadOnlyList<ImportedImplementation> Rows);

/// <summary>
/// The rules of an implementation import, free of I/O: every row is checked as the API would check it, and one bad
/// cell refuses the whole file with an error naming its row and column (all rows or none).
/// </summary>
public static partial class ImplementationImport
{
    public const int MaxRows = 20_000;

    public sealed record RowChange(ControlImplementation? Current, Decision<ControlImplementation> Decision);

    public sealed record Outcome(IReadOnlyList<RowChange> Changes, ImplementationImportResult? Result, FieldErrors Errors);

    /// <param name="controls">the catalogue by code</param>
    /// <param name="existing">the implementations of the OPD the rows name, by (opd, control code)</param>
    /// <param name="knownRisks">the SPBE risk ids the service knows (not withdrawn)</param>
    public static Outcome Decide(IReadOnlyList<Workbook.Row> rows, IReadOnlyDictionary<string, SecurityControl> controls,
        IReadOnlyDictionary<(string Opd, string Code), ControlImplementation> existing, IReadOnlySet<Guid> knownRisks, Caller caller, DateOnly today)
    {
        var errors = new FieldErrors();
        if (rows.Count == 0) errors.Add("file", "tidak ada baris penerapan / the sheet has no implementation rows");
        if (rows.Count > MaxRows) errors.Add("file", $"paling banyak {MaxRows} baris / at most {MaxRows} rows");
        if (errors.Any) return new Outcome([], null, errors);

        var changes = new List<RowChange>();
        var results = new List<ImportedImplementation>();
        var seen = new HashSet<(string, string)>();
        foreach (var row in rows)
        {
            string Where(string field) => $"baris {row.Number}, kolom {SecurityWorkbook.ImplementationList.HeaderOf(field.Split('[')[0])}";
            var opd = row["opd"] ?? "";
            var code = (row["controlCode"] ?? "").ToUpperInvariant();
            var riskIds = GuidPattern().Matches(row["riskIds"] ?? "").Select(m => Guid.Parse(m.Value)).Distinct().ToList();
            var request = new ImplementationRequest(row["opd"], null, row["status"], riskIds, row["evidence"], row["owner"],
                Date(row["lastTestedOn"], out var badDate), row["lastTestResult"], row["controlCode"]);
            if (badDate) errors.Add(Where("lastTestedOn"), "bukan tanggal (yyyy-mm-dd) / not a date (yyyy-mm-dd)");
            if (!seen.Add((opd, code))) errors.Add(Where("controlCode"), "OPD dan kendali yang sama muncul dua kali / the same OPD and control appear twice");
            foreach (var risk in riskIds.Where(r => !knownRisks.Contains(r)))
                errors.Add(Where("riskIds"), $"risiko SPBE '{risk}' tidak dikenal / SPBE risk '{risk}' is not known");
            if (PerangkatDaerahCode.IsValid(opd) && !caller.CanWrite(opd))
            {
                errors.Add(Where("opd"), $"Anda tidak berwenang mengubah penerapan '{opd}' / you may not change the implementations of '{opd}'");
                continue;
            }
            existing.TryGetValue((opd, code), out var current);
            if (current is not null && Version(row["version"]) is { } v && v != current.Version)
                errors.Add(Where("version"),
                    $"penerapan ini sudah diubah sejak diekspor (sekarang versi {current.Version}); ekspor ulang / it changed since it was exported (now version {current.Version}); export again");

            Decision<ControlImplementation> decision;
            if (current is not null) decision = ImplementationDecider.Revise(current, request, today, "xlsx");
            else if (controls.TryGetValue(code, out var control)) decision = ImplementationDecider.Record(Guid.CreateVersion7(), request with { ControlId = control.Id }, control, today, "xlsx");
            else
            {
                var invalid = ImplementationDecider.Validate(request, today);
                foreach (var (field, reasons) in invalid.ToDictionary()) foreach (var reason in reasons) errors.Add(Where(field), reason);
                if (code.Length > 0) errors.Add(Where("controlCode"), $"kendali '{code}' tidak ada di katalog / no control '{code}' in the catalogue");
                continue;
            }
            switch (decision.Rejection)
            {
                case Rejection.Invalid invalid:
                    foreach (var (field, reasons) in invalid.Errors.ToDictionary()) foreach (var reason in reasons) errors.Add(Where(field), reason);
                    break;
                case { } other:
                    errors.Add(Where("controlCode"), other.ToProblem().ProblemDetails.Detail ?? "ditolak / refused");
                    break;
                case null when current is not null && RecordChanges.Between(current, decision.Next!).Count == 0:
                    results.Add(new(row.Number, opd, code, current.Id, "tetap"));
                    break;
                case null:
                    changes.Add(new RowChange(current, decision));
                    results.Add(new(row.Number, opd, code, decision.Next!.Id, current is null ? "dibuat" : "diperbarui"));
                    break;
            }
        }
        if (errors.Any) return new Outcome([], null, errors);
        return new Outcome(changes, new ImplementationImportResult(results.Count(r => r.Outcome == "dibuat"), results.Count(r => r.Outcome == "diperbarui"),
            results.Count(r => r.Outcome == "tetap"), results), errors);
    }

    private static DateOnly? Date(string? cell, out bool bad)
    {
        bad = false;
        if (string.IsNullOrWhiteSpace(cell)) return null;
        if (DateOnly.TryParse(cell.Length >= 10 ? cell[..10] : cell, CultureInfo.InvariantCulture, out var d)) return d;
        bad = true;
        return null;
    }

    private static long? Version(string? cell) => long.TryParse(cell, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();
}
