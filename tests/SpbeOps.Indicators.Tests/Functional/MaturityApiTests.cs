namespace SpbeOps.Indicators.Tests.Functional;

public sealed class MaturityApiTests(InfrastructureFixture infrastructure) : IndicatorsApiTest(infrastructure)
{
    [Fact]
    public async Task A_new_instansi_scores_the_floor_everywhere()
    {
        var index = await (await Admin().GetAsync("/api/maturity/index").ShouldBe(HttpStatusCode.OK)).ReadJson();
        Assert.Equal(1.00m, index.GetProperty("index").GetDecimal());
        Assert.Equal("Kurang", index.GetProperty("predicate").GetString());
        var management = index.GetProperty("domains").EnumerateArray().Single(d => d.GetProperty("number").GetInt32() == 3);
        Assert.Equal(1.00m, management.GetProperty("index").GetDecimal());
        Assert.Equal(16.5m, management.GetProperty("weight").GetDecimal());
        Assert.Equal(8, index.GetProperty("aspects").GetArrayLength());

        var indicators = await (await Admin().GetAsync("/api/maturity/indicators")).ReadJson();
        Assert.Equal(47, indicators.GetArrayLength());
        Assert.All(indicators.EnumerateArray(), i => Assert.Equal(1, i.GetProperty("level").GetInt32()));
        Assert.Equal(11, indicators.EnumerateArray().Count(i => i.GetProperty("source").GetString() == "computed"));
    }

    [Fact]
    public async Task Indicator_detail_explains_each_level_and_what_is_missing_for_the_next()
    {
        var detail = await Indicator(24);
        Assert.Equal(1, detail.GetProperty("level").GetInt32());
        Assert.Equal("Rintisan", detail.GetProperty("levelName").GetProperty("id").GetString());
        Assert.Equal(5, detail.GetProperty("levels").GetArrayLength());
        var missing = detail.GetProperty("missingForNextLevel").EnumerateArray().Select(c => c.GetProperty("metric").GetString()).ToList();
        Assert.Equal(["governance.programme.current"], missing);
        Assert.False(detail.GetProperty("levels")[1].GetProperty("criteria")[0].GetProperty("met").GetBoolean());
    }

    [Fact]
    public async Task Self_assessment_moves_the_index_and_is_kept_as_history()
    {
        var admin = Admin();
        await admin.PutAsJsonAsync("/api/maturity/self-assessment/43", new { level = 4, explanation = "Portal data terbuka terintegrasi SPLP" }).ShouldBe(HttpStatusCode.OK);

        var index = await (await admin.GetAsync("/api/maturity/index")).ReadJson();
        // Indicator 43 weighs 3.00 %: (4 − 1) × 3.00 / 100 = +0.09.
        Assert.Equal(1.09m, index.GetProperty("index").GetDecimal());
        var detail = await (await admin.GetAsync("/api/maturity/indicators/43")).ReadJson();
        Assert.Equal("self-assessment", detail.GetProperty("source").GetString());
        Assert.Equal("Portal data terbuka terintegrasi SPLP", detail.GetProperty("selfAssessment").GetProperty("explanation").GetString());
        var history = await (await admin.GetAsync("/api/maturity/indicators/43/history")).ReadJson();
        Assert.Equal(1, history.GetArrayLength());
        Assert.Equal(4, history[0].GetProperty("level").GetInt32());
        Assert.Equal(1, history[0].GetProperty("previousLevel").GetInt32());

        // As of yesterday nothing had been assessed yet.
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd");
        var before = await (await admin.GetAsync($"/api/maturity/index?asOf={yesterday}").ShouldBe(HttpStatusCode.OK)).ReadJson();
        Assert.Equal(1.00m, before.GetProperty("index").GetDecimal());
    }

    [Fact]
    public async Task The_self_assessment_report_lists_every_indicator_with_level_explanation_and_gaps()
    {
        await Admin().PutAsJsonAsync("/api/maturity/self-assessment/43", new { level = 4, explanation = "Portal data terbuka terintegrasi" }).ShouldBe(HttpStatusCode.OK);
        var response = await Admin().GetAsync("/api/maturity/report").ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);

        using var xlsx = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "Indikator").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(47, rows.Count);
        var open = rows.Single(r => Convert.ToInt32(r["No"]) == 43);
        Assert.Equal((4, "Portal data terbuka terintegrasi"), (Convert.ToInt32(open["Level"]), (string?)open["Penjelasan"]));
        var assets = rows.Single(r => Convert.ToInt32(r["No"]) == 24);
        Assert.Contains("Program kegiatan", (string?)assets["Kekurangan untuk level berikutnya"]);

        await Auditor().GetAsync("/api/maturity/report").ShouldBe(HttpStatusCode.OK);
        await Operator("dinkes").GetAsync("/api/maturity/report").ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public async Task Self_assessment_level_outside_1_to_5_is_a_400(int level)
    {
        var response = await Admin().PutAsJsonAsync("/api/maturity/self-assessment/32", new { level, explanation = "x" }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["level"], await response.FieldErrors());
    }

    [Fact]
    public async Task Self_assessment_of_a_computed_indicator_is_a_409_with_the_reason()
    {
        var response = await Admin().PutAsJsonAsync("/api/maturity/self-assessment/24", new { level = 3, explanation = "x" }).ShouldBe(HttpStatusCode.Conflict);
        Assert.Equal("computed-indicator", (await response.ReadJson()).GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Only_diskominfo_enters_self_assessments_and_nobody_anonymous_reads()
    {
        await Operator("dinkes").PutAsJsonAsync("/api/maturity/self-assessment/32", new { level = 3, explanation = "x" }).ShouldBe(HttpStatusCode.Forbidden);
        await Auditor().PutAsJsonAsync("/api/maturity/self-assessment/32", new { level = 3, explanation = "x" }).ShouldBe(HttpStatusCode.Forbidden);
        await Anonymous().GetAsync("/api/maturity/index").ShouldBe(HttpStatusCode.Unauthorized);
        await Anonymous().GetAsync("/api/maturity/stream").ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Operator_reads_its_own_opd_but_not_another()
    {
        var op = Operator("dinkes");
        await op.GetAsync("/api/maturity/indicators?opd=dinkes").ShouldBe(HttpStatusCode.OK);
        await op.GetAsync("/api/maturity/indicators/24?opd=dishub").ShouldBe(HttpStatusCode.Forbidden);
        await op.GetAsync("/api/maturity/indicators/24/history?opd=dishub").ShouldBe(HttpStatusCode.Forbidden);
        var malformed = await Admin().GetAsync("/api/maturity/indicators/24?opd=Dinas%20Kesehatan").ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["opd"], await malformed.FieldErrors());
    }

    [Fact]
    public async Task Unknown_indicator_is_404()
    {
        await Admin().GetAsync("/api/maturity/indicators/48").ShouldBe(HttpStatusCode.NotFound);
        await Admin().GetAsync("/api/maturity/indicators/0/history").ShouldBe(HttpStatusCode.NotFound);
        await Admin().PutAsJsonAsync("/api/maturity/self-assessment/99", new { level = 2, explanation = "x" }).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Organisation_list_is_validated_and_sets_the_coverage_denominator()
    {
        var bad = await Admin().PutAsJsonAsync("/api/maturity/organisation", new
        {
            name = "",
            ictUnitOpd = "kominfo",
            perangkatDaerah = new[] { new { code = "Dinas Kesehatan", name = "Dinas Kesehatan" }, new { code = "dishub", name = "" }, new { code = "dishub", name = "Dishub" } },
        }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "name", "ictUnitOpd", "perangkatDaerah[0].code", "perangkatDaerah[1].name", "perangkatDaerah[2].code" }, await bad.FieldErrors(), strict: true);

        await Operator("dinkes").PutAsJsonAsync("/api/maturity/organisation", new { name = "x" }).ShouldBe(HttpStatusCode.Forbidden);
        await Admin().GetAsync("/api/maturity/organisation").ShouldBe(HttpStatusCode.NotFound);
        await Admin().PutAsJsonAsync("/api/maturity/organisation", Organisation("dinkes", "diskominfo")).ShouldBe(HttpStatusCode.OK);
        var org = await (await Admin().GetAsync("/api/maturity/organisation").ShouldBe(HttpStatusCode.OK)).ReadJson();
        Assert.Equal(2, org.GetProperty("perangkatDaerah").GetArrayLength());
    }
}
