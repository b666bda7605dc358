using System.Globalization;

namespace SpbeOps.Data.Api.Datasets;

public sealed record ImportedDataset(int Row, Guid Id, string Outcome);

public sealed record DatasetImportResult(int Created, int Updated, int Unchanged, IReadOnlyList<ImportedDataset> Rows);

/// <summary>
/// The rules of a metadata import, free of I/O: every row is decided as if it were sent to the API on its own, and the
/// whole file is refused when any cell is wrong (errors by row and column), so nothing is half-imported.
/// </summary>
public static class DatasetImport
{
    public sealed record RowChange(int Row, Dataset? Current, Decision<Dataset> Decision);

    public sealed record Outcome(IReadOnlyList<RowChange> Changes, DatasetImportResult? Result, FieldErrors Errors);

    public static Outcome Decide(IReadOnlyList<Workbook.Row> rows, IReadOnlyDictionary<Guid, Dataset> existing, Caller caller, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (rows.Count == 0) errors.Add("file", "tidak ada baris data / the sheet has no dataset rows");
        if (rows.Count > DatasetWorkbook.MaxRows) errors.Add("file", $"paling banyak {DatasetWorkbook.MaxRows} baris / at most {DatasetWorkbook.MaxRows} rows");
        if (errors.Any) return new Outcome([], null, errors);

        var changes = new List<RowChange>();
        var outcomes = new List<ImportedDataset>();
        var seen = new HashSet<Guid>();
        foreach (var row in rows)
        {
            string Where(string field) => DatasetWorkbook.Sheet.Where(row, field);
            var rowErrors = new FieldErrors();
            Guid? id = null;
            if (!string.IsNullOrWhiteSpace(row["id"]))
            {
                if (Guid.TryParse(row["id"], out var parsed)) id = parsed;
                else rowErrors.Add(Where("id"), "bukan ID dataset yang sah / not a valid dataset ID");
            }
            existing.TryGetValue(id ?? Guid.Empty, out var current);
            if (id is not null && (current is null || !current.ReadableBy(caller)))
                rowErrors.Add(Where("id"), "dataset dengan ID ini tidak ada; kosongkan ID untuk dataset baru / no dataset has this ID; leave ID empty for a new one");
            if (id is not null && !seen.Add(id.Value)) rowErrors.Add(Where("id"), "ID yang sama muncul dua kali / the same ID appears twice");
            if (current is not null && !string.IsNullOrWhiteSpace(row["version"])
                && (!long.TryParse(row["version"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v != current.Version))
                rowErrors.Add(Where("version"), $"dataset sudah diubah sejak diekspor (sekarang versi {current.Version}); ekspor ulang / changed since export (now version {current.Version}); export again");

            var request = Parse(row, current, rowErrors);
            var decision = current is null
                ? DatasetDecider.Draft(Guid.CreateVersion7(), request, caller.Actor, now)
                : DatasetDecider.Update(current, request, now);
            switch (decision.Rejection)
            {
                case Rejection.Invalid invalid:
                    foreach (var (field, reasons) in invalid.Errors.ToDictionary())
                        foreach (var reason in reasons) rowErrors.Add(Where(field), reason);
                    break;
                case { } rejection:
                    rowErrors.Add(Where("id"), rejection is Rejection.Conflict c ? c.Detail : "ditolak / refused");
                    break;
                case null when (current is not null && !caller.CanWrite(current.Opd)) || !caller.CanWrite(decision.Next!.Opd):
                    rowErrors.Add(Where("opd"), $"Anda tidak berwenang atas data perangkat daerah '{request.Opd}' / you may not change datasets of '{request.Opd}'");
                    break;
            }
            if (rowErrors.Any)
            {
                foreach (var (field, reasons) in rowErrors.ToDictionary())
                    foreach (var reason in reasons) errors.Add(field, reason);
                continue;
            }
            var outcome = current is null ? "created" : RecordChanges.Between(current, decision.Next!).Keys.All(k => k == "quality") ? "unchanged" : "updated";
            outcomes.Add(new ImportedDataset(row.Number, decision.Next!.Id, outcome));
            if (outcome != "unchanged") changes.Add(new RowChange(row.Number, current, decision));
        }
        if (errors.Any) return new Outcome([], null, errors);
        return new Outcome(changes, new DatasetImportResult(
            outcomes.Count(o => o.Outcome == "created"), outcomes.Count(o => o.Outcome == "updated"), outcomes.Count(o => o.Outcome == "unchanged"), outcomes), errors);
    }

    /// <summary>A row as a request; references and further distributions of an existing dataset are kept.</summary>
    private static DatasetRequest Parse(Workbook.Row row, Dataset? current, FieldErrors errors)
    {
        var due = DatasetWorkbook.Sheet.DateOf(row, "nextReleaseDue", errors);
        var distributions = current?.Distributions.Select(x => (DistributionRequest?)new DistributionRequest(x.Name, x.Url, x.Format, x.Description)).ToList() ?? [];
        if (!string.IsNullOrWhiteSpace(row["distributions[0].url"]))
        {
            var first = new DistributionRequest(row["title"] ?? "Data", row["distributions[0].url"], row["distributions[0].format"]);
            if (distributions.Count > 0) distributions[0] = first with { Name = distributions[0]!.Name };
            else distributions.Add(first);
        }
        return new DatasetRequest(
            row["opd"], row["title"], row["topic"],
            new MetadataRequest(row["metadata.periodicity"], row["metadata.coverage"], row["metadata.sourceActivity"], row["metadata.contactName"],
                row["metadata.contactEmail"], row["metadata.license"], row["metadata.accessLevel"]),
            row["name"], row["description"],
            row["tags"]?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            new StandarDataRequest(row["standarData.konsep"], row["standarData.definisi"], row["standarData.klasifikasi"], row["standarData.ukuran"], row["standarData.satuan"]),
            current?.References, distributions, due);
    }
}
