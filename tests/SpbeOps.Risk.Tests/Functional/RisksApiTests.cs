using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SpbeOps.Contracts.Assets;

namespace SpbeOps.Risk.Tests.Functional;

public sealed class RisksApiTests(InfrastructureFixture infrastructure, RiskHost host) : RiskApiTestBase(infrastructure, host)
{
    [Fact]
    public async Task Assessment_derives_besaran_level_decision_and_priority()
    {
        await Context("diskominfo");
        var response = await Operator("diskominfo").PostAsJsonAsync("/api/risks", RiskRequests.Risk("diskominfo", 1, 5)).ShouldBe(HttpStatusCode.Created);
        var risk = await response.ReadJson();
        Assert.Equal(("R-001", 20, 4, "Tinggi", "jingga"), (risk.GetProperty("code").GetString(), risk.GetProperty("besaran").GetInt32(),
            risk.GetProperty("level").GetInt32(), risk.GetProperty("levelName").GetString(), risk.GetProperty("levelColour").GetString()));
        Assert.Equal(("Ya", true, 1), (risk.GetProperty("decision").GetString(), risk.GetProperty("assessmentComplete").GetBoolean(), risk.GetProperty("priority").GetInt32()));

        var second = await NewRisk("diskominfo", 5, 5);
        Assert.Equal("R-002", second.GetProperty("code").GetString());
        var first = await Ok(Operator("diskominfo").GetAsync(response.Headers.Location));
        Assert.Equal(2, first.GetProperty("priority").GetInt32()); // 25 outranks 20
    }

    [Fact]
    public async Task A_risk_needs_the_context_of_its_opd_and_year()
    {
        var problem = await Problem(Operator("dinkes").PostAsJsonAsync("/api/risks", RiskRequests.Risk("dinkes")), HttpStatusCode.UnprocessableEntity);
        AssertRule(problem, "context-required", "periodYear");
    }

    [Fact]
    public async Task Invalid_levels_unknown_categories_and_types_name_each_field_and_write_nothing()
    {
        await Context("diskominfo");
        var response = await Operator("diskominfo").PostAsJsonAsync("/api/risks", new
        {
            opd = "diskominfo", periodYear = 2026, riskType = "netral", @event = "", category = "cuaca", impactArea = "layanan-organisasi",
            likelihoodLevel = 6, impactLevel = 0,
        }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "riskType", "event", "category", "likelihoodLevel", "impactLevel" }, await response.FieldErrors(), strict: true);
        Assert.Equal(0, (await Ok(Admin().GetAsync("/api/risks"))).GetProperty("total").GetInt64());

        var missingScope = await Operator("diskominfo").PostAsJsonAsync("/api/risks", new { riskType = "negatif" }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "opd", "periodYear" }, await missingScope.FieldErrors(), strict: true);
    }

    [Fact]
    public async Task Risks_reference_only_assets_learned_from_the_assets_service()
    {
        await Context("diskominfo");
        var unknown = Guid.NewGuid();
        var problem = await Problem(Operator("diskominfo").PostAsJsonAsync("/api/risks", RiskRequests.Risk("diskominfo", assetIds: [unknown])), HttpStatusCode.UnprocessableEntity);
        AssertRule(problem, "known-asset", "assetIds[0]");

        var asset = Guid.NewGuid();
        var bus = Factory.Services.GetRequiredService<IBus>();
        await bus.Publish(new AssetChangedIntegrationEvent(Instansi, asset, 1, "diskominfo", "application", "SIMPEG", "pemanfaatan", "aplikasi-khusus", DateTimeOffset.UtcNow));
        var risk = await HttpAssertions.Eventually(async () =>
        {
            var r = await Operator("diskominfo").PostAsJsonAsync("/api/risks", RiskRequests.Risk("diskominfo", assetIds: [asset]));
            return r.StatusCode == HttpStatusCode.Created ? await r.ReadJson() : (System.Text.Json.JsonElement?)null;
        }, TimeSpan.FromSeconds(30), "the asset to be learned from its event");
        Assert.Equal(asset, risk!.Value.GetProperty("assetIds")[0].GetGuid());
    }

    [Fact]
    public async Task Treatment_options_follow_the_risk_type_and_the_residual_is_derived()
    {
        await Context("diskominfo");
        var op = Operator("diskominfo");
        var risk = await NewRisk("diskominfo", 5, 4); // 23
        var url = $"/api/risks/{Id(risk)}/treatments";

        AssertRule(await Problem(op.PostAsJsonAsync(url, RiskRequests.Treatment("eksploitasi")), HttpStatusCode.UnprocessableEntity), "option-fits-risk-type", "option");
        AssertRule(await Problem(op.PostAsJsonAsync(url, RiskRequests.Treatment("mitigasi", 5, 5)), HttpStatusCode.UnprocessableEntity), "residual-not-above-inherent");
        var bad = await op.PostAsJsonAsync(url, new { option = "mitigasi", residualLikelihoodLevel = 9 }).ShouldBe(HttpStatusCode.BadRequest);
        var badFields = await bad.FieldErrors();
        Assert.Contains("residualLikelihoodLevel", badFields);
        Assert.Contains("actionPlan", badFields);

        var created = await op.PostAsJsonAsync(url, RiskRequests.Treatment("mitigasi", 4, 4)).ShouldBe(HttpStatusCode.Created);
        var treated = await created.ReadJson();
        Assert.Equal((true, 19, true), (treated.GetProperty("treatmentDecided").GetBoolean(), treated.GetProperty("residualBesaran").GetInt32(), treated.GetProperty("residualAboveAppetite").GetBoolean()));
        var planId = treated.GetProperty("treatments")[0].GetProperty("id").GetGuid();
        Assert.EndsWith($"/treatments/{planId}", created.Headers.Location!.ToString());

        var revised = await Ok(op.PutAsJsonAsync($"{url}/{planId}", RiskRequests.Treatment("transfer", 2, 2)));
        Assert.Equal((7, false, "transfer"), (revised.GetProperty("residualBesaran").GetInt32(), revised.GetProperty("residualAboveAppetite").GetBoolean(),
            revised.GetProperty("treatments")[0].GetProperty("option").GetString()));
        await op.PutAsJsonAsync($"{url}/{Guid.NewGuid()}", RiskRequests.Treatment()).ShouldBe(HttpStatusCode.NotFound);

        var positive = await NewRisk("diskominfo", 4, 4, "positif", "inovasi");
        await Created(op, $"/api/risks/{Id(positive)}/treatments", RiskRequests.Treatment("eksploitasi", 5, 5));
        AssertRule(await Problem(op.PostAsJsonAsync($"/api/risks/{Id(positive)}/treatments", RiskRequests.Treatment("mitigasi")), HttpStatusCode.UnprocessableEntity), "option-fits-risk-type");

        var removed = await Ok(op.DeleteAsync($"{url}/{planId}"));
        Assert.False(removed.GetProperty("treatmentDecided").GetBoolean());
        Assert.Equal(JsonNull, removed.GetProperty("residualBesaran").ValueKind);
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task List_filters_by_opd_period_category_level_status_and_appetite_in_priority_order()
    {
        await Context("diskominfo");
        await Context("dinkes");
        var low = await NewRisk("diskominfo", 1, 1, category: "keamanan-spbe");   // 1, below appetite
        var high = await NewRisk("diskominfo", 5, 5, category: "keamanan-spbe");  // 25
        var mid = await NewRisk("diskominfo", 3, 3, category: "layanan-spbe");    // 14
        await NewRisk("dinkes", 2, 2);

        var all = await Ok(Admin().GetAsync("/api/risks?opd=diskominfo&periodYear=2026"));
        Assert.Equal([Id(high), Id(mid), Id(low)], all.GetProperty("items").EnumerateArray().Select(Id));
        Assert.Equal([1, 2, 3], all.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("priority").GetInt32()));
        Assert.Equal(3, all.GetProperty("total").GetInt64());

        Assert.Equal([Id(high), Id(low)], (await Ok(Admin().GetAsync("/api/risks?opd=diskominfo&category=keamanan-spbe"))).GetProperty("items").EnumerateArray().Select(Id));
        Assert.Equal([Id(high)], (await Ok(Admin().GetAsync("/api/risks?level=5"))).GetProperty("items").EnumerateArray().Select(Id));
        Assert.Equal(2, (await Ok(Admin().GetAsync("/api/risks?opd=diskominfo&aboveAppetite=true"))).GetProperty("total").GetInt64());
        Assert.Equal(4, (await Ok(Auditor().GetAsync("/api/risks?status=draft"))).GetProperty("total").GetInt64());
        Assert.Equal(0, (await Ok(Admin().GetAsync("/api/risks?periodYear=2025"))).GetProperty("total").GetInt64());
        Assert.Equal(3, (await Ok(Operator("diskominfo").GetAsync("/api/risks?opd=dinkes"))).GetProperty("total").GetInt64()); // an operator sees its own OPD
        var page = await Ok(Admin().GetAsync("/api/risks?opd=diskominfo&pageSize=2&page=2"));
        Assert.Equal([Id(low)], page.GetProperty("items").EnumerateArray().Select(Id));

        var bad = await Admin().GetAsync("/api/risks?status=selesai&level=9&riskType=x").ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "status", "level", "riskType" }, await bad.FieldErrors(), strict: true);
    }

    [Fact]
    public async Task Operator_of_one_opd_cannot_read_or_write_another_opds_risks()
    {
        await Context("dinkes");
        var risk = await NewRisk("dinkes");
        var op = Operator("diskominfo");
        await op.GetAsync($"/api/risks/{Id(risk)}").ShouldBe(HttpStatusCode.NotFound);
        await op.GetAsync($"/api/risks/{Id(risk)}/history").ShouldBe(HttpStatusCode.NotFound);
        await op.PutAsJsonAsync($"/api/risks/{Id(risk)}", RiskRequests.Risk("dinkes")).ShouldBe(HttpStatusCode.NotFound);
        await op.PostAsJsonAsync($"/api/risks/{Id(risk)}/treatments", RiskRequests.Treatment()).ShouldBe(HttpStatusCode.NotFound);
        await op.PostAsJsonAsync($"/api/risks/{Id(risk)}/approval", RiskRequests.Step("ajukan")).ShouldBe(HttpStatusCode.NotFound);
        await op.PostAsJsonAsync("/api/risks", RiskRequests.Risk("dinkes")).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Auditor_reads_every_risk_and_never_writes()
    {
        await Context("dinkes");
        var risk = await NewRisk("dinkes");
        await Ok(Auditor().GetAsync($"/api/risks/{Id(risk)}"));
        await Auditor().PostAsJsonAsync("/api/risks", RiskRequests.Risk("dinkes")).ShouldBe(HttpStatusCode.Forbidden);
        await Auditor().PutAsJsonAsync($"/api/risks/{Id(risk)}", RiskRequests.Risk("dinkes")).ShouldBe(HttpStatusCode.Forbidden);
        await Auditor().PostAsJsonAsync($"/api/risks/{Id(risk)}/treatments", RiskRequests.Treatment()).ShouldBe(HttpStatusCode.Forbidden);
        await Auditor().PostAsJsonAsync($"/api/risks/{Id(risk)}/withdrawal", new { reason = "x" }).ShouldBe(HttpStatusCode.Forbidden);
        await Auditor().PostAsJsonAsync($"/api/risks/{Id(risk)}/approval", RiskRequests.Step("ajukan")).ShouldBe(HttpStatusCode.Forbidden);
        Assert.Equal(1, (await Ok(Auditor().GetAsync($"/api/risks/{Id(risk)}"))).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Approval_needs_a_complete_assessment_and_an_edit_reopens_an_approved_risk()
    {
        await Context("diskominfo");
        var op = Operator("diskominfo");
        var incomplete = await Created(op, "/api/risks", RiskRequests.Risk("diskominfo", cause: null));
        AssertRule(await Problem(op.PostAsJsonAsync($"/api/risks/{Id(incomplete)}/approval", RiskRequests.Step("ajukan")), HttpStatusCode.UnprocessableEntity),
            "assessment-complete-before-submit", "cause");

        var risk = await NewRisk("diskominfo");
        var url = $"/api/risks/{Id(risk)}/approval";
        await Ok(op.PostAsJsonAsync(url, RiskRequests.Step("ajukan")));
        await op.PostAsJsonAsync($"/api/risks/{Id(risk)}/treatments", RiskRequests.Treatment()).ShouldBe(HttpStatusCode.Conflict);
        var returned = await Ok(op.PostAsJsonAsync(url, RiskRequests.Step("kembalikan", "Penyebab kurang rinci")));
        Assert.Equal("dikembalikan", returned.GetProperty("approvalStatus").GetString());
        await Ok(op.PutAsJsonAsync($"/api/risks/{Id(risk)}", RiskRequests.Risk("diskominfo", cause: "Catu daya tunggal tanpa genset")));
        await Ok(op.PostAsJsonAsync(url, RiskRequests.Step("ajukan")));
        await Ok(op.PostAsJsonAsync(url, RiskRequests.Step("verifikasi")));
        var approved = await Ok(Admin().PostAsJsonAsync(url, RiskRequests.Step("setujui")));
        Assert.Equal("disetujui", approved.GetProperty("approvalStatus").GetString());

        var edited = await Ok(op.PutAsJsonAsync($"/api/risks/{Id(risk)}", RiskRequests.Risk("diskominfo", 3, 3)));
        Assert.Equal(("draft", 8L), (edited.GetProperty("approvalStatus").GetString(), edited.GetProperty("version").GetInt64()));
        var history = await Ok(op.GetAsync($"/api/risks/{Id(risk)}/history"));
        Assert.Equal(Enumerable.Range(1, 8).Select(v => (long)v), history.EnumerateArray().Select(h => h.GetProperty("version").GetInt64()));
        Assert.Equal("Penyebab kurang rinci", history[2].GetProperty("comment").GetString());

        // Events carry only what changed, and folding them gives back the stored record, field for field.
        Assert.Equal(["cause"], history[3].GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        var stored = await Ok(op.GetAsync($"/api/risks/{Id(risk)}"));
        var folded = history[history.GetArrayLength() - 1].GetProperty("state");
        foreach (var field in stored.EnumerateObject().Where(f => f.Name != "priority"))   // priority is computed when read
            Assert.True(JsonElement.DeepEquals(field.Value, folded.GetProperty(field.Name)), $"history's last state differs in '{field.Name}'");
    }

    [Fact]
    public async Task Withdrawn_risk_leaves_the_register_and_cannot_change()
    {
        await Context("diskominfo");
        var op = Operator("diskominfo");
        var risk = await NewRisk("diskominfo");
        Assert.Equal(["reason"], await (await op.PostAsJsonAsync($"/api/risks/{Id(risk)}/withdrawal", new { reason = "" })).FieldErrors());
        var withdrawn = await Ok(op.PostAsJsonAsync($"/api/risks/{Id(risk)}/withdrawal", new { reason = "Duplikat R-002" }));
        Assert.True(withdrawn.GetProperty("withdrawn").GetBoolean());
        AssertRule(await Problem(op.PutAsJsonAsync($"/api/risks/{Id(risk)}", RiskRequests.Risk("diskominfo")), HttpStatusCode.Conflict), "withdrawn-is-final");
        Assert.Equal(0, (await Ok(op.GetAsync("/api/risks"))).GetProperty("total").GetInt64());
        Assert.Equal(1, (await Ok(op.GetAsync("/api/risks?includeWithdrawn=true"))).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Risk_codes_are_unique_within_a_register_and_the_context_cannot_change()
    {
        await Context("diskominfo");
        var op = Operator("diskominfo");
        await Created(op, "/api/risks", RiskRequests.Risk("diskominfo", code: "KS-01"));
        AssertRule(await Problem(op.PostAsJsonAsync("/api/risks", RiskRequests.Risk("diskominfo", code: "KS-01")), HttpStatusCode.Conflict), "unique-risk-code", "code");
        var other = await NewRisk("diskominfo");
        var moved = await op.PutAsJsonAsync($"/api/risks/{Id(other)}", RiskRequests.Risk("diskominfo", year: 2025)).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["periodYear"], await moved.FieldErrors());
    }

    [Fact]
    public async Task Malformed_json_is_a_400_naming_the_field()
    {
        var content = new StringContent("""{"opd":"dinkes","periodYear":2026,"likelihoodLevel":"tinggi"}""", System.Text.Encoding.UTF8, "application/json");
        var response = await Operator("dinkes").PostAsync("/api/risks", content).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Contains("likelihoodLevel", await response.FieldErrors());
    }
}
