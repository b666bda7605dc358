using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using MiniExcelLibs;
using SpbeOps.ServiceDefaults.Problems;

namespace SpbeOps.ServiceDefaults;

/// <summary>
/// One sheet of an import/export spreadsheet: Indonesian headers mapped to request fields, read for an all-or-nothing
/// import (errors by row and column) and written row by row for an export. A column whose field is null is derived:
/// exported, ignored on import.
/// </summary>
public sealed class Workbook(string sheetName, IReadOnlyList<(string Header, string? Field)> columns)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public string SheetName => sheetName;

    public IReadOnlyList<(string Header, string? Field)> Columns => columns;

    /// <summary>One sheet row, as cells by field name; <see cref="Number"/> is the spreadsheet row (header = 1).</summary>
    /// <remarks>Not sealed: a service may keep its own name for the rows of its sheet.</remarks>
    public record Row(int Number, IReadOnlyDictionary<string, string?> Cells)
    {
        public string? this[string field] => Cells.GetValueOrDefault(field) is { Length: > 0 } s ? s : null;
    }

    public string HeaderOf(string field) => columns.FirstOrDefault(c => c.Field == field).Header ?? field;

    /// <summary>Where a field of a row is, as an error key: "baris 3, kolom NIP".</summary>
    public string Where(Row row, string field) => $"baris {row.Number}, kolom {HeaderOf(field)}";

    /// <summary>
    /// Reads the sheet (by name, else the first) whose first row holds the headers; headers match case-insensitively,
    /// unknown and derived columns are ignored, blank rows skipped. Throws when the file is not a readable XLSX.
    /// </summary>
    public IReadOnlyList<Row> Read(Stream xlsx)
    {
        var byHeader = columns.Where(c => c.Field is not null).ToDictionary(c => c.Header, c => c.Field!, StringComparer.OrdinalIgnoreCase);
        var rows = new List<Row>();
        var number = 1;
        foreach (IDictionary<string, object?> raw in MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: SheetToRead(xlsx)))
        {
            number++;
            var cells = raw.Where(c => byHeader.ContainsKey(c.Key.Trim())).ToDictionary(c => byHeader[c.Key.Trim()], c => Text(c.Value));
            if (cells.Values.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add(new Row(number, cells));
        }
        return rows;
    }

    /// <summary>
    /// Every row of the sheet (by name, else the first) as cells by column letter ("A", "B", …), blank ones included:
    /// for a form whose header row comes below a title block. <see cref="RowsBelow"/> turns them into rows.
    /// </summary>
    public IReadOnlyList<IDictionary<string, object?>> ReadCells(Stream xlsx)
    {
        var sheet = SheetToRead(xlsx);
        return MiniExcel.Query(xlsx, useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>().ToList();
    }

    /// <summary>The data rows below the header row of <see cref="ReadCells"/>, blank ones skipped, each field read from its column.</summary>
    public static IReadOnlyList<Row> RowsBelow(IReadOnlyList<IDictionary<string, object?>> cells, int headerIndex, IReadOnlyDictionary<string, string> columnOfField)
    {
        var rows = new List<Row>();
        for (var i = headerIndex + 1; i < cells.Count; i++)
        {
            var row = cells[i];
            var byField = columnOfField.ToDictionary(kv => kv.Key, kv => row.TryGetValue(kv.Value, out var value) ? Text(value) : null);
            if (byField.Values.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add(new Row(i + 1, byField));
        }
        return rows;
    }

    /// <summary>A cell as text: dates as YYYY-MM-DD, numbers invariant, other text trimmed; empty is null.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()?.Trim() is { Length: > 0 } s ? s : null,
    };

    /// <summary>A date cell: a spreadsheet date or text YYYY-MM-DD (also d/M/yyyy); an error names the cell otherwise.</summary>
    public DateOnly? DateOf(Row row, string field, FieldErrors errors)
    {
        if (row[field] is not { } text) return null;
        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "d/M/yyyy", "dd-MM-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors.Add(Where(row, field), "tanggal ditulis YYYY-MM-DD / write dates as YYYY-MM-DD");
        return null;
    }

    /// <summary>A whole-number cell; an error names the cell otherwise.</summary>
    public int? NumberOf(Row row, string field, FieldErrors errors)
    {
        if (row[field] is not { } text) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
        errors.Add(Where(row, field), "harus bilangan bulat / must be a whole number");
        return null;
    }

    /// <summary>Copies a decider's field errors onto the row's cells.</summary>
    public void AddRowErrors(Row row, FieldErrors from, FieldErrors into)
    {
        foreach (var (field, reasons) in from.ToDictionary())
            foreach (var reason in reasons) into.Add(Where(row, field), reason);
    }

    /// <summary>
    /// The uploaded file's rows, or the 400 naming <c>file</c> (no upload, not a readable XLSX). With
    /// <paramref name="maxRows"/>, a sheet without rows or with more is a 400 too; without it the caller words those checks.
    /// </summary>
    public async Task<(IReadOnlyList<Row>? Rows, ValidationProblem? Problem)> ReadUploadAsync(HttpRequest request, CancellationToken ct, int? maxRows = null)
    {
        using var upload = new MemoryStream();
        if (await Uploads.ReadFileAsync(request, upload, ct) is { } uploadError) return (null, uploadError);
        IReadOnlyList<Row> rows;
        try
        {
            rows = Read(upload);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (null, new FieldErrors().Add("file", "bukan berkas XLSX yang dapat dibaca / not a readable XLSX file").ToProblem());
        }
        if (maxRows is not { } max) return (rows, null);
        if (rows.Count == 0) return (null, new FieldErrors().Add("file", "tidak ada baris data / the sheet has no rows").ToProblem());
        if (rows.Count > max) return (null, new FieldErrors().Add("file", $"paling banyak {max} baris / at most {max} rows").ToProblem());
        return (rows, null);
    }

    /// <summary>Writes rows (cells by field) as they are enumerated; an empty sheet keeps its headers: a template.</summary>
    public Task WriteAsync(IAsyncEnumerable<IReadOnlyDictionary<string, object?>> rows, Stream into, CancellationToken ct) =>
        into.SaveAsAsync(WithHeaders(rows, ct), sheetName: sheetName, cancellationToken: ct);

    private async IAsyncEnumerable<Dictionary<string, object?>> WithHeaders(
        IAsyncEnumerable<IReadOnlyDictionary<string, object?>> rows, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var any = false;
        await foreach (var row in rows.WithCancellation(ct))
        {
            any = true;
            yield return columns.ToDictionary(c => c.Header, c => c.Field is null ? null : row.GetValueOrDefault(c.Field));
        }
        if (!any) yield return columns.ToDictionary(c => c.Header, _ => (object?)null);
    }

    private string? SheetToRead(Stream xlsx)
    {
        var sheets = MiniExcel.GetSheetNames(xlsx);
        xlsx.Position = 0;
        return sheets.Contains(sheetName) ? sheetName : sheets.FirstOrDefault();
    }
}
