using MiniExcelLibs;
using SpbeOps.Risk.Api.Assets;
using SpbeOps.Risk.Api.Workbooks;
using static SpbeOps.Risk.Tests.Unit.Builders;

namespace SpbeOps.Risk.Tests.Unit;

public sealed class RiskWorkbookTests
{
    [Fact]
    public void Register_sheet_has_the_form_title_UPR_block_and_Indonesian_headers()
    {
        var ctx = Context();
        var risk = NewRisk(ctx);
        risk.Priority = 1;
        using var xlsx = new MemoryStream(RiskWorkbook.Register(ctx, [risk], new Dictionary<Guid, KnownAsset>()));
        Assert.Equal([RiskWorkbook.RegisterSheet, RiskWorkbook.ReferenceSheet], MiniExcel.GetSheetNames(xlsx));
        xlsx.Position = 0;
        var rows = MiniExcel.Query(xlsx, sheetName: RiskWorkbook.RegisterSheet).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("FORMULIR 3.0 PENILAIAN RISIKO SPBE", rows[0]["A"]);
        Assert.Equal("diskominfo", rows[2]["B"]);
        Assert.Equal(RiskWorkbook.RegisterColumns.Select(c => (object?)c.Header), rows[4].Values);
        Assert.Equal(["1", "R-001", "Negatif", "Infrastruktur SPBE", "Layanan Organisasi", "19", "Tinggi (jingga)", "Ya"],
            new[] { "A", "B", "D", "G", "I", "O", "P", "Q" }.Select(c => Convert.ToString(rows[5][c], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Parse_reads_back_what_the_export_wrote()
    {
        var ctx = Context();
        var asset = Guid.NewGuid();
        var risk = NewRisk(ctx, Assessment() with { AssetIds = [asset] });
        var known = new Dictionary<Guid, KnownAsset> { [asset] = KnownAsset.From(new("kota-uji", asset, 1, "diskominfo", "hardware", "Server SIMPEG", "pemanfaatan", null, Builders.Now)) };
        using var xlsx = new MemoryStream(RiskWorkbook.Register(ctx, [risk], known));

        var sheet = RiskWorkbook.Parse(xlsx);
        Assert.Equal(("diskominfo", 2026), (sheet.Opd, sheet.PeriodYear!.Value));
        var row = Assert.Single(sheet.Rows);
        Assert.Equal(6, row.Number);
        Assert.Equal("Infrastruktur SPBE", row.Cells["category"]);
        Assert.Equal(4, RiskWorkbook.Level(row.Cells["likelihoodLevel"]));
        Assert.Equal([asset], RiskWorkbook.Guids(row.Cells["assetIds"]));
        Assert.Equal("G", sheet.ColumnOfField["category"]);
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_or_lacks_columns_is_unreadable()
    {
        Assert.Throws<RiskWorkbook.UnreadableWorkbookException>(() => RiskWorkbook.Parse(new MemoryStream("not a zip"u8.ToArray())));
        using var wrong = new MemoryStream();
        MiniExcel.SaveAs(wrong, new[] { new Dictionary<string, object?> { ["A"] = "No", ["B"] = "Kejadian" } }, printHeader: false);
        wrong.Position = 0;
        var e = Assert.Throws<RiskWorkbook.UnreadableWorkbookException>(() => RiskWorkbook.Parse(wrong));
        Assert.Contains("Kategori Risiko", e.Message);
    }

    [Theory]
    [InlineData("4", 4)]
    [InlineData("4 - Sering Terjadi", 4)]
    [InlineData("sering", null)]
    public void Level_cells_accept_the_number_with_or_without_its_name(string cell, int? level) =>
        Assert.Equal(level, RiskWorkbook.Level(cell));
}
