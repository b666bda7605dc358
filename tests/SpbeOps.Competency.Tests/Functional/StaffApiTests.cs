namespace SpbeOps.Competency.Tests.Functional;

/// <summary>SPBE staff over HTTP: personal data, OPD isolation, the role matrix, versions, the XLSX import.</summary>
public sealed class StaffApiTests(InfrastructureFixture infrastructure, CompetencyHost host) : CompetencyApiTest(infrastructure, host)
{
    [Fact]
    public async Task Registered_staff_reads_back_with_etag_and_history()
    {
        var client = Operator("dinkes");
        var id = await StaffAsync("dinkes");
        await client.PutAsJsonAsync($"{Staff}/{id}", StaffBody("dinkes", name: "Budi S.")).ShouldBe(HttpStatusCode.OK);
        var read = await client.GetAsync($"{Staff}/{id}").ShouldBe(HttpStatusCode.OK);
        Assert.Equal("\"2\"", read.Headers.ETag?.Tag);
        var history = await Ok(client.GetAsync($"{Staff}/{id}/history"));
        Assert.Equal("didaftarkan / registered", history[0].GetProperty("change").GetString());

        var stale = new HttpRequestMessage(HttpMethod.Put, $"{Staff}/{id}") { Content = JsonContent.Create(StaffBody("dinkes")) };
        stale.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"1\""));
        AssertRule(await Problem(client.SendAsync(stale), HttpStatusCode.PreconditionFailed), "stale-version");
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_each_field_and_a_taken_nip_is_409()
    {
        var response = await Operator("dinkes").PostAsJsonAsync(Staff, new { opd = "Dinas Kesehatan", nip = "12ab", name = "", activeFrom = "2999-01-01" })
            .ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "opd", "nip", "name", "jabatan", "activeFrom" }, await response.FieldErrors(), strict: true);
        var unreadable = await Operator("dinkes").PostAsJsonAsync(Staff, new { opd = "dinkes", activeFrom = "kemarin" }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Contains("activeFrom", string.Join(",", await unreadable.FieldErrors()));
        await Operator("dinkes").PostAsJsonAsync(Staff, new { opd = "dinkes", name = "A\u0000B" }).ShouldBe(HttpStatusCode.BadRequest);

        var nip = NewNip();
        await Created(Operator("dinkes"), Staff, StaffBody("dinkes", nip));
        AssertRule(await Problem(Admin().PostAsJsonAsync(Staff, StaffBody("dishub", nip)), HttpStatusCode.Conflict), "unique");
        await Admin().GetAsync($"{Staff}/{Guid.NewGuid()}").ShouldBe(HttpStatusCode.NotFound);
        await Admin().GetAsync($"{Staff}?pageSize=0").ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Personal_data_is_for_the_own_opd_operator_diskominfo_and_the_auditor_only()
    {
        var id = await StaffAsync("dinkes");
        await Admin().GetAsync($"{Staff}/{id}").ShouldBe(HttpStatusCode.OK);
        await Auditor().GetAsync($"{Staff}/{id}").ShouldBe(HttpStatusCode.OK);
        var other = Operator("dishub");
        await other.GetAsync($"{Staff}/{id}").ShouldBe(HttpStatusCode.NotFound);
        await other.GetAsync($"{Staff}/{id}/history").ShouldBe(HttpStatusCode.NotFound);
        await other.PutAsJsonAsync($"{Staff}/{id}", StaffBody("dishub")).ShouldBe(HttpStatusCode.NotFound);
        Assert.Equal(0, (await Ok(other.GetAsync($"{Staff}?opd=dinkes"))).GetProperty("items").GetArrayLength());
        Assert.Equal(1, (await Ok(Auditor().GetAsync(Staff))).GetProperty("items").GetArrayLength());

        foreach (var reader in new[] { SecurityOfficer(), Walidata() })
        {
            await reader.GetAsync($"{Staff}/{id}").ShouldBe(HttpStatusCode.NotFound);
            await reader.GetAsync(Staff).ShouldBe(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task The_role_matrix_holds_for_writes()
    {
        var id = await StaffAsync("dinkes");
        await Auditor().PostAsJsonAsync(Staff, StaffBody("dinkes")).ShouldBe(HttpStatusCode.Forbidden);
        await Auditor().PostAsJsonAsync($"{Staff}/{id}/withdrawal", new { reason = "uji" }).ShouldBe(HttpStatusCode.Forbidden);
        await SecurityOfficer().PostAsJsonAsync(Staff, StaffBody("dinkes")).ShouldBe(HttpStatusCode.Forbidden);
        await Operator("dishub").PostAsJsonAsync(Staff, StaffBody("dinkes")).ShouldBe(HttpStatusCode.Forbidden);
        await Created(Admin(), Staff, StaffBody("dishub"));

        await Operator("dinkes").PostAsJsonAsync($"{Staff}/{id}/withdrawal", new { reason = "pensiun" }).ShouldBe(HttpStatusCode.OK);
        AssertRule(await Problem(Operator("dinkes").PutAsJsonAsync($"{Staff}/{id}", StaffBody("dinkes")), HttpStatusCode.Conflict), "withdrawn-is-final");
    }

    [Fact]
    public async Task The_bkpsdmd_sheet_imports_all_rows_or_none_with_errors_by_row_and_column()
    {
        var (nip1, nip2) = (NewNip(), NewNip());
        var sheet = new[]
        {
            Row("dinkes", nip1, "Siti Aminah"), Row("dishub", nip2, "Andi Wijaya"),
        };
        var imported = await Ok(Admin().PostAsync($"{Staff}/import", Upload(sheet)));
        Assert.Equal(2, imported.GetProperty("created").GetInt32());

        var bad = new[] { Row("dinkes", nip1, "Lagi"), Row("dinkes", "123", "Pendek"), Row("dinkes", NewNip(), "Baru") };
        var refused = await Admin().PostAsync($"{Staff}/import", Upload(bad)).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "baris 2, kolom NIP", "baris 3, kolom NIP" }, await refused.FieldErrors(), strict: true);
        Assert.Equal(2, (await Ok(Admin().GetAsync(Staff))).GetProperty("total").GetInt32());

        await Operator("dishub").PostAsync($"{Staff}/import", Upload([Row("dinkes", NewNip(), "Lain")])).ShouldBe(HttpStatusCode.BadRequest);
        await Auditor().PostAsync($"{Staff}/import", Upload(sheet)).ShouldBe(HttpStatusCode.Forbidden);
        var notXlsx = await Admin().PostAsync($"{Staff}/import", new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "x.xlsx" } })
            .ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["file"], await notXlsx.FieldErrors());
    }

    private static Dictionary<string, object?> Row(string opd, string nip, string name) => new()
    {
        ["Perangkat Daerah"] = opd, ["NIP"] = nip, ["Nama"] = name, ["Jabatan"] = "Pranata Komputer", ["Unit Kerja"] = "TI", ["Aktif Sejak"] = "2020-01-02",
    };

    internal static MultipartFormDataContent Upload(IEnumerable<Dictionary<string, object?>> rows, string sheet = "Pegawai SPBE")
    {
        var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows, sheetName: sheet);
        return new MultipartFormDataContent { { new ByteArrayContent(stream.ToArray()), "file", "pegawai.xlsx" } };
    }
}
