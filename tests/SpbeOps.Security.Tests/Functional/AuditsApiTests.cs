namespace SpbeOps.Security.Tests.Functional;

/// <summary>Security audit engagements and the governance records of 22 and 31 over HTTP.</summary>
public sealed class AuditsApiTests(InfrastructureFixture infrastructure, SecurityHost host) : SecurityApiTest(infrastructure, host)
{
    private const string Route = "/api/security/audits";

    private static object Internal(DateOnly? start = null, Guid[]? targets = null) => new
    {
        title = "Audit keamanan internal 2026", auditorType = "internal", auditor = "Inspektorat Kota", plannedStart = start ?? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-40),
        covers = new[] { "keamanan-aplikasi", "keamanan-infrastruktur" }, standard = "Peraturan BSSN 8/2024", targetAssetIds = targets ?? [],
    };

    [Fact]
    public async Task An_audit_goes_through_its_stages_and_its_findings_are_followed_up()
    {
        var officer = Officer();
        var asset = await LearnAsset("diskominfo");
        var id = Id(await Created(officer, Route, Internal(targets: [asset])));
        AssertRule(await Problem(officer.PostAsJsonAsync($"{Route}/{id}/findings", new { title = "TLS lemah", severity = "sedang" }), HttpStatusCode.Conflict),
            "findings-after-fieldwork");
        AssertRule(await Problem(officer.PostAsJsonAsync($"{Route}/{id}/stage", new { stage = "pelaporan" }), HttpStatusCode.Conflict), "audit-stage-order", "stage");
        await officer.PostAsJsonAsync($"{Route}/{id}/stage", new { stage = "pelaksanaan" }).ShouldBe(HttpStatusCode.OK);
        var withFinding = await Created(officer, $"{Route}/{id}/findings", new { title = "TLS lemah", severity = "sedang", dueDate = "2027-01-31" });
        var findingId = withFinding.GetProperty("findings")[0].GetProperty("id").GetGuid();
        await officer.PostAsJsonAsync($"{Route}/{id}/stage", new { stage = "pelaporan" }).ShouldBe(HttpStatusCode.OK);
        var done = await Ok(officer.PutAsJsonAsync($"{Route}/{id}/findings/{findingId}", new { title = "TLS lemah", severity = "sedang", status = "selesai", followUp = "TLS 1.2+" }));
        Assert.Equal("selesai", done.GetProperty("findings")[0].GetProperty("status").GetString());
        await officer.PutAsJsonAsync($"{Route}/{id}/findings/{Guid.NewGuid()}", new { title = "x", severity = "rendah" }).ShouldBe(HttpStatusCode.NotFound);

        var stages = await Ok(Operator("dinkes").GetAsync($"{Route}/{id}/stages"));
        Assert.Equal(["perencanaan", "pelaksanaan", "pelaporan"], stages.EnumerateArray().Select(e => e.GetProperty("stage").GetString()));
        Assert.Equal("TLS lemah", (await Ok(Auditor().GetAsync($"{Route}/{id}/findings")))[0].GetProperty("title").GetString());
        await Walidata().GetAsync($"{Route}/{id}/findings").ShouldBe(HttpStatusCode.Forbidden);
        await officer.GetAsync($"{Route}/{Guid.NewGuid()}/stages").ShouldBe(HttpStatusCode.NotFound);

        var history = await Ok(Operator("dinkes").GetAsync($"{Route}/{id}/history"));
        Assert.Equal(5, history.GetArrayLength());
        await officer.PostAsJsonAsync($"{Route}/{id}/withdrawal", new { reason = "uji" }).ShouldBe(HttpStatusCode.OK);
        AssertRule(await Problem(officer.PutAsJsonAsync($"{Route}/{id}", Internal()), HttpStatusCode.Conflict), "withdrawn-is-final");
        Assert.Equal(0, (await Ok(officer.GetAsync(Route))).GetArrayLength());
        Assert.Equal(1, (await Ok(officer.GetAsync($"{Route}?includeWithdrawn=true"))).GetArrayLength());
    }

    [Fact]
    public async Task Only_diskominfo_and_the_security_officer_write_audits()
    {
        var id = Id(await Created(Admin(), Route, Internal()));
        await Operator("dinkes").PostAsJsonAsync(Route, Internal()).ShouldBe(HttpStatusCode.Forbidden);
        await Operator("dinkes").GetAsync($"{Route}/{id}").ShouldBe(HttpStatusCode.OK);
        await Auditor().PutAsJsonAsync($"{Route}/{id}", Internal()).ShouldBe(HttpStatusCode.Forbidden);
        await Auditor().PostAsJsonAsync($"{Route}/{id}/stage", new { stage = "pelaksanaan" }).ShouldBe(HttpStatusCode.Forbidden);
        await Walidata().GetAsync($"{Route}/{id}").ShouldBe(HttpStatusCode.Forbidden);
        await Officer().GetAsync($"{Route}/{Guid.NewGuid()}").ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_audit_input_is_a_400_naming_each_field_and_unknown_targets_a_422()
    {
        var officer = Officer();
        var response = await officer.PostAsJsonAsync(Route, new { title = "", auditorType = "eksternal", covers = new[] { "keamanan-dapur" } }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "title", "auditor", "plannedStart", "covers[0]", "certificateNumber", "certificateValidUntil" }, await response.FieldErrors(), strict: true);
        AssertRule(await Problem(officer.PostAsJsonAsync(Route, Internal(targets: [Guid.NewGuid()])), (HttpStatusCode)422), "known-asset", "targetAssetIds[0]");
        var query = await officer.GetAsync($"{Route}?stage=selesai&auditorType=teman&year=1800").ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "stage", "auditorType", "year" }, await query.FieldErrors(), strict: true);
    }

    [Fact]
    public async Task Governance_records_of_22_and_31_are_kept_here()
    {
        var officer = Officer();
        await Created(officer, "/api/security/governance/policies", new
        {
            indicator = 22, title = "Strategi Keamanan Informasi", kind = "strategi", number = "1/2026", issuer = "tim-koordinasi-spbe",
            date = "2026-01-10", validFrom = "2026-01-10", allOpd = true,
        });
        var wrong = await officer.PostAsJsonAsync("/api/security/governance/programmes", new { indicator = 24, title = "x", allOpd = true, date = "2026-01-01", endDate = "2026-12-31", activities = new[] { "a" } })
            .ShouldBe(HttpStatusCode.BadRequest);
        Assert.Contains("indicator", await wrong.FieldErrors());
        await Auditor().PostAsJsonAsync("/api/security/governance/programmes", new { indicator = 31, title = "x", allOpd = true, date = "2026-01-01", endDate = "2026-12-31", activities = new[] { "a" } })
            .ShouldBe(HttpStatusCode.Forbidden);
        Assert.Equal(1, (await Ok(Operator("dinkes").GetAsync("/api/security/governance?indicator=22"))).GetArrayLength());
    }
}
