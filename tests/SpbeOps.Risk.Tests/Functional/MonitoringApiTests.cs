namespace SpbeOps.Risk.Tests.Functional;

public sealed class MonitoringApiTests(InfrastructureFixture infrastructure, RiskHost host) : RiskApiTestBase(infrastructure, host)
{
    [Fact]
    public async Task Quarterly_report_derives_current_besaran_and_trend_and_one_per_quarter()
    {
        await Context("diskominfo");
        var risk = await NewRisk("diskominfo", 4, 4); // 19
        var op = Operator("diskominfo");
        var response = await op.PostAsJsonAsync("/api/risks/monitoring", RiskRequests.Monitoring("diskominfo", Id(risk))).ShouldBe(HttpStatusCode.Created);
        var report = await response.ReadJson();
        var entry = report.GetProperty("entries")[0];
        Assert.Equal((11, "Sedang", "turun", "R-001"), (entry.GetProperty("besaran").GetInt32(), entry.GetProperty("levelName").GetString(),
            entry.GetProperty("trend").GetString(), entry.GetProperty("riskCode").GetString()));
        await Ok(op.GetAsync(response.Headers.Location));

        AssertRule(await Problem(op.PostAsJsonAsync("/api/risks/monitoring", RiskRequests.Monitoring("diskominfo", Id(risk))), HttpStatusCode.Conflict), "one-report-per-span", "quarter");
        await Created(op, "/api/risks/monitoring", RiskRequests.Monitoring("diskominfo", Id(risk), quarter: 2, reportedOn: "2026-07-02"));
        await Created(op, "/api/risks/monitoring", RiskRequests.Monitoring("diskominfo", Id(risk), kind: "insidental", reportedOn: "2026-03-01"));
        Assert.Equal(2, (await Ok(Auditor().GetAsync("/api/risks/monitoring?kind=triwulan"))).GetArrayLength());
    }

    [Fact]
    public async Task Bad_reports_name_the_field_and_rule()
    {
        await Context("diskominfo");
        var op = Operator("diskominfo");
        var bad = await op.PostAsJsonAsync("/api/risks/monitoring", new { opd = "diskominfo", periodYear = 2026, kind = "bulanan", entries = Array.Empty<object>() })
            .ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "kind", "reportedOn", "entries" }, await bad.FieldErrors(), strict: true);

        var early = await op.PostAsJsonAsync("/api/risks/monitoring", RiskRequests.Monitoring("diskominfo", Guid.NewGuid(), quarter: 3, reportedOn: "2026-06-30"))
            .ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["reportedOn"], await early.FieldErrors());

        AssertRule(await Problem(op.PostAsJsonAsync("/api/risks/monitoring", RiskRequests.Monitoring("diskominfo", Guid.NewGuid())), HttpStatusCode.UnprocessableEntity),
            "risk-in-register", "entries[0].riskId");
        AssertRule(await Problem(Operator("dinkes").PostAsJsonAsync("/api/risks/monitoring", RiskRequests.Monitoring("dinkes", Guid.NewGuid())), HttpStatusCode.UnprocessableEntity),
            "context-required");
        Assert.Equal(0, (await Ok(Admin().GetAsync("/api/risks/monitoring"))).GetArrayLength());
    }

    [Fact]
    public async Task Reports_are_revised_approved_and_kept_per_opd()
    {
        await Context("diskominfo");
        var risk = await NewRisk("diskominfo");
        var op = Operator("diskominfo");
        var report = await Created(op, "/api/risks/monitoring", RiskRequests.Monitoring("diskominfo", Id(risk)));
        var url = $"/api/risks/monitoring/{Id(report)}";

        await Operator("dinkes").GetAsync(url).ShouldBe(HttpStatusCode.NotFound);
        await Operator("dinkes").PostAsJsonAsync("/api/risks/monitoring", RiskRequests.Monitoring("diskominfo", Id(risk), quarter: 2, reportedOn: "2026-04-02")).ShouldBe(HttpStatusCode.Forbidden);
        await Auditor().PutAsJsonAsync(url, RiskRequests.Monitoring("diskominfo", Id(risk))).ShouldBe(HttpStatusCode.Forbidden);

        var revised = await Ok(op.PutAsJsonAsync(url, RiskRequests.Monitoring("diskominfo", Id(risk), reportedOn: "2026-04-10")));
        Assert.Equal(("2026-04-10", 2L), (revised.GetProperty("reportedOn").GetString(), revised.GetProperty("version").GetInt64()));
        await Ok(op.PostAsJsonAsync($"{url}/approval", RiskRequests.Step("ajukan")));
        await Ok(op.PostAsJsonAsync($"{url}/approval", RiskRequests.Step("verifikasi")));
        var approved = await Ok(Admin().PostAsJsonAsync($"{url}/approval", RiskRequests.Step("setujui")));
        Assert.Equal("disetujui", approved.GetProperty("approvalStatus").GetString());
        Assert.Equal(5, (await Ok(op.GetAsync($"{url}/history"))).GetArrayLength());
    }
}
