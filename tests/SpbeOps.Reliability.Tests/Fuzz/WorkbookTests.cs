using System.Text;
using Microsoft.AspNetCore.Http;
using MiniExcelLibs;
using SpbeOps.ServiceDefaults;
using SpbeOps.ServiceDefaults.Problems;

namespace SpbeOps.Reliability.Tests.Fuzz;

/// <summary>The one XLSX sheet reader every import shares (SpbeOps.ServiceDefaults <see cref="Workbook"/>).</summary>
public sealed class WorkbookTests
{
    private static readonly Workbook Staff = new("Pegawai",
    [
        ("NIP", "nip"), ("Nama", "name"), ("Aktif Sejak", "activeFrom"), ("Tingkat", "proficiency"), ("Status", null),
    ]);

    private static MemoryStream Xlsx(params Dictionary<string, object?>[] rows) => XlsxOfSheets(new Dictionary<string, object> { [Staff.SheetName] = rows });

    private static MemoryStream XlsxOfSheets(Dictionary<string, object> sheets)
    {
        var xlsx = new MemoryStream();
        xlsx.SaveAs(sheets);
        xlsx.Position = 0;
        return xlsx;
    }

    private static Dictionary<string, object?> Cells(object? nip, object? name = null, object? activeFrom = null, object? proficiency = null) => new()
    {
        ["NIP"] = nip, ["Nama"] = name, ["Aktif Sejak"] = activeFrom, ["Tingkat"] = proficiency,
    };

    [Fact]
    public void Headers_match_by_name_whatever_their_case_spaces_or_order_and_other_columns_are_ignored()
    {
        using var xlsx = Xlsx(new Dictionary<string, object?> { [" nama "] = "Ani", ["Catatan"] = "x", ["STATUS"] = "aktif", ["nip"] = 1987 });

        var row = Assert.Single(Staff.Read(xlsx));

        Assert.Equal([("name", "Ani"), ("nip", "1987")], row.Cells.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value)));
        Assert.Null(row["activeFrom"]);
    }

    [Fact]
    public void The_sheet_is_read_by_its_name_else_the_first()
    {
        using var named = XlsxOfSheets(new Dictionary<string, object>
        {
            ["Petunjuk"] = new[] { new Dictionary<string, object?> { ["NIP"] = "bukan ini" } },
            [Staff.SheetName] = new[] { Cells("197001") },
        });
        Assert.Equal("197001", Assert.Single(Staff.Read(named))["nip"]);

        using var other = XlsxOfSheets(new Dictionary<string, object> { ["Sheet1"] = new[] { Cells("197002") } });
        Assert.Equal("197002", Assert.Single(Staff.Read(other))["nip"]);
    }

    [Fact]
    public void Blank_rows_are_skipped_and_every_row_keeps_its_spreadsheet_number()
    {
        using var xlsx = Xlsx(Cells("197001", "Ani"), Cells(null), Cells("  "), Cells("197004", "Budi"));

        var rows = Staff.Read(xlsx);

        Assert.Equal([(2, "197001"), (5, "197004")], rows.Select(r => (r.Number, r["nip"])));
        Assert.Equal("baris 5, kolom Aktif Sejak", Staff.Where(rows[1], "activeFrom"));
    }

    [Fact]
    public void Dates_and_whole_numbers_are_read_from_typed_cells_or_text()
    {
        using var xlsx = Xlsx(Cells("1", activeFrom: new DateTime(2026, 3, 1), proficiency: 3), Cells("2", activeFrom: "15/7/2025", proficiency: "4"));
        var errors = new FieldErrors();

        var rows = Staff.Read(xlsx);

        Assert.Equal([new DateOnly(2026, 3, 1), new DateOnly(2025, 7, 15)], rows.Select(r => Staff.DateOf(r, "activeFrom", errors)));
        Assert.Equal([3, 4], rows.Select(r => Staff.NumberOf(r, "proficiency", errors)));
        Assert.False(errors.Any);
    }

    [Fact]
    public void A_cell_of_the_wrong_type_is_a_field_error_naming_its_row_and_column_not_an_exception()
    {
        using var xlsx = Xlsx(Cells("1", activeFrom: "besok", proficiency: 2.5), Cells("2", activeFrom: "2026-02-30", proficiency: "tiga"));
        var errors = new FieldErrors();

        foreach (var row in Staff.Read(xlsx))
        {
            Assert.Null(Staff.DateOf(row, "activeFrom", errors));
            Assert.Null(Staff.NumberOf(row, "proficiency", errors));
        }

        var byCell = errors.ToDictionary();
        Assert.Equal(["baris 2, kolom Aktif Sejak", "baris 2, kolom Tingkat", "baris 3, kolom Aktif Sejak", "baris 3, kolom Tingkat"], byCell.Keys.Order());
        Assert.Equal(["tanggal ditulis YYYY-MM-DD / write dates as YYYY-MM-DD"], byCell["baris 3, kolom Aktif Sejak"]);
        Assert.Equal(["harus bilangan bulat / must be a whole number"], byCell["baris 2, kolom Tingkat"]);
    }

    [Fact]
    public void A_form_with_a_title_block_is_read_below_its_header_row_by_column()
    {
        using var xlsx = new MemoryStream();
        xlsx.SaveAs(new[]
        {
            new Dictionary<string, object?> { ["A"] = "FORMULIR", ["B"] = null },
            new Dictionary<string, object?> { ["A"] = "NIP", ["B"] = "Nama" },
            new Dictionary<string, object?> { ["A"] = "197001", ["B"] = "Ani" },
            new Dictionary<string, object?> { ["A"] = null, ["B"] = null },
            new Dictionary<string, object?> { ["A"] = "197005", ["B"] = " Budi " },
        }, printHeader: false);
        xlsx.Position = 0;

        var cells = Staff.ReadCells(xlsx);
        var rows = Workbook.RowsBelow(cells, headerIndex: 1, new Dictionary<string, string> { ["nip"] = "A", ["name"] = "B" });

        Assert.Equal([(3, "197001", "Ani"), (5, "197005", "Budi")], rows.Select(r => (r.Number, r["nip"], r["name"])));
    }

    [Fact]
    public async Task An_upload_that_is_not_a_workbook_or_has_too_many_rows_is_a_400_naming_file()
    {
        var (rows, problem) = await Staff.ReadUploadAsync(Upload(new MemoryStream(Encoding.UTF8.GetBytes("bukan excel"))), CancellationToken.None);
        Assert.Null(rows);
        Assert.Equal(["bukan berkas XLSX yang dapat dibaca / not a readable XLSX file"], problem!.ProblemDetails.Errors["file"]);

        (rows, problem) = await Staff.ReadUploadAsync(Upload(Xlsx(Cells("1"), Cells("2"))), CancellationToken.None, maxRows: 1);
        Assert.Null(rows);
        Assert.Equal(["paling banyak 1 baris / at most 1 rows"], problem!.ProblemDetails.Errors["file"]);

        (rows, problem) = await Staff.ReadUploadAsync(Upload(Xlsx(Cells(null))), CancellationToken.None, maxRows: 1);
        Assert.Equal(["tidak ada baris data / the sheet has no rows"], problem!.ProblemDetails.Errors["file"]);

        // Without a limit the caller words those checks itself: an empty sheet is no rows, not a 400.
        (rows, problem) = await Staff.ReadUploadAsync(Upload(Xlsx(Cells(null))), CancellationToken.None);
        Assert.Null(problem);
        Assert.Empty(rows!);
    }

    private static HttpRequest Upload(MemoryStream body)
    {
        var http = new DefaultHttpContext();
        http.Request.Body = body;
        http.Request.ContentLength = body.Length;
        http.Request.ContentType = Workbook.ContentType;
        return http.Request;
    }
}
