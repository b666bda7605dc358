namespace SpbeOps.Risk.Tests.Functional;

public sealed class ContextsApiTests(InfrastructureFixture infrastructure, RiskHost host) : RiskApiTestBase(infrastructure, host)
{
    [Fact]
    public async Task Context_takes_the_regulations_defaults_and_is_complete_when_every_section_is_filled()
    {
        var response = await Operator("diskominfo").PostAsJsonAsync("/api/risks/contexts", RiskRequests.Context("diskominfo")).ShouldBe(HttpStatusCode.Created);
        var ctx = await response.ReadJson();
        Assert.True(ctx.GetProperty("complete").GetBoolean());
        Assert.Equal(16, ctx.GetProperty("categories").GetArrayLength());
        Assert.Equal(7, ctx.GetProperty("impactAreas").GetArrayLength());
        Assert.Equal(20, ctx.GetProperty("matrix")[0][4].GetInt32());
        Assert.Equal(9, ctx.GetProperty("matrix")[4][0].GetInt32());
        Assert.Equal("Sangat Tinggi", ctx.GetProperty("levels")[4].GetProperty("name").GetString());
        Assert.Equal(("draft", 1L), (ctx.GetProperty("approvalStatus").GetString(), ctx.GetProperty("version").GetInt64()));

        var fetched = await Ok(Operator("diskominfo").GetAsync(response.Headers.Location));
        Assert.Equal(Id(ctx), Id(fetched));
        var defaults = await Ok(Auditor().GetAsync("/api/risks/contexts/defaults"));
        Assert.Equal(25, defaults.GetProperty("matrix").EnumerateArray().SelectMany(r => r.EnumerateArray()).Count());
    }

    [Fact]
    public async Task A_context_without_every_section_says_what_is_missing()
    {
        var ctx = await Created(Operator("dinkes"), "/api/risks/contexts", new { opd = "dinkes", periodYear = 2026 });
        Assert.False(ctx.GetProperty("complete").GetBoolean());
        Assert.Equal(["informasi-umum", "sasaran", "struktur", "selera-risiko"], ctx.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task One_context_per_opd_and_year()
    {
        await Context("diskominfo");
        var problem = await Problem(Operator("diskominfo").PostAsJsonAsync("/api/risks/contexts", RiskRequests.Context("diskominfo")), HttpStatusCode.Conflict);
        AssertRule(problem, "one-context-per-opd-and-year", "periodYear");
        await Context("diskominfo", 2025);
    }

    [Fact]
    public async Task Invalid_context_names_every_bad_field_and_writes_nothing()
    {
        var response = await Operator("dinkes").PostAsJsonAsync("/api/risks/contexts", new
        {
            opd = "Dinas Kesehatan",
            periodYear = 1990,
            likelihoodCriteria = new[] { new { level = 1, name = "Jarang" }, new { level = 2, name = "Sering" } },
            categories = new[] { new { code = "keamanan-spbe", name = "" } },
        }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "opd", "periodYear", "likelihoodCriteria", "categories[0].name" }, await response.FieldErrors(), strict: true);
        Assert.Equal(0, (await Ok(Admin().GetAsync("/api/risks/contexts"))).GetArrayLength());
    }

    [Fact]
    public async Task Matrix_that_does_not_fit_the_scale_is_refused()
    {
        var response = await Operator("dinkes").PostAsJsonAsync("/api/risks/contexts", new
        {
            opd = "dinkes",
            periodYear = 2026,
            matrix = Enumerable.Range(1, 5).Select(l => Enumerable.Range(1, 5).Select(i => l * i).ToArray()).ToArray(),
        }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["matrix"], await response.FieldErrors());
    }

    [Fact]
    public async Task Operator_works_only_on_its_own_opd()
    {
        var other = await Context("dinkes");
        await Operator("diskominfo").PostAsJsonAsync("/api/risks/contexts", RiskRequests.Context("dinkes", 2025)).ShouldBe(HttpStatusCode.Forbidden);
        await Operator("diskominfo").GetAsync($"/api/risks/contexts/{Id(other)}").ShouldBe(HttpStatusCode.NotFound);
        await Operator("diskominfo").PutAsJsonAsync($"/api/risks/contexts/{Id(other)}", new { tasks = "x" }).ShouldBe(HttpStatusCode.NotFound);
        await Operator("diskominfo").GetAsync($"/api/risks/contexts/{Id(other)}/history").ShouldBe(HttpStatusCode.NotFound);
        Assert.Equal(0, (await Ok(Operator("diskominfo").GetAsync("/api/risks/contexts?opd=dinkes"))).GetArrayLength());
    }

    [Fact]
    public async Task Auditor_and_Diskominfo_read_all_but_the_auditor_never_writes()
    {
        var ctx = await Context("dinkes");
        await Context("diskominfo");
        Assert.Equal(2, (await Ok(Auditor().GetAsync("/api/risks/contexts"))).GetArrayLength());
        Assert.Equal(1, (await Ok(Admin().GetAsync("/api/risks/contexts?opd=dinkes"))).GetArrayLength());
        await Auditor().PostAsJsonAsync("/api/risks/contexts", RiskRequests.Context("dinsos")).ShouldBe(HttpStatusCode.Forbidden);
        await Auditor().PutAsJsonAsync($"/api/risks/contexts/{Id(ctx)}", new { tasks = "x" }).ShouldBe(HttpStatusCode.Forbidden);
        await Auditor().PostAsJsonAsync($"/api/risks/contexts/{Id(ctx)}/approval", RiskRequests.Step("ajukan")).ShouldBe(HttpStatusCode.Forbidden);
        await Ok(Admin().PutAsJsonAsync($"/api/risks/contexts/{Id(ctx)}", new { tasks = "Tugas diperbarui Diskominfo" }));
    }

    [Theory]
    [InlineData("GET", "/api/risks/contexts")]
    [InlineData("POST", "/api/risks/contexts")]
    [InlineData("GET", "/api/risks")]
    [InlineData("POST", "/api/risks")]
    [InlineData("GET", "/api/risks/monitoring")]
    [InlineData("POST", "/api/risks/import")]
    [InlineData("GET", "/api/risks/export/register?opd=dinkes&periodYear=2026")]
    [InlineData("GET", "/api/risks/governance")]
    public async Task Anonymous_callers_get_401(string method, string url)
    {
        var response = await Anonymous().SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { }) });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Revising_the_appetite_re_derives_every_risk_of_the_register()
    {
        var ctx = await Context("diskominfo");
        var risk = await NewRisk("diskominfo", 3, 3, category: "keamanan-spbe"); // besaran 14 ≥ 11
        Assert.True(risk.GetProperty("aboveAppetite").GetBoolean());

        var revised = await Ok(Operator("diskominfo").PutAsJsonAsync($"/api/risks/contexts/{Id(ctx)}",
            new { appetite = new[] { new { category = "keamanan-spbe", positive = 20, negative = 15 } }, defaultAppetite = new { positive = 16, negative = 11 } }));
        Assert.Equal(2, revised.GetProperty("version").GetInt64());

        var after = await Ok(Operator("diskominfo").GetAsync($"/api/risks/{Id(risk)}"));
        Assert.False(after.GetProperty("aboveAppetite").GetBoolean());
        Assert.Equal(15, after.GetProperty("appetite").GetInt32());
        Assert.Equal(2, after.GetProperty("version").GetInt64());
        var history = await Ok(Operator("diskominfo").GetAsync($"/api/risks/{Id(risk)}/history"));
        Assert.Contains("dihitung ulang", history[1].GetProperty("change").GetString());
    }

    [Fact]
    public async Task A_revision_cannot_take_away_what_a_risk_uses()
    {
        var ctx = await Context("diskominfo");
        await NewRisk("diskominfo", category: "keamanan-spbe");
        var problem = await Problem(Operator("diskominfo").PutAsJsonAsync($"/api/risks/contexts/{Id(ctx)}",
            new { categories = new[] { new { code = "layanan-spbe", name = "Layanan SPBE" } } }), HttpStatusCode.Conflict);
        AssertRule(problem, "in-use", "categories");
        var unchanged = await Ok(Operator("diskominfo").GetAsync($"/api/risks/contexts/{Id(ctx)}"));
        Assert.Equal(1, unchanged.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Context_moves_Pengelola_Koordinator_Pemilik_and_keeps_every_step()
    {
        var incomplete = await Created(Operator("dinkes"), "/api/risks/contexts", new { opd = "dinkes", periodYear = 2026 });
        AssertRule(await Problem(Operator("dinkes").PostAsJsonAsync($"/api/risks/contexts/{Id(incomplete)}/approval", RiskRequests.Step("ajukan")), HttpStatusCode.UnprocessableEntity),
            "context-complete-before-submit", "missing");

        var ctx = await Context("diskominfo");
        var url = $"/api/risks/contexts/{Id(ctx)}/approval";
        var op = Operator("diskominfo");
        AssertRule(await Problem(op.PostAsJsonAsync(url, RiskRequests.Step("setujui")), HttpStatusCode.Conflict), "approval-order", "action");
        await Ok(op.PostAsJsonAsync(url, RiskRequests.Step("ajukan", "mohon verifikasi")));
        await op.PutAsJsonAsync($"/api/risks/contexts/{Id(ctx)}", new { tasks = "x" }).ShouldBe(HttpStatusCode.Conflict); // frozen under review
        Assert.Equal(["comment"], await (await op.PostAsJsonAsync(url, RiskRequests.Step("kembalikan"))).FieldErrors());
        await Ok(op.PostAsJsonAsync(url, RiskRequests.Step("verifikasi")));
        await op.PostAsJsonAsync(url, RiskRequests.Step("setujui")).ShouldBe(HttpStatusCode.Forbidden); // an operator is not the Pemilik
        var approved = await Ok(Admin().PostAsJsonAsync(url, RiskRequests.Step("setujui", "ditetapkan")));
        Assert.Equal(("disetujui", 4L), (approved.GetProperty("approvalStatus").GetString(), approved.GetProperty("version").GetInt64()));

        var history = await Ok(op.GetAsync($"/api/risks/contexts/{Id(ctx)}/history"));
        Assert.Equal(4, history.GetArrayLength());
        Assert.Equal("ditetapkan", history[3].GetProperty("comment").GetString());
        Assert.Contains("Pemilik Risiko", history[3].GetProperty("change").GetString());
        Assert.Equal(["approvalLog", "approvalStatus"], history[3].GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        // The stored context is the fold of its events (matrix, structure, criteria and all).
        var stored = await Ok(op.GetAsync($"/api/risks/contexts/{Id(ctx)}"));
        foreach (var field in stored.EnumerateObject())
            Assert.True(JsonElement.DeepEquals(field.Value, history[3].GetProperty("state").GetProperty(field.Name)), $"history's last state differs in '{field.Name}'");
    }

    [Fact]
    public async Task A_pemilik_named_in_the_structure_approves_with_their_own_account()
    {
        var structure = new
        {
            pemilik = new { name = "Kepala Dinas", position = "Kepala Dinas", userId = "kadis-dinkes" },
            koordinator = new { name = "Sekretaris", position = "Sekretaris" },
            pengelola = new[] { new { name = "Staf", position = "Pengelola" } },
        };
        var ctx = await Created(Operator("dinkes"), "/api/risks/contexts", RiskRequests.Context("dinkes", structure: structure));
        var url = $"/api/risks/contexts/{Id(ctx)}/approval";
        await Ok(Operator("dinkes").PostAsJsonAsync(url, RiskRequests.Step("ajukan")));
        await Ok(Operator("dinkes").PostAsJsonAsync(url, RiskRequests.Step("verifikasi")));
        var kadis = Factory.CreateClient();
        kadis.DefaultRequestHeaders.Authorization = new("Bearer",
            SpbeOps.ServiceDefaults.Auth.DevelopmentTokens.Create(TestAuth.SigningKey, "opd-operator", Instansi, "dinkes", subject: "kadis-dinkes"));
        var returned = await Ok(kadis.PostAsJsonAsync(url, RiskRequests.Step("kembalikan", "Sasaran belum terukur")));
        Assert.Equal("dikembalikan", returned.GetProperty("approvalStatus").GetString());
        Assert.Equal("pemilik", returned.GetProperty("approvalLog")[2].GetProperty("role").GetString());
    }
}
