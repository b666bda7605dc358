using System.Globalization;

namespace SpbeOps.Assets.Api.Assets;

public sealed record ImportedAsset(int Row, Guid Id, string Outcome);

public sealed record AssetImportResult(int Created, int Updated, int Unchanged, IReadOnlyList<ImportedAsset> Rows);

/// <summary>
/// The rules of an import, free of I/O: every row is checked as if it were sent to the API on its own, and the
/// whole file is refused when any cell is wrong, so nothing is half-imported.
/// </summary>
public static class AssetImport
{
    public const int MaxRows = 20_000;

    /// <summary>One row that registers (<c>Current</c> null) or revises an asset.</summary>
    public sealed record RowChange(int Row, Asset? Current, Decision<Asset> Decision);

    /// <summary>The whole file accepted: the changes to write, or the errors of every row (all rows or none).</summary>
    public sealed record Outcome(IReadOnlyList<RowChange> Changes, AssetImportResult? Result, FieldErrors Errors);

    public static Outcome Decide(IReadOnlyList<Workbook.Row> rows, IReadOnlyDictionary<Guid, Asset> existing, Caller caller, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (rows.Count == 0) errors.Add("file", "tidak ada baris aset / the sheet has no asset rows");
        if (rows.Count > MaxRows) errors.Add("file", $"paling banyak {MaxRows} baris / at most {MaxRows} rows");
        if (errors.Any) return new Outcome([], null, errors);

        var changes = new List<RowChange>();
        var outcomes = new List<ImportedAsset>();
        var seenIds = new HashSet<Guid>();
        foreach (var row in rows)
        {
            string Where(string field) => AssetWorkbook.Sheet.Where(row, field);
            var rowErrors = new FieldErrors();
            var request = Parse(row, rowErrors, Where);
            var id = ParseId(row, rowErrors, Where);
            existing.TryGetValue(id ?? Guid.Empty, out var current);
            if (id is not null && (current is null || !caller.CanRead(current.Opd)))
                rowErrors.Add(Where("id"), "aset dengan ID ini tidak ada; kosongkan ID untuk aset baru / no asset has this ID; leave ID empty for a new asset");
            if (id is not null && !seenIds.Add(id.Value))
                rowErrors.Add(Where("id"), "ID yang sama muncul dua kali / the same ID appears twice");
            if (current is not null && ParseVersion(row, rowErrors, Where) is { } exported && exported != current.Version)
                rowErrors.Add(Where("version"),
                    $"aset ini sudah diubah sejak diekspor (sekarang versi {current.Version}); ekspor ulang / the asset changed since it was exported (now version {current.Version}); export again");

            var decision = current is null
                ? AssetDecider.Register(Guid.CreateVersion7(), request, caller.Actor, now)
                : AssetDecider.Update(current, request, now);
            switch (decision.Rejection)
            {
                case Rejection.Invalid invalid:
                    foreach (var (field, reasons) in invalid.Errors.ToDictionary())
                        foreach (var reason in reasons) rowErrors.Add(Where(field), reason);
                    break;
                case Rejection.Conflict conflict:
                    rowErrors.Add(Where(conflict.Field ?? "id"), conflict.Detail);
                    break;
                case null when (current is not null && !caller.CanWrite(current.Opd)) || !caller.CanWrite(decision.Next!.Opd):
                    rowErrors.Add(Where("opd"), $"Anda tidak berwenang atas aset perangkat daerah '{request.Opd}' / you may not change assets of '{request.Opd}'");
                    break;
            }
            if (rowErrors.Any)
            {
                foreach (var (field, reasons) in rowErrors.ToDictionary())
                    foreach (var reason in reasons) errors.Add(field, reason);
                continue;
            }

            var outcome = current is null ? "created" : RecordChanges.Between(current, decision.Next!).Count == 0 ? "unchanged" : "updated";
            outcomes.Add(new ImportedAsset(row.Number, decision.Next!.Id, outcome));
            if (outcome != "unchanged") changes.Add(new RowChange(row.Number, current, decision));
        }
        if (errors.Any) return new Outcome([], null, errors);

        return new Outcome(changes, new AssetImportResult(
            outcomes.Count(o => o.Outcome == "created"), outcomes.Count(o => o.Outcome == "updated"), outcomes.Count(o => o.Outcome == "unchanged"), outcomes),
            errors);
    }

    /// <summary>The version the row was exported at; empty means the row does not ask for the check.</summary>
    private static long? ParseVersion(Workbook.Row row, FieldErrors errors, Func<string, string> where)
    {
        if (string.IsNullOrWhiteSpace(row["version"])) return null;
        if (long.TryParse(row["version"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0) return v;
        errors.Add(where("version"), "bukan nomor versi / not a version number");
        return null;
    }

    private static Guid? ParseId(Workbook.Row row, FieldErrors errors, Func<string, string> where)
    {
        if (string.IsNullOrWhiteSpace(row["id"])) return null;
        if (Guid.TryParse(row["id"], out var id)) return id;
        errors.Add(where("id"), "bukan ID aset yang sah / not a valid asset ID");
        return null;
    }

    private static AssetRequest Parse(Workbook.Row row, FieldErrors errors, Func<string, string> where)
    {
        DateOnly? Date(string field) => AssetWorkbook.Sheet.DateOf(row, field, errors);
        int? Int(string field) => AssetWorkbook.Sheet.NumberOf(row, field, errors);
        decimal? Money(string field)
        {
            if (string.IsNullOrWhiteSpace(row[field])) return null;
            if (decimal.TryParse(row[field], NumberStyles.Number, CultureInfo.InvariantCulture, out var n)) return n;
            errors.Add(where(field), "harus angka (titik sebagai desimal) / must be a number (dot as decimal separator)");
            return null;
        }

        var isApplication = row["kind"] == AssetVocabulary.Application
            || new[] { "application.type", "application.platform", "application.hosting", "application.status" }.Any(f => !string.IsNullOrWhiteSpace(row[f]));
        return new AssetRequest(
            row["opd"], row["kind"], row["name"], row["description"], row["code"], row["manufacturer"], row["model"],
            row["serialNumber"], row["location"], row["vendor"], Int("licenceSeats"), Date("licenceExpiresOn"), row["provider"],
            isApplication
                ? new ApplicationDetailsRequest(row["application.type"], row["application.platform"], row["application.hosting"],
                    row["application.url"], row["application.status"], row["application.legalBasis"], row["application.developer"])
                : null,
            Money("acquisitionCost"), Date("acquiredOn"), row["stage"], Date("stageSince"));
    }
}
