namespace SpbeOps.Indicators.Tests.Functional;

/// <summary>The dashboard's views: indicators 21–31 for every OPD in one call (Peta OPD), and the what-if index.</summary>
public sealed class DashboardViewsApiTests(InfrastructureFixture infrastructure) : IndicatorsApiTest(infrastructure)
{
    public override async Task InitializeAsync() =>
        await Admin().PutAsJsonAsync("/api/maturity/organisation", Organisation("dinkes", "dishub")).ShouldBe(HttpStatusCode.OK);

    [Fact]
    public async Task The_heatmap_has_a_row_per_opd_with_the_eleven_management_indicators()
    {
        var heatmap = await Ok(Admin().GetAsync("/api/maturity/heatmap"));
        Assert.Equal(Enumerable.Range(21, 11), heatmap.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("number").GetInt32()));
        var rows = heatmap.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["dinkes", "dishub"], rows.Select(r => r.GetProperty("opd").GetString()));
        Assert.All(rows, r =>
        {
            Assert.True(r.GetProperty("visible").GetBoolean());
            Assert.Equal(11, r.GetProperty("cells").GetArrayLength());
            Assert.All(r.GetProperty("cells").EnumerateArray(), c => Assert.Equal(1, c.GetProperty("level").GetInt32()));
        });
        // Both OPD at level 1 of every indicator.
        Assert.All(heatmap.GetProperty("distribution").EnumerateArray(), d => Assert.Equal([2, 0, 0, 0, 0], d.GetProperty("levels").EnumerateArray().Select(l => l.GetInt32())));
    }

    [Fact]
    public async Task An_opd_operator_sees_its_own_row_in_full_and_of_the_others_only_the_counts()
    {
        var heatmap = await Ok(Operator("dinkes").GetAsync("/api/maturity/heatmap"));
        var rows = heatmap.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("opd").GetString()!);
        Assert.True(rows["dinkes"].GetProperty("visible").GetBoolean());
        Assert.All(rows["dinkes"].GetProperty("cells").EnumerateArray(), c => Assert.Equal(1, c.GetProperty("level").GetInt32()));
        Assert.False(rows["dishub"].GetProperty("visible").GetBoolean());
        Assert.All(rows["dishub"].GetProperty("cells").EnumerateArray(), c =>
        {
            Assert.Equal(JsonValueKind.Null, c.GetProperty("level").ValueKind);
            Assert.Equal(JsonValueKind.Null, c.GetProperty("missing").ValueKind);
        });
        Assert.Equal(2, heatmap.GetProperty("distribution")[0].GetProperty("levels")[0].GetInt32());
    }

    [Fact]
    public async Task What_if_answers_the_index_the_engine_would_compute()
    {
        // Indicator 43 weighs 3.00 %: (4 − 1) × 3.00 / 100 = +0.09, as the self-assessment test finds.
        var whatIf = await Ok(Auditor().GetAsync("/api/maturity/what-if?indicator=43&level=4"));
        Assert.Equal((1, 4), (whatIf.GetProperty("currentLevel").GetInt32(), whatIf.GetProperty("level").GetInt32()));
        Assert.Equal((1.00m, 1.09m, 0.09m), (whatIf.GetProperty("currentIndex").GetDecimal(), whatIf.GetProperty("index").GetDecimal(), whatIf.GetProperty("delta").GetDecimal()));
        Assert.Equal("Kurang", whatIf.GetProperty("predicate").GetString());

        await Admin().PutAsJsonAsync("/api/maturity/self-assessment/43", new { level = 4, explanation = "Portal data terbuka" }).ShouldBe(HttpStatusCode.OK);
        var index = await Ok(Admin().GetAsync("/api/maturity/index"));
        Assert.Equal(whatIf.GetProperty("index").GetDecimal(), index.GetProperty("index").GetDecimal());
    }

    [Theory]
    [InlineData("indicator=24&level=6", HttpStatusCode.BadRequest)]
    [InlineData("indicator=24", HttpStatusCode.BadRequest)]
    [InlineData("indicator=99&level=2", HttpStatusCode.NotFound)]
    public async Task What_if_refuses_what_is_not_an_indicator_level(string query, HttpStatusCode status) =>
        await Admin().GetAsync($"/api/maturity/what-if?{query}").ShouldBe(status);
}
