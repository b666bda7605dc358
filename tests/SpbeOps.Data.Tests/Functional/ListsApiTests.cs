namespace SpbeOps.Data.Tests.Functional;

/// <summary>The reference lists, the data prioritas and the governance records of indicator 23.</summary>
public sealed class ListsApiTests(InfrastructureFixture infrastructure, DataHost host) : DataApiTest(infrastructure, host)
{
    private const string References = "/api/data/references";
    private const string Priorities = "/api/data/priorities";

    private static object Reference(string code = "19.71", string kind = "kode-referensi") =>
        new { kind, code, name = "Kode wilayah Kota Pangkalpinang", ownerOpd = "bappeda", source = "Kemendagri" };

    [Fact]
    public async Task The_walidata_keeps_the_reference_lists_and_datasets_use_them()
    {
        var entry = await Created(Walidata(), References, Reference());
        await Operator("dinkes").PostAsJsonAsync(References, Reference("19.72")).ShouldBe(HttpStatusCode.Forbidden);
        await Auditor().PostAsJsonAsync(References, Reference("19.72")).ShouldBe(HttpStatusCode.Forbidden);
        AssertRule(await Problem(Walidata().PostAsJsonAsync(References, Reference()), HttpStatusCode.Conflict), "unique");
        await Created(Walidata(), References, Reference(kind: "data-induk"));
        var bad = await Walidata().PostAsJsonAsync(References, new { kind = "kode-pos", code = "", name = "x", ownerOpd = "Bappeda" }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "kind", "code", "ownerOpd" }, await bad.FieldErrors(), strict: true);

        var listed = await Ok(Operator("dinkes").GetAsync($"{References}?kind=kode-referensi"));
        Assert.Equal([Id(entry)], listed.EnumerateArray().Select(Id));
        await Created(Operator("dinkes"), Datasets, Body("dinkes", references: [Id(entry)]));

        await Walidata().PostAsJsonAsync($"{References}/{Id(entry)}/withdrawal", new { reason = "diganti" }).ShouldBe(HttpStatusCode.OK);
        AssertRule(await Problem(Walidata().PutAsJsonAsync($"{References}/{Id(entry)}", Reference()), HttpStatusCode.Conflict), "withdrawn-is-final");
        AssertRule(await Problem(Operator("dinkes").PostAsJsonAsync(Datasets, Body("dinkes", "Lain", references: [Id(entry)])), HttpStatusCode.UnprocessableEntity), "unknown-reference");
        await Admin().GetAsync($"{References}/{Guid.NewGuid()}").ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_walidata_sets_the_years_data_prioritas_once()
    {
        var dataset = Id(await Created(Operator("dinkes"), Datasets, Body("dinkes")));
        var year = DateTime.UtcNow.Year;
        var body = new
        {
            year, setOn = $"{year}-01-15", datasets = new[] { dataset },
            rencanaAksi = new[] { new { action = "Lengkapi metadata", opd = "dinkes", dueOn = $"{year}-06-30" } },
        };
        var set = await Created(Walidata(), Priorities, body);
        Assert.True(set.GetProperty("setInTime").GetBoolean());
        AssertRule(await Problem(Walidata().PostAsJsonAsync(Priorities, body), HttpStatusCode.Conflict), "unique");
        await Operator("dinkes").PostAsJsonAsync(Priorities, body with { }).ShouldBe(HttpStatusCode.Forbidden);
        await Auditor().PostAsJsonAsync(Priorities, new { year, setOn = $"{year}-01-15", datasets = new[] { Guid.NewGuid() } }).ShouldBe(HttpStatusCode.Forbidden);
        AssertRule(await Problem(Walidata().PutAsJsonAsync($"{Priorities}/{Id(set)}", new { year, setOn = $"{year}-01-15", datasets = new[] { Guid.NewGuid() } }),
            HttpStatusCode.UnprocessableEntity), "unknown-dataset", "datasets");
        var bad = await Walidata().PostAsJsonAsync(Priorities, new { year = 1990, datasets = Array.Empty<Guid>() }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "year", "setOn", "datasets" }, await bad.FieldErrors(), strict: true);
        Assert.Equal(1, (await Ok(Auditor().GetAsync(Priorities))).GetArrayLength());
        await Auditor().GetAsync($"{Priorities}/{Id(set)}/history").ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Indicator_23_governance_records_live_under_api_data_governance()
    {
        var guideline = await Created(Walidata(), "/api/data/governance/policies", new
        {
            indicator = 23, title = "Pedoman Manajemen Data", kind = "pedoman", number = "Perwako 12/2026", issuer = "walikota", date = "2026-01-15", allOpd = true,
            covers = new[] { "arsitektur-data", "data-induk", "data-referensi", "basis-data", "kualitas-data", "interoperabilitas-data" },
        });
        Assert.Equal(23, guideline.GetProperty("indicator").GetInt32());
        await Created(Admin(), "/api/data/governance/policies", new
        {
            indicator = 23, title = "Strategi Satu Data", kind = "strategi", number = "Kep. Forum SD 1/2026", issuer = "forum-satu-data", date = "2026-02-01", allOpd = true,
        });
        var wrongTopic = await Admin().PostAsJsonAsync("/api/data/governance/policies", new
        {
            indicator = 23, title = "x", kind = "pedoman", number = "1", issuer = "walikota", date = "2026-01-01", allOpd = true, covers = new[] { "pengadaan" },
        }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["covers[0]"], await wrongTopic.FieldErrors());
        var wrongIndicator = await Admin().PostAsJsonAsync("/api/data/governance/programmes", new { indicator = 24, title = "x", allOpd = true, date = "2026-01-01", endDate = "2026-12-31", activities = new[] { "a" } })
            .ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["indicator"], await wrongIndicator.FieldErrors());
        await Auditor().PostAsJsonAsync("/api/data/governance/programmes", new { indicator = 23, title = "x", allOpd = true, date = "2026-01-01", endDate = "2026-12-31", activities = new[] { "a" } })
            .ShouldBe(HttpStatusCode.Forbidden);
        Assert.Equal(2, (await Ok(Auditor().GetAsync("/api/data/governance?indicator=23"))).GetArrayLength());
    }
}
