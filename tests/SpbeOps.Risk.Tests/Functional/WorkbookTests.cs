using System.Net.Http.Headers;
using MiniExcelLibs;

namespace SpbeOps.Risk.Tests.Functional;

public sealed class WorkbookTests(InfrastructureFixture infrastructure, RiskHost host) : RiskApiTestBase(infrastructure, host)
{
    private async Task<byte[]> Export(HttpClient client, string url)
    {
        var response = await client.GetAsync(url).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static Task<HttpResponseMessage> Import(HttpClient client, byte[] xlsx, string query = "")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(xlsx);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "register.xlsx");
        return client.PostAsync($"/api/risks/import{query}", form);
    }

    private static List<IDictionary<string, object?>> Rows(byte[] xlsx, string? sheet = null) =>
        MiniExcel.Query(new MemoryStream(xlsx), sheetName: sheet).Cast<IDictionary<string, object?>>().ToList();

    /// <summary>Rewrites one cell of the register sheet (row and column as Excel numbers them).</summary>
    private static byte[] WithCell(byte[] xlsx, int row, string column, object? value)
    {
        var rows = Rows(xlsx, "Formulir 3.0");
        rows[row - 1][column] = value;
        var ms = new MemoryStream();
        MiniExcel.SaveAs(ms, new Dictionary<string, object> { ["Formulir 3.0"] = rows }, printHeader: false);
        return ms.ToArray();
    }

    [Fact]
    public async Task Register_round_trips_export_then_import()
    {
        await Context("diskominfo");
        await NewRisk("diskominfo", 5, 5, category: "keamanan-spbe");
        await NewRisk("diskominfo", 2, 3, category: "data-dan-informasi");
        var op = Operator("diskominfo");
        var xlsx = await Export(op, "/api/risks/export/register?opd=diskominfo&periodYear=2026");
        var rows = Rows(xlsx, "Formulir 3.0");
        Assert.Equal("FORMULIR 3.0 PENILAIAN RISIKO SPBE", rows[0]["A"]);
        Assert.Equal("Kategori Risiko", rows[4]["G"]);
        Assert.Equal("Keamanan SPBE", rows[5]["G"]); // priority 1 first

        // Importing what was exported changes nothing.
        var same = await Ok(Import(op, xlsx));
        Assert.Equal((0, 0, 2), (same.GetProperty("created").GetInt32(), same.GetProperty("updated").GetInt32(), same.GetProperty("unchanged").GetInt32()));

        // An edited cell is a revision of that risk.
        var edited = await Ok(Import(op, WithCell(xlsx, 6, "K", 3)));
        Assert.Equal(1, edited.GetProperty("updated").GetInt32());
        var list = await Ok(op.GetAsync("/api/risks?category=keamanan-spbe"));
        Assert.Equal((22, 2L), (list.GetProperty("items")[0].GetProperty("besaran").GetInt32(), list.GetProperty("items")[0].GetProperty("version").GetInt64()));

        // The sheet carries the version each risk was exported at: the old file would now overwrite that revision.
        var stale = await (await Import(op, WithCell(xlsx, 6, "K", 4))).FieldErrors();
        Assert.Equal(["row 6, column U (Versi)"], stale);

        // The same file carried into next year's register creates its risks there.
        await Context("diskominfo", 2027);
        var carried = await Ok(Import(op, xlsx, "?periodYear=2027"));
        Assert.Equal(2, carried.GetProperty("created").GetInt32());
        var next = await Ok(op.GetAsync("/api/risks?periodYear=2027"));
        Assert.Equal(["R-001", "R-002"], next.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("code").GetString()).Order());
        Assert.All(next.GetProperty("items").EnumerateArray(), r => Assert.True(r.GetProperty("assessmentComplete").GetBoolean()));
    }

    [Fact]
    public async Task Bad_rows_are_named_by_row_and_column_and_nothing_is_imported()
    {
        await Context("diskominfo");
        await NewRisk("diskominfo");
        var op = Operator("diskominfo");
        var xlsx = await Export(op, "/api/risks/export/register?opd=diskominfo&periodYear=2026");
        var bad = WithCell(WithCell(xlsx, 6, "G", "Cuaca Ekstrem"), 6, "M", "sangat");
        var rows = Rows(bad, "Formulir 3.0");
        rows.Add(new Dictionary<string, object?>(rows[5]) { ["B"] = null, ["D"] = "Netral", ["E"] = "Risiko baru yang valid kecuali jenisnya" });
        var ms = new MemoryStream();
        MiniExcel.SaveAs(ms, new Dictionary<string, object> { ["Formulir 3.0"] = rows }, printHeader: false);

        var response = await Import(op, ms.ToArray()).ShouldBe(HttpStatusCode.BadRequest);
        var fields = await response.FieldErrors();
        Assert.Contains("row 6, column G (Kategori Risiko)", fields);
        Assert.Contains("row 6, column M (Level Dampak)", fields);
        Assert.Contains("row 7, column D (Jenis Risiko)", fields);
        var list = await Ok(op.GetAsync("/api/risks"));
        Assert.Equal((1L, 1L), (list.GetProperty("total").GetInt64(), list.GetProperty("items")[0].GetProperty("version").GetInt64()));
    }

    [Fact]
    public async Task Import_refuses_what_is_not_a_register_and_callers_who_may_not_write()
    {
        await Context("diskominfo");
        var op = Operator("diskominfo");
        Assert.Equal(["file"], await (await Import(op, "bukan xlsx"u8.ToArray()).ShouldBe(HttpStatusCode.BadRequest)).FieldErrors());
        var xlsx = await Export(op, "/api/risks/export/register?opd=diskominfo&periodYear=2026");
        Assert.Equal(["file"], await (await Import(op, xlsx).ShouldBe(HttpStatusCode.BadRequest)).FieldErrors()); // no risk rows
        await NewRisk("diskominfo");
        xlsx = await Export(op, "/api/risks/export/register?opd=diskominfo&periodYear=2026");
        await Import(Auditor(), xlsx).ShouldBe(HttpStatusCode.Forbidden);
        await Import(Operator("dinkes"), xlsx).ShouldBe(HttpStatusCode.Forbidden);
        AssertRule(await Problem(Import(op, xlsx, "?periodYear=2030"), HttpStatusCode.UnprocessableEntity), "context-required");
    }

    [Fact]
    public async Task Treatment_plan_and_monitoring_report_export_in_the_forms_layout()
    {
        await Context("diskominfo");
        var risk = await NewRisk("diskominfo");
        var op = Operator("diskominfo");
        await Created(op, $"/api/risks/{Id(risk)}/treatments", RiskRequests.Treatment());
        var plan = Rows(await Export(op, "/api/risks/export/treatments?opd=diskominfo&periodYear=2026"));
        Assert.Equal("FORMULIR 4.0 RENCANA PENANGANAN RISIKO SPBE", plan[0]["A"]);
        Assert.Equal("Opsi Penanganan", plan[4]["G"]);
        Assert.Equal("Mitigasi", plan[5]["G"]);

        var report = await Created(op, "/api/risks/monitoring", RiskRequests.Monitoring("diskominfo", Id(risk), kind: "tahunan", reportedOn: "2026-05-01"));
        var monitoring = Rows(await Export(Auditor(), $"/api/risks/export/monitoring/{Id(report)}"));
        Assert.Equal("FORMULIR 5.0 LAPORAN PEMANTAUAN RISIKO SPBE TAHUNAN", monitoring[0]["A"]);
        Assert.Equal("Rekomendasi", monitoring[5]["O"]);
        Assert.Equal("Lanjutkan", monitoring[6]["O"]);

        await Operator("dinkes").GetAsync($"/api/risks/export/monitoring/{Id(report)}").ShouldBe(HttpStatusCode.NotFound);
        await op.GetAsync("/api/risks/export/register?opd=diskominfo&periodYear=2030").ShouldBe(HttpStatusCode.NotFound);
        Assert.Equal(["periodYear"], await (await op.GetAsync("/api/risks/export/register").ShouldBe(HttpStatusCode.BadRequest)).FieldErrors());
    }
}
