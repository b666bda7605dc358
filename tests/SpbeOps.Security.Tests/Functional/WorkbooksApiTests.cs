using MiniExcelLibs;
using SpbeOps.Security.Api.Workbooks;

namespace SpbeOps.Security.Tests.Functional;

/// <summary>The XLSX exports (incident register, implementation matrix) and the implementation import.</summary>
public sealed class WorkbooksApiTests(InfrastructureFixture infrastructure, SecurityHost host) : SecurityApiTest(infrastructure, host)
{
    private static MultipartFormDataContent Upload(IEnumerable<Dictionary<string, object?>> rows)
    {
        var xlsx = new MemoryStream();
        xlsx.SaveAs(rows.ToList(), sheetName: SecurityWorkbook.ImplementationSheet);
        var content = new ByteArrayContent(xlsx.ToArray());
        content.Headers.ContentType = new(SecurityWorkbook.ContentType);
        return new MultipartFormDataContent { { content, "file", "penerapan.xlsx" } };
    }

    private static Dictionary<string, object?> Row(string opd, string code, string status, string? risks = null, object? version = null) => new()
    {
        ["Perangkat Daerah"] = opd, ["Kode Kendali"] = code, ["Status"] = status, ["Risiko SPBE (ID)"] = risks, ["Pemilik"] = "Kabid", ["Versi"] = version,
    };

    [Fact]
    public async Task Implementations_import_all_or_none_and_round_trip_through_the_export()
    {
        await Control();
        var risk = await LearnRisk("dinkes");
        var officer = Officer();
        var result = await Ok(officer.PostAsync("/api/security/import/implementations",
            Upload([Row("dinkes", "APL-01", "penuh", risk.ToString()), Row("dishub", "apl-02", "sebagian")])));
        Assert.Equal(2, result.GetProperty("created").GetInt32());

        // One bad cell refuses the file, naming its row and column; nothing is written.
        var refused = await officer.PostAsync("/api/security/import/implementations",
            Upload([Row("dinkes", "APL-01", "belum"), Row("dinkes", "APL-03", "selesai"), Row("dinkes", "NOPE-9", "penuh"), Row("dinkes", "APL-04", "penuh", Guid.NewGuid().ToString())]))
            .ShouldBe(HttpStatusCode.BadRequest);
        var fields = await refused.FieldErrors();
        Assert.Contains("baris 3, kolom Status", fields);
        Assert.Contains("baris 4, kolom Kode Kendali", fields);
        Assert.Contains("baris 5, kolom Risiko SPBE (ID)", fields);
        Assert.Equal(2, (await Ok(officer.GetAsync("/api/security/implementations"))).GetProperty("total").GetInt64());

        // The export's list sheet is the import layout: re-importing it changes nothing; a stale Versi is refused.
        var export = await officer.GetAsync("/api/security/export/implementations").ShouldBe(HttpStatusCode.OK);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        Assert.Contains(SecurityWorkbook.MatrixSheet, MiniExcel.GetSheetNames(new MemoryStream(bytes)));
        var rows = SecurityWorkbook.ReadImplementations(new MemoryStream(bytes));
        Assert.Equal(["dinkes", "dishub"], rows.Select(r => r["opd"]));
        var again = await Ok(officer.PostAsync("/api/security/import/implementations", Upload([Row("dinkes", "APL-01", "penuh", risk.ToString(), 1)])));
        Assert.Equal(1, again.GetProperty("unchanged").GetInt32());
        var stale = await officer.PostAsync("/api/security/import/implementations", Upload([Row("dinkes", "APL-01", "sebagian", null, 7)])).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["baris 2, kolom Versi"], await stale.FieldErrors());
    }

    [Fact]
    public async Task An_operator_imports_and_exports_only_its_own_opd_and_an_auditor_never_imports()
    {
        await Control();
        var dinkes = Operator("dinkes");
        var refused = await dinkes.PostAsync("/api/security/import/implementations", Upload([Row("dinkes", "APL-01", "penuh"), Row("dishub", "APL-01", "penuh")]))
            .ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["baris 3, kolom Perangkat Daerah"], await refused.FieldErrors());
        await Ok(dinkes.PostAsync("/api/security/import/implementations", Upload([Row("dinkes", "APL-01", "penuh")])));
        await Created(Officer(), "/api/security/implementations", new { opd = "dishub", controlCode = "APL-01", status = "belum" });
        var rows = SecurityWorkbook.ReadImplementations(new MemoryStream(await (await dinkes.GetAsync("/api/security/export/implementations?opd=dishub")
            .ShouldBe(HttpStatusCode.OK)).Content.ReadAsByteArrayAsync()));
        Assert.Equal("dinkes", Assert.Single(rows)["opd"]);

        await Auditor().PostAsync("/api/security/import/implementations", Upload([Row("dinkes", "APL-01", "penuh")])).ShouldBe(HttpStatusCode.Forbidden);
        var notXlsx = await Officer().PostAsync("/api/security/import/implementations", new StringContent("bukan excel")).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["file"], await notXlsx.FieldErrors());
        await Walidata().GetAsync("/api/security/export/implementations").ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_incident_register_exports_what_the_caller_may_see()
    {
        object Body(string opd) => new { opd, title = $"Insiden {opd}", category = "phishing", severity = "rendah", detectedAt = DateTimeOffset.UtcNow.AddHours(-1) };
        await Created(Officer(), "/api/security/incidents", Body("dinkes"));
        await Created(Officer(), "/api/security/incidents", Body("dishub"));

        async Task<List<IDictionary<string, object?>>> Export(HttpClient client, string query = "")
        {
            var response = await client.GetAsync($"/api/security/export/incidents{query}").ShouldBe(HttpStatusCode.OK);
            Assert.Equal(SecurityWorkbook.ContentType, response.Content.Headers.ContentType?.MediaType);
            return [.. MiniExcel.Query(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), useHeaderRow: true).Cast<IDictionary<string, object?>>()];
        }
        Assert.Equal(2, (await Export(Auditor())).Count);
        Assert.Equal("dinkes", Assert.Single(await Export(Operator("dinkes"), "?opd=dishub"))["Perangkat Daerah"]);
        var bad = await Auditor().GetAsync("/api/security/export/incidents?opd=X&from=2026-05-01&to=2026-01-01").ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "opd", "to" }, await bad.FieldErrors(), strict: true);
    }
}
