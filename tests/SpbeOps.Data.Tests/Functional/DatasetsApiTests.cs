namespace SpbeOps.Data.Tests.Functional;

/// <summary>The catalogue over HTTP on the real PostgreSQL and RabbitMQ: the flow, the roles, bad input and rules.</summary>
public sealed class DatasetsApiTests(InfrastructureFixture infrastructure, DataHost host) : DataApiTest(infrastructure, host)
{
    [Fact]
    public async Task A_dataset_goes_from_draft_to_published_and_its_history_tells_each_step()
    {
        var published = await PublishedAsync("dinkes");
        var id = Id(published);
        Assert.Equal("dipublikasikan", published.GetProperty("status").GetString());
        Assert.True(published.GetProperty("public").GetBoolean());
        Assert.Equal("jumlah-puskesmas-per-kecamatan", published.GetProperty("name").GetString());

        var history = await Ok(Auditor().GetAsync($"{Datasets}/{id}/history"));
        Assert.Equal(
            ["draf dibuat / drafted", "diajukan ke walidata / submitted to the walidata", "diverifikasi walidata / verified by the walidata", "dipublikasikan / published"],
            history.EnumerateArray().Select(e => e.GetProperty("change").GetString()));
        Assert.Equal(4, history.EnumerateArray().Last().GetProperty("version").GetInt64());

        var release = await Ok(Operator("dinkes").PostAsJsonAsync($"{Datasets}/{id}/releases", new { period = "2025", releasedOn = Today }));
        Assert.Equal("2025", release.GetProperty("releases")[0].GetProperty("period").GetString());
        var quality = await Ok(Auditor().GetAsync($"{Datasets}/{id}/quality"));
        Assert.True(quality.GetProperty("releasesOnTime").GetBoolean());
        Assert.InRange(quality.GetProperty("score").GetInt32(), 80, 100);
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_each_field()
    {
        var response = await Operator("dinkes").PostAsJsonAsync(Datasets, new
        {
            opd = "Dinas Kesehatan", title = "", topic = "astronomi", name = "Nama Salah",
            metadata = new { accessLevel = "rahasia", contactEmail = "bukan-surel" },
            distributions = new[] { new { name = "x", url = "bukan-url", format = "EXE" } },
        }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[]
        {
            "opd", "title", "topic", "name", "metadata.accessLevel", "metadata.contactEmail", "distributions[0].url", "distributions[0].format",
        }, await response.FieldErrors(), strict: true);

        var list = await Admin().GetAsync($"{Datasets}?status=hilang&accessLevel=x&pageSize=0&opd=Bukan%20Kode").ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "status", "accessLevel", "pageSize", "opd" }, await list.FieldErrors(), strict: true);
        var nul = await Operator("dinkes").PostAsJsonAsync(Datasets, new { opd = "dinkes", title = "a\u0000b", topic = "kesehatan", metadata = new { accessLevel = "terbuka" } })
            .ShouldBe(HttpStatusCode.BadRequest);
        Assert.Contains("title", await nul.FieldErrors());
        var unreadable = await Admin().PostAsync(Datasets, new StringContent("{\"opd\": 5", System.Text.Encoding.UTF8, "application/json")).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", unreadable.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_ids_are_404_and_rules_are_409_or_422()
    {
        await Admin().GetAsync($"{Datasets}/{Guid.NewGuid()}").ShouldBe(HttpStatusCode.NotFound);
        await Admin().PostAsJsonAsync($"{Datasets}/{Guid.NewGuid()}/submission", new { }).ShouldBe(HttpStatusCode.NotFound);

        var unknownReference = await Problem(Operator("dinkes").PostAsJsonAsync(Datasets, Body("dinkes", references: [Guid.NewGuid()])), HttpStatusCode.UnprocessableEntity);
        AssertRule(unknownReference, "unknown-reference", "references");

        var produsen = Operator("dinkes");
        var id = Id(await Created(produsen, Datasets, Body("dinkes", "Data Satu")));
        AssertRule(await Problem(produsen.PostAsJsonAsync(Datasets, Body("dinkes", "Data Dua", name: "data-satu")), HttpStatusCode.Conflict), "unique");
        AssertRule(await Problem(Walidata().PostAsync($"{Datasets}/{id}/publication", null), HttpStatusCode.Conflict), "flow-order", "status");
        await produsen.PostAsync($"{Datasets}/{id}/submission", null).ShouldBe(HttpStatusCode.OK);
        AssertRule(await Problem(produsen.PutAsJsonAsync($"{Datasets}/{id}", Body("dinkes", "Data Satu")), HttpStatusCode.Conflict), "not-editable", "status");
        AssertRule(await Problem(Walidata().PostAsJsonAsync($"{Datasets}/{id}/verification",
            new { standarData = true, metadata = true, interoperabilitas = false, kodeReferensi = true }), HttpStatusCode.UnprocessableEntity), "sdi-principles-unmet");

        var empty = Id(await Created(produsen, Datasets, new { opd = "dinkes", title = "Kosong", topic = "kesehatan", metadata = new { accessLevel = "terbuka" } }));
        AssertRule(await Problem(produsen.PostAsJsonAsync($"{Datasets}/{empty}/submission", new { }), HttpStatusCode.UnprocessableEntity), "incomplete-for-submission", "standarData");
        await produsen.PostAsJsonAsync($"{Datasets}/{empty}/archive", new { reason = "salah input" }).ShouldBe(HttpStatusCode.OK);
        AssertRule(await Problem(produsen.PostAsJsonAsync($"{Datasets}/{empty}/archive", new { reason = "lagi" }), HttpStatusCode.Conflict), "archived-is-final");
    }

    [Fact]
    public async Task A_stale_if_match_is_412_and_every_record_answers_its_etag()
    {
        var produsen = Operator("dinkes");
        var id = Id(await Created(produsen, Datasets, Body("dinkes")));
        var read = await produsen.GetAsync($"{Datasets}/{id}").ShouldBe(HttpStatusCode.OK);
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);

        await produsen.PutAsJsonAsync($"{Datasets}/{id}", Body("dinkes", "Judul Baru")).ShouldBe(HttpStatusCode.OK);
        var stale = new HttpRequestMessage(HttpMethod.Put, $"{Datasets}/{id}") { Content = JsonContent.Create(Body("dinkes", "Judul Lain")) };
        stale.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"1\""));
        AssertRule(await Problem(produsen.SendAsync(stale), HttpStatusCode.PreconditionFailed), "stale-version");
    }

    [Fact]
    public async Task The_role_matrix_holds()
    {
        var id = await SubmittedAsync("dinkes");
        // The produsen may not verify its own data; the auditor and the security officer never write.
        await Operator("dinkes").PostAsJsonAsync($"{Datasets}/{id}/verification", AllMet).ShouldBe(HttpStatusCode.Forbidden);
        await Auditor().PostAsJsonAsync($"{Datasets}/{id}/verification", AllMet).ShouldBe(HttpStatusCode.Forbidden);
        await Auditor().PostAsJsonAsync(Datasets, Body("dinkes")).ShouldBe(HttpStatusCode.Forbidden);
        await Auditor().PostAsJsonAsync(Datasets, Body("dinkes", references: [Guid.NewGuid()])).ShouldBe(HttpStatusCode.Forbidden);
        await SecurityOfficer().PostAsJsonAsync(Datasets, Body("dinkes")).ShouldBe(HttpStatusCode.Forbidden);
        await Operator("dinkes").PostAsJsonAsync(Datasets, Body("dishub")).ShouldBe(HttpStatusCode.Forbidden);

        // The walidata returns it with reasons; the produsen fixes and resubmits; Diskominfo may do the walidata's steps too.
        var returned = await Ok(Walidata().PostAsJsonAsync($"{Datasets}/{id}/return", new { reasons = new[] { "satuan tidak baku" } }));
        Assert.Equal("dikembalikan", returned.GetProperty("status").GetString());
        await Operator("dinkes").PutAsJsonAsync($"{Datasets}/{id}", Body("dinkes", "Data Perbaikan")).ShouldBe(HttpStatusCode.OK);
        await Operator("dinkes").PostAsJsonAsync($"{Datasets}/{id}/submission", new { }).ShouldBe(HttpStatusCode.OK);
        await Admin().PostAsJsonAsync($"{Datasets}/{id}/verification", AllMet).ShouldBe(HttpStatusCode.OK);

        // The walidata drafts for any OPD (a specialist writer).
        await Walidata().PostAsJsonAsync(Datasets, Body("dishub", "Data Lalu Lintas")).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_operator_sees_only_its_own_opd_and_a_security_officer_only_the_published()
    {
        var published = Id(await PublishedAsync("dinkes", "Data Terbit"));
        var draft = Id(await Created(Operator("dinkes"), Datasets, Body("dinkes", "Data Draf")));

        var other = Operator("dishub");
        await other.GetAsync($"{Datasets}/{draft}").ShouldBe(HttpStatusCode.NotFound);
        await other.GetAsync($"{Datasets}/{draft}/history").ShouldBe(HttpStatusCode.NotFound);
        await other.PutAsJsonAsync($"{Datasets}/{draft}", Body("dishub")).ShouldBe(HttpStatusCode.NotFound);
        Assert.Equal(0, (await Ok(other.GetAsync($"{Datasets}?opd=dinkes"))).GetProperty("total").GetInt64());

        var officer = SecurityOfficer();
        await officer.GetAsync($"{Datasets}/{draft}").ShouldBe(HttpStatusCode.NotFound);
        await officer.GetAsync($"{Datasets}/{published}").ShouldBe(HttpStatusCode.OK);
        var seen = await Ok(officer.GetAsync(Datasets));
        Assert.Equal([published], seen.GetProperty("items").EnumerateArray().Select(Id));

        var all = await Ok(Auditor().GetAsync($"{Datasets}?opd=dinkes&q=data"));
        Assert.Equal(2, all.GetProperty("total").GetInt64());
        var drafts = await Ok(Admin().GetAsync($"{Datasets}?status=draft"));
        Assert.Equal([draft], drafts.GetProperty("items").EnumerateArray().Select(Id));
    }

    [Fact]
    public async Task The_catalogue_exports_and_imports_as_xlsx_all_rows_or_none()
    {
        await PublishedAsync("dinkes", "Data Terbit");
        var export = await Walidata().GetAsync($"{Datasets}/export").ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("Data Terbit", rows.Single()["Judul Data"]);
        Assert.Equal("dipublikasikan", rows.Single()["Status"]);

        // A new row drafts a dataset; a bad row refuses the whole file with its row and column.
        var sheet = new[]
        {
            new Dictionary<string, object?> { ["Produsen Data (Perangkat Daerah)"] = "dishub", ["Judul Data"] = "Jumlah Angkutan Umum", ["Topik"] = "infrastruktur", ["Tingkat Akses"] = "terbuka", ["Konsep"] = "Angkutan" },
        };
        var created = await Ok(Walidata().PostAsync($"{Datasets}/import", Upload(sheet)));
        Assert.Equal(1, created.GetProperty("created").GetInt32());

        var bad = new[] { new Dictionary<string, object?> { ["Produsen Data (Perangkat Daerah)"] = "dishub", ["Judul Data"] = "X", ["Topik"] = "astronomi", ["Tingkat Akses"] = "terbuka" } };
        var refused = await Walidata().PostAsync($"{Datasets}/import", Upload(bad)).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["baris 2, kolom Topik"], await refused.FieldErrors());
        await Auditor().PostAsync($"{Datasets}/import", Upload(sheet)).ShouldBe(HttpStatusCode.Forbidden);
        var notXlsx = await Walidata().PostAsync($"{Datasets}/import", new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "x.xlsx" } })
            .ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["file"], await notXlsx.FieldErrors());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_routes()
    {
        var document = await (await Anonymous().GetAsync("/openapi/v1.json").ShouldBe(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        foreach (var route in new[] { "/api/data/datasets", "/api/data/references", "/api/data/priorities", "/api/data/ckan/{instansi}/api/3/action/{action}", "/api/data/catalog.jsonld" })
            Assert.Contains($"\"{route}\"", document);
    }

    [Fact]
    public async Task Submission_and_publication_stay_on_the_dataset_and_only_the_walidata_archives_it_then()
    {
        var published = await PublishedAsync("dinkes");
        Assert.Equal("mohon diperiksa", published.GetProperty("submission").GetProperty("note").GetString());
        Assert.Equal("walidata", published.GetProperty("publication").GetProperty("by").GetString());
        await Operator("dinkes").PostAsJsonAsync($"{Datasets}/{Id(published)}/archive", new { reason = "usang" }).ShouldBe(HttpStatusCode.Forbidden);
        var archived = await Ok(Walidata().PostAsJsonAsync($"{Datasets}/{Id(published)}/archive", new { reason = "diganti dataset baru" }));
        Assert.False(archived.GetProperty("public").GetBoolean());
        await Anonymous().GetAsync($"/api/data/ckan/{Instansi}/api/3/action/package_show?id={Id(published)}").ShouldBe(HttpStatusCode.NotFound);
    }

    private static MultipartFormDataContent Upload(IEnumerable<Dictionary<string, object?>> rows)
    {
        var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows, sheetName: "Daftar Data");
        return new MultipartFormDataContent { { new ByteArrayContent(stream.ToArray()), "file", "daftar-data.xlsx" } };
    }
}
