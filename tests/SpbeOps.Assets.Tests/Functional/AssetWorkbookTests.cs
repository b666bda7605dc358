using System.Net.Http.Headers;
using MiniExcelLibs;
using SpbeOps.Assets.Api.Assets;

namespace SpbeOps.Assets.Tests.Functional;

public sealed class AssetWorkbookTests(InfrastructureFixture infrastructure) : AssetsApiTest(infrastructure)
{
    private static ByteArrayContent Xlsx(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: AssetWorkbook.SheetName);
        var content = new ByteArrayContent(stream.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return content;
    }

    private static Dictionary<string, object?> Row(params (string Header, object? Value)[] cells) =>
        AssetWorkbook.Columns.ToDictionary(c => c.Header, c => cells.FirstOrDefault(x => x.Header == c.Header).Value);

    private async Task<long> Total(HttpClient client) => (await (await client.GetAsync("/api/assets")).ReadJson()).GetProperty("total").GetInt64();

    [Fact]
    public async Task Exported_register_comes_back_as_an_import_that_creates_updates_and_leaves_alone()
    {
        var client = Operator("dinkes");
        await Register(client, AssetRequests.Laptop("dinkes"));
        await Register(client, AssetRequests.Application("dinkes", "SIMPUS"));

        var export = await client.GetAsync("/api/assets/export").ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        using var sheet = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        var rows = sheet.Query(useHeaderRow: true, sheetName: AssetWorkbook.SheetName)
            .Cast<IDictionary<string, object?>>().Select(r => r.ToDictionary(c => c.Key, c => c.Value)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => (string?)r["Nama"] == "SIMPUS" && (string?)r["Jenis Aplikasi"] == "aplikasi-khusus");

        var simpus = rows.Single(r => (string?)r["Nama"] == "SIMPUS");
        simpus["Lokasi"] = "Ruang server Dinkes";
        var added = Row(("Perangkat Daerah", "dinkes"), ("Jenis Aset", "software"), ("Nama", "Lisensi antivirus"), ("Jumlah Lisensi", 50),
            ("Lisensi Berakhir", "2027-06-30"), ("Tahap Siklus Hidup", "pemanfaatan"));

        var result = await (await client.PostAsync("/api/assets/import", Xlsx([.. rows, added])).ShouldBe(HttpStatusCode.OK)).ReadJson();
        Assert.Equal((1, 1, 1), (result.GetProperty("created").GetInt32(), result.GetProperty("updated").GetInt32(), result.GetProperty("unchanged").GetInt32()));
        Assert.Equal(3, await Total(client));
        var list = await (await client.GetAsync("/api/assets?q=antivirus")).ReadJson();
        Assert.Equal(50, list.GetProperty("items")[0].GetProperty("licenceSeats").GetInt32());
    }

    [Fact]
    public async Task A_file_with_bad_cells_is_refused_whole_naming_each_row_and_column()
    {
        var client = Operator("dinkes");
        var response = await client.PostAsync("/api/assets/import", Xlsx(
        [
            Row(("Perangkat Daerah", "dinkes"), ("Jenis Aset", "hardware"), ("Nama", "PC baik")),
            Row(("Perangkat Daerah", "dinkes"), ("Jenis Aset", "komputer"), ("Nama", "PC salah jenis")),
            Row(("Perangkat Daerah", "dinkes"), ("Jenis Aset", "hardware"), ("Nama", "PC"), ("Sejak Tanggal", "kemarin")),
            Row(("Perangkat Daerah", "dishub"), ("Jenis Aset", "hardware"), ("Nama", "PC OPD lain")),
        ])).ShouldBe(HttpStatusCode.BadRequest);

        Assert.Equivalent(new[] { "baris 3, kolom Jenis Aset", "baris 4, kolom Sejak Tanggal", "baris 5, kolom Perangkat Daerah" },
            await response.FieldErrors(), strict: true);
        Assert.Equal(0, await Total(client)); // not even the good first row
    }

    [Fact]
    public async Task Something_that_is_not_a_spreadsheet_is_a_400()
    {
        var response = await Operator("dinkes").PostAsync("/api/assets/import", new StringContent("no,xlsx,here")).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["file"], await response.FieldErrors());
        await Auditor().GetAsync("/api/assets/export").ShouldBe(HttpStatusCode.OK);
        await Anonymous().GetAsync("/api/assets/export").ShouldBe(HttpStatusCode.Unauthorized);
    }
}
