using System.Globalization;
using MiniExcelLibs;

namespace SpbeOps.Competency.Api.Workbooks;

/// <summary>
/// One sheet of the BKPSDMD's spreadsheets: Indonesian headers mapped to request fields, read for an all-or-nothing
/// import (errors by row and column) and written row by row for an export (the Data service's workbook shape).
/// </summary>
public sealed class Workbook(string sheetName, IReadOnlyList<(string Header, string Field)> columns)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const int MaxRows = 5_000;

    public string SheetName => sheetName;

    public IReadOnlyList<(string Header, string Field)> Columns => columns;

    /// <summary>One sheet row, as cells by field name; <see cref="Number"/> is the spreadsheet row (header = 1).</summary>
    public sealed record Row(int Number, IReadOnlyDictionary<string, string?> Cells)
    {
        public string? this[string field] => Cells.GetValueOrDefault(field) is { Length: > 0 } s ? s : null;
    }

    public string HeaderOf(string field) => columns.FirstOrDefault(c => c.Field == field).Header ?? field;

    /// <summary>Where a field of a row is, as an error key: "baris 3, kolom NIP".</summary>
    public string Where(Row row, string field) => $"baris {row.Number}, kolom {HeaderOf(field)}";

    /// <summary>Reads the sheet (by name, else the first); unknown columns are ignored, blank rows skipped.</summary>
    public IReadOnlyList<Row> Read(Stream xlsx)
    {
        var sheets = MiniExcel.GetSheetNames(xlsx);
        var sheet = sheets.Contains(sheetName) ? sheetName : sheets.FirstOrDefault();
        var byHeader = columns.ToDictionary(c => c.Header, c => c.Field, StringComparer.OrdinalIgnoreCase);
        var rows = new List<Row>();
        var number = 1;
        foreach (IDictionary<string, object?> raw in MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: sheet))
        {
            number++;
            var cells = raw.Where(c => byHeader.ContainsKey(c.Key.Trim())).ToDictionary(c => byHeader[c.Key.Trim()], c => Text(c.Value));
            if (cells.Values.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add(new Row(number, cells));
        }
        return rows;
    }

    /// <summary>Writes rows as they are enumerated (an empty sheet keeps its headers: a template).</summary>
    public Task WriteAsync(IAsyncEnumerable<IReadOnlyDictionary<string, object?>> rows, Stream into, CancellationToken ct) =>
        into.SaveAsAsync(WithHeaders(rows, ct), sheetName: sheetName, cancellationToken: ct);

    private async IAsyncEnumerable<Dictionary<string, object?>> WithHeaders(
        IAsyncEnumerable<IReadOnlyDictionary<string, object?>> rows, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var any = false;
        await foreach (var row in rows.WithCancellation(ct))
        {
            any = true;
            yield return columns.ToDictionary(c => c.Header, c => row.GetValueOrDefault(c.Field));
        }
        if (!any) yield return columns.ToDictionary(c => c.Header, _ => (object?)null);
    }

    /// <summary>A date cell: a spreadsheet date or text YYYY-MM-DD (also d/M/yyyy); an error names the cell otherwise.</summary>
    public DateOnly? DateOf(Row row, string field, FieldErrors errors)
    {
        if (row[field] is not { } text) return null;
        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "d/M/yyyy", "dd-MM-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors.Add(Where(row, field), "tanggal ditulis YYYY-MM-DD / write dates as YYYY-MM-DD");
        return null;
    }

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

    /// <summary>The uploaded file's rows, or the 400 naming <c>file</c>.</summary>
    public async Task<(IReadOnlyList<Row>? Rows, ValidationProblem? Problem)> ReadUploadAsync(HttpRequest request, CancellationToken ct)
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
        if (rows.Count == 0) return (null, new FieldErrors().Add("file", "tidak ada baris data / the sheet has no rows").ToProblem());
        if (rows.Count > MaxRows) return (null, new FieldErrors().Add("file", $"paling banyak {MaxRows} baris / at most {MaxRows} rows").ToProblem());
        return (rows, null);
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()?.Trim() is { Length: > 0 } s ? s : null,
    };
}

/// <summary>What an import did: how many rows it created (all rows or none).</summary>
public sealed record ImportResult(int Created, IReadOnlyList<Guid> Ids);
