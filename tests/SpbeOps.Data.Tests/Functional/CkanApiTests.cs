namespace SpbeOps.Data.Tests.Functional;

/// <summary>
/// The public CKAN Action API subset, checked against CKAN's documented shapes (docs.ckan.org, "API guide": the
/// response envelope; ckan/logic/schema: package, resource, organization fields): what a CKAN harvester needs (stable
/// ids and names, metadata_modified, resources with url and format), without a token, and never a dataset that is not
/// published and terbuka.
/// </summary>
public sealed class CkanApiTests(InfrastructureFixture infrastructure, DataHost host) : DataApiTest(infrastructure, host)
{
    private string Action(string action, string query = "") => $"/api/data/ckan/{Instansi}/api/3/action/{action}{(query.Length > 0 ? "?" + query : "")}";

    /// <summary>A fixture written from CKAN's API guide: every answer has help, success and result.</summary>
    private static JsonElement Envelope(JsonElement body)
    {
        Assert.Equal(JsonValueKind.String, body.GetProperty("help").ValueKind);
        Assert.True(body.GetProperty("success").GetBoolean());
        return body.GetProperty("result");
    }

    private static readonly string[] PackageFields =
    [
        "id", "name", "title", "type", "state", "private", "notes", "url", "license_id", "license_title", "maintainer", "maintainer_email",
        "metadata_created", "metadata_modified", "owner_org", "organization", "tags", "groups", "resources", "num_resources", "num_tags", "extras",
    ];

    private static readonly string[] ResourceFields = ["id", "package_id", "name", "url", "format", "mimetype", "position", "state", "created", "last_modified"];

    private async Task<(Guid Public, Guid Terbatas, Guid Draft, Guid Returned, Guid Tertutup)> CatalogueAsync()
    {
        var open = Id(await PublishedAsync("dinkes", "Jumlah Puskesmas", tags: ["kesehatan", "puskesmas"]));
        var terbatas = Id(await PublishedAsync("dinkes", "Data Pasien", "terbatas"));
        var tertutup = Id(await PublishedAsync("dishub", "Data Tertutup", "tertutup"));
        var draft = Id(await Created(Operator("dinkes"), Datasets, Body("dinkes", "Draf Rahasia")));
        var returned = await SubmittedAsync("dishub", "Data Kembali");
        await Walidata().PostAsJsonAsync($"{Datasets}/{returned}/return", new { reasons = new[] { "kurang" } }).ShouldBe(HttpStatusCode.OK);
        return (open, terbatas, draft, returned, tertutup);
    }

    [Fact]
    public async Task Package_list_and_show_answer_the_envelope_without_a_token_and_only_the_public_datasets()
    {
        var c = await CatalogueAsync();
        var anonymous = Anonymous();
        Assert.Equal(["jumlah-puskesmas"], Envelope(await Ok(anonymous.GetAsync(Action("package_list")))).EnumerateArray().Select(n => n.GetString()));

        var package = Envelope(await Ok(anonymous.GetAsync(Action("package_show", "id=jumlah-puskesmas"))));
        foreach (var field in PackageFields) Assert.True(package.TryGetProperty(field, out _), $"package lacks '{field}'");
        Assert.Equal(c.Public.ToString(), package.GetProperty("id").GetString());
        Assert.Equal("dataset", package.GetProperty("type").GetString());
        Assert.Equal("active", package.GetProperty("state").GetString());
        Assert.False(package.GetProperty("private").GetBoolean());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$", package.GetProperty("metadata_modified").GetString());
        Assert.Equal("dinkes", package.GetProperty("organization").GetProperty("name").GetString());
        Assert.Equal(package.GetProperty("owner_org").GetString(), package.GetProperty("organization").GetProperty("id").GetString());
        Assert.Equal(["kesehatan", "puskesmas"], package.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        var resource = package.GetProperty("resources")[0];
        foreach (var field in ResourceFields) Assert.True(resource.TryGetProperty(field, out _), $"resource lacks '{field}'");
        Assert.Equal("CSV", resource.GetProperty("format").GetString());
        Assert.StartsWith("https://", resource.GetProperty("url").GetString());
        Assert.Contains(package.GetProperty("extras").EnumerateArray(), e => e.GetProperty("key").GetString() == "standar_data_konsep");

        // Stable: by id the same package, and the same answer twice.
        var byId = Envelope(await Ok(anonymous.GetAsync(Action("package_show", $"id={c.Public}"))));
        Assert.Equal(package.GetProperty("name").GetString(), byId.GetProperty("name").GetString());
        Assert.Equal(resource.GetProperty("id").GetString(), byId.GetProperty("resources")[0].GetProperty("id").GetString());

        foreach (var hidden in new[] { c.Terbatas, c.Draft, c.Returned, c.Tertutup })
        {
            var missing = await (await anonymous.GetAsync(Action("package_show", $"id={hidden}")).ShouldBe(HttpStatusCode.NotFound)).ReadJson();
            Assert.False(missing.GetProperty("success").GetBoolean());
            Assert.Equal("Not Found Error", missing.GetProperty("error").GetProperty("__type").GetString());
        }
        // The unversioned path ckanapi calls answers the same.
        Assert.Single(Envelope(await Ok(anonymous.GetAsync($"/api/data/ckan/{Instansi}/api/action/package_list"))).EnumerateArray());
        // A token does not widen the public face.
        Assert.Single(Envelope(await Ok(Admin().GetAsync(Action("package_list")))).EnumerateArray());
    }

    [Fact]
    public async Task Package_search_filters_pages_and_counts_like_ckan()
    {
        await CatalogueAsync();
        await PublishedAsync("dishub", "Jumlah Angkutan Umum", tags: ["transportasi"]);
        await PublishedAsync("dishub", "Panjang Jalan Kota", tags: ["transportasi", "jalan"]);
        var anonymous = Anonymous();

        var all = Envelope(await Ok(anonymous.GetAsync(Action("package_search"))));
        Assert.Equal(3, all.GetProperty("count").GetInt32());
        Assert.Equal(3, all.GetProperty("results").GetArrayLength());
        Assert.Equal(JsonValueKind.Object, all.GetProperty("facets").ValueKind);

        var byOrg = Envelope(await Ok(anonymous.GetAsync(Action("package_search", "fq=organization:dishub&sort=name%20asc"))));
        Assert.Equal(["jumlah-angkutan-umum", "panjang-jalan-kota"], byOrg.GetProperty("results").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        var byTag = Envelope(await Ok(anonymous.GetAsync(Action("package_search", "fq=tags:jalan"))));
        Assert.Equal(1, byTag.GetProperty("count").GetInt32());
        var text = Envelope(await Ok(anonymous.GetAsync(Action("package_search", "q=angkutan"))));
        Assert.Equal("jumlah-angkutan-umum", text.GetProperty("results")[0].GetProperty("name").GetString());
        var page = Envelope(await Ok(anonymous.GetAsync(Action("package_search", "rows=1&start=1&sort=name%20asc"))));
        Assert.Equal(3, page.GetProperty("count").GetInt32());
        Assert.Equal("jumlah-puskesmas", page.GetProperty("results")[0].GetProperty("name").GetString());

        // What ckanext-harvest's CKAN harvester sends: pages sorted by id, and on a later run only what changed since.
        string Since(DateTime at) => Uri.EscapeDataString($"metadata_modified:[{at:yyyy-MM-ddTHH:mm:ss.ffffff}Z TO *]");
        var byId = Envelope(await Ok(anonymous.GetAsync(Action("package_search", $"rows=2&start=0&sort=id%20asc&fq={Since(DateTime.UtcNow.AddHours(-1))}"))));
        Assert.Equal(3, byId.GetProperty("count").GetInt32());
        var ids = byId.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        var nothingNew = Envelope(await Ok(anonymous.GetAsync(Action("package_search", $"sort=id%20asc&fq={Since(DateTime.UtcNow.AddMinutes(5))}"))));
        Assert.Equal(0, nothingNew.GetProperty("count").GetInt32());
        var grouped = Envelope(await Ok(anonymous.GetAsync(Action("package_search", $"fq=({Since(DateTime.UtcNow.AddDays(-1))})"))));
        Assert.Equal(3, grouped.GetProperty("count").GetInt32());
        var excluded = Envelope(await Ok(anonymous.GetAsync(Action("package_search", "fq=-organization:dinkes"))));
        Assert.Equal(2, excluded.GetProperty("count").GetInt32());
        await anonymous.GetAsync(Action("package_search", "fq=" + Uri.EscapeDataString("metadata_modified:[kemarin TO *]"))).ShouldBe(HttpStatusCode.Conflict);

        // POST with a JSON body, as ckanapi sends it.
        var posted = Envelope(await Ok(anonymous.PostAsJsonAsync(Action("package_search"), new { fq = "organization:dinkes", rows = 5 })));
        Assert.Equal(1, posted.GetProperty("count").GetInt32());

        var badRows = await (await anonymous.GetAsync(Action("package_search", "rows=abc")).ShouldBe(HttpStatusCode.Conflict)).ReadJson();
        Assert.Equal("Validation Error", badRows.GetProperty("error").GetProperty("__type").GetString());
        Assert.True(badRows.GetProperty("error").TryGetProperty("rows", out _));
        await anonymous.GetAsync(Action("package_search", "fq=secret:x")).ShouldBe(HttpStatusCode.Conflict);
        await anonymous.GetAsync(Action("package_search", "sort=random")).ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Organizations_tags_and_status_answer_like_ckan()
    {
        await CatalogueAsync();
        var anonymous = Anonymous();
        Assert.Equal(["dinkes"], Envelope(await Ok(anonymous.GetAsync(Action("organization_list")))).EnumerateArray().Select(o => o.GetString()));
        var full = Envelope(await Ok(anonymous.GetAsync(Action("organization_list", "all_fields=true"))));
        Assert.Equal(1, full[0].GetProperty("package_count").GetInt32());
        Assert.True(full[0].GetProperty("is_organization").GetBoolean());

        var org = Envelope(await Ok(anonymous.GetAsync(Action("organization_show", "id=dinkes&include_datasets=true"))));
        Assert.Equal("organization", org.GetProperty("type").GetString());
        Assert.Equal(1, org.GetProperty("packages").GetArrayLength());
        var byId = Envelope(await Ok(anonymous.GetAsync(Action("organization_show", $"id={org.GetProperty("id").GetString()}"))));
        Assert.Equal("dinkes", byId.GetProperty("name").GetString());
        await anonymous.GetAsync(Action("organization_show", "id=dishub")).ShouldBe(HttpStatusCode.NotFound);
        var missingId = await (await anonymous.GetAsync(Action("organization_show")).ShouldBe(HttpStatusCode.Conflict)).ReadJson();
        Assert.Equal("Missing value", missingId.GetProperty("error").GetProperty("id")[0].GetString());

        Assert.Equal(["kesehatan", "puskesmas"], Envelope(await Ok(anonymous.GetAsync(Action("tag_list")))).EnumerateArray().Select(t => t.GetString()));
        var status = Envelope(await Ok(anonymous.GetAsync(Action("status_show"))));
        Assert.Matches(@"^2\.\d+\.\d+$", status.GetProperty("ckan_version").GetString());

        var unknown = await (await anonymous.GetAsync(Action("package_create")).ShouldBe(HttpStatusCode.BadRequest)).ReadJson();
        Assert.False(unknown.GetProperty("success").GetBoolean());
        await anonymous.GetAsync("/api/data/ckan/Bukan_Instansi/api/3/action/package_list").ShouldBe(HttpStatusCode.NotFound);
        // Without the instansi in the path, an anonymous caller names none (no portal configured): 404; a token names its own.
        await anonymous.GetAsync("/api/data/ckan/api/3/action/package_list").ShouldBe(HttpStatusCode.NotFound);
        Assert.Single(Envelope(await Ok(Auditor().GetAsync("/api/data/ckan/api/3/action/package_list"))).EnumerateArray());
    }

    [Fact]
    public async Task Another_instansis_portal_shows_none_of_these_datasets()
    {
        await CatalogueAsync();
        var other = Tenants.New();
        Assert.Empty(Envelope(await Ok(Anonymous().GetAsync($"/api/data/ckan/{other}/api/3/action/package_list"))).EnumerateArray());
    }

    [Fact]
    public async Task The_dcat_catalogue_is_json_ld_of_the_same_public_datasets()
    {
        var c = await CatalogueAsync();
        var response = await Anonymous().GetAsync($"/api/data/catalog.jsonld?instansi={Instansi}").ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        var catalog = await response.ReadJson();

        // A fixture written from W3C DCAT 2 / DCAT-AP 2.1: the prefixes, a dcat:Catalog with its datasets and their distributions.
        var context = catalog.GetProperty("@context");
        Assert.Equal("http://www.w3.org/ns/dcat#", context.GetProperty("dcat").GetString());
        Assert.Equal("http://purl.org/dc/terms/", context.GetProperty("dct").GetString());
        Assert.Equal("dcat:Catalog", catalog.GetProperty("@type").GetString());
        Assert.Equal(JsonValueKind.String, catalog.GetProperty("dct:title").ValueKind);
        Assert.Equal("foaf:Organization", catalog.GetProperty("dct:publisher").GetProperty("@type").GetString());
        var dataset = Assert.Single(catalog.GetProperty("dcat:dataset").EnumerateArray());
        Assert.Equal("dcat:Dataset", dataset.GetProperty("@type").GetString());
        Assert.Equal(c.Public.ToString(), dataset.GetProperty("dct:identifier").GetString());
        Assert.StartsWith("http", dataset.GetProperty("@id").GetString());
        Assert.Equal("xsd:dateTime", dataset.GetProperty("dct:modified").GetProperty("@type").GetString());
        Assert.EndsWith("/frequency/ANNUAL", dataset.GetProperty("dct:accrualPeriodicity").GetProperty("@id").GetString());
        Assert.Equal("vcard:Kind", dataset.GetProperty("dcat:contactPoint").GetProperty("@type").GetString());
        var distribution = dataset.GetProperty("dcat:distribution")[0];
        Assert.Equal("dcat:Distribution", distribution.GetProperty("@type").GetString());
        Assert.StartsWith("https://", distribution.GetProperty("dcat:accessURL").GetProperty("@id").GetString());
        Assert.Equal("CSV", distribution.GetProperty("dct:format").GetString());

        var paging = catalog.GetProperty("hydra:view");
        Assert.Equal("hydra:PagedCollection", paging.GetProperty("@type").GetString());
        Assert.Equal(1, paging.GetProperty("hydra:totalItems").GetInt32());
        Assert.False(paging.TryGetProperty("hydra:next", out _));
        Assert.Equal("http://www.w3.org/ns/hydra/core#", context.GetProperty("hydra").GetString());

        var atPortal = await Ok(Anonymous().GetAsync($"/api/data/ckan/{Instansi}/catalog.jsonld"));
        Assert.Single(atPortal.GetProperty("dcat:dataset").EnumerateArray());
        await Anonymous().GetAsync("/api/data/catalog.jsonld").ShouldBe(HttpStatusCode.NotFound);
        var badPage = await Anonymous().GetAsync($"/api/data/catalog.jsonld?instansi={Instansi}&page=0").ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["page"], await badPage.FieldErrors());
    }
}
