using System.Globalization;
using System.Text.Json;
using SpbeOps.ServiceDefaults.Auth;
using SpbeOps.ServiceDefaults.Problems;

namespace SpbeOps.Assets.Api.Assets;

public sealed record ImportedAsset(int Row, Guid Id, string Outcome);

public sealed record AssetImportResult(int Created, int Updated, int Unchanged, IReadOnlyList<ImportedAsset> Rows);

/// <summary>
/// The rules of an import, free of I/O: every row is checked as if it were sent to the API on its own, and the
/// whole file is refused when any cell is wrong, so nothing is half-imported.
/// </summary>
public static class AssetImport
{
    public const int MaxRows = 5000;

    public abstract record Outcome;
    public sealed record Rejected(FieldErrors Errors) : Outcome;
    public sealed record Accepted(IReadOnlyList<(int Row, Asset Asset, object? Change)> Changes, AssetImportResult Result) : Outcome;

    public static Outcome Decide(IReadOnlyList<AssetWorkbook.Row> rows, IReadOnlyDictionary<Guid, Asset> existing, Caller caller, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (rows.Count == 0) errors.Add("file", "tidak ada baris aset / the sheet has no asset rows");
        if (rows.Count > MaxRows) errors.Add("file", $"paling banyak {MaxRows} baris / at most {MaxRows} rows");
        if (errors.Any) return new Rejected(errors);

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var changes = new List<(int, Asset, object?)>();
        var seenIds = new HashSet<Guid>();
        foreach (var row in rows)
        {
            string Where(string field) => $"baris {row.Number}, kolom {AssetWorkbook.HeaderOf(field)}";
            var rowErrors = new FieldErrors();
            var request = Parse(row, rowErrors, Where);
            var id = ParseId(row, rowErrors, Where);
            existing.TryGetValue(id ?? Guid.Empty, out var current);
            if (id is not null && (current is null || !caller.CanRead(current.Opd)))
                rowErrors.Add(Where("id"), "aset dengan ID ini tidak ada; kosongkan ID untuk aset baru / no asset has this ID; leave ID empty for a new asset");
            if (id is not null && !seenIds.Add(id.Value))
                rowErrors.Add(Where("id"), "ID yang sama muncul dua kali / the same ID appears twice");

            foreach (var (field, reasons) in AssetDecider.Validate(request, registering: current is null, today).ToDictionary())
                foreach (var reason in reasons) rowErrors.Add(Where(field), reason);

            if (!rowErrors.Any)
            {
                if (!caller.CanWrite(request.Opd!) || (current is not null && (!caller.CanWrite(current.Opd) || (current.Opd != request.Opd && !caller.IsAdmin))))
                    rowErrors.Add(Where("opd"), $"Anda tidak berwenang atas aset perangkat daerah '{request.Opd}' / you may not change assets of '{request.Opd}'");
                else if (current is not null && current.Kind != request.Kind)
                    rowErrors.Add(Where("kind"), $"jenis aset tidak dapat diubah (tetap '{current.Kind}') / an asset's kind cannot change (it is '{current.Kind}')");
                else if (current is not null && current.Stage == AssetVocabulary.Penghapusan)
                    rowErrors.Add(Where("id"), "aset yang sudah dihapus tidak dapat diubah / a disposed asset cannot be changed");
            }

            if (rowErrors.Any)
            {
                foreach (var (field, reasons) in rowErrors.ToDictionary())
                    foreach (var reason in reasons) errors.Add(field, reason);
                continue;
            }

            if (current is null)
            {
                var asset = AssetDecider.Register(Guid.CreateVersion7(), request, caller.Actor, now);
                changes.Add((row.Number, asset, new AssetRegistered(asset, caller.Actor, now)));
            }
            else
            {
                var updated = AssetDecider.Update(current, request, caller.Actor, now);
                changes.Add(SameDetails(current, updated)
                    ? (row.Number, current, null)
                    : (row.Number, updated, new AssetDetailsUpdated(updated, caller.Actor, now)));
            }
        }
        if (errors.Any) return new Rejected(errors);

        var outcomes = changes.Select(c => new ImportedAsset(c.Item1, c.Item2.Id, c.Item3 switch
        {
            AssetRegistered => "created",
            AssetDetailsUpdated => "updated",
            _ => "unchanged",
        })).ToList();
        return new Accepted(changes, new AssetImportResult(
            outcomes.Count(o => o.Outcome == "created"), outcomes.Count(o => o.Outcome == "updated"), outcomes.Count(o => o.Outcome == "unchanged"), outcomes));
    }

    private static bool SameDetails(Asset current, Asset updated)
    {
        var comparable = updated.Copy();
        (comparable.Version, comparable.UpdatedAt, comparable.UpdatedBy) = (current.Version, current.UpdatedAt, current.UpdatedBy);
        return JsonSerializer.Serialize(comparable) == JsonSerializer.Serialize(current);
    }

    private static Guid? ParseId(AssetWorkbook.Row row, FieldErrors errors, Func<string, string> where)
    {
        if (string.IsNullOrWhiteSpace(row["id"])) return null;
        if (Guid.TryParse(row["id"], out var id)) return id;
        errors.Add(where("id"), "bukan ID aset yang sah / not a valid asset ID");
        return null;
    }

    private static AssetRequest Parse(AssetWorkbook.Row row, FieldErrors errors, Func<string, string> where)
    {
        DateOnly? Date(string field)
        {
            if (string.IsNullOrWhiteSpace(row[field])) return null;
            if (DateOnly.TryParseExact(row[field], ["yyyy-MM-dd", "d/M/yyyy", "dd-MM-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            errors.Add(where(field), "tanggal ditulis YYYY-MM-DD / write dates as YYYY-MM-DD");
            return null;
        }
        int? Int(string field)
        {
            if (string.IsNullOrWhiteSpace(row[field])) return null;
            if (int.TryParse(row[field], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
            errors.Add(where(field), "harus bilangan bulat / must be a whole number");
            return null;
        }
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
