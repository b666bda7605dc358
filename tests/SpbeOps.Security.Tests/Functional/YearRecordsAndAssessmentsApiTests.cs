namespace SpbeOps.Security.Tests.Functional;

/// <summary>Vulnerability assessments, the scope and the work programme over HTTP.</summary>
public sealed class YearRecordsAndAssessmentsApiTests(InfrastructureFixture infrastructure, SecurityHost host) : SecurityApiTest(infrastructure, host)
{
    private const string Assessments = "/api/security/assessments";
    private static string Today(int offset = 0) => DateTime.UtcNow.AddDays(offset).ToString("yyyy-MM-dd");

    private static object Pentest(string opd, Guid[]? targets = null) => new
    {
        opd, kind = "uji-penetrasi", title = "Uji penetrasi portal", conductedOn = Today(-7), assessor = "Tim CSIRT Kota", targetAssetIds = targets ?? [],
    };

    [Fact]
    public async Task The_security_officer_records_assessments_an_operator_reads_its_own_and_late_findings_are_found()
    {
        var asset = await LearnAsset("diskominfo");
        await Operator("diskominfo").PostAsJsonAsync(Assessments, Pentest("diskominfo")).ShouldBe(HttpStatusCode.Forbidden);
        var op = Officer();
        var id = Id(await Created(op, Assessments, Pentest("diskominfo", [asset])));
        var finding = await Created(op, $"{Assessments}/{id}/findings", new { title = "SQL injection pada pencarian", severity = "kritis", dueDate = Today(-1) });
        var findingId = finding.GetProperty("findings")[0].GetProperty("id").GetGuid();
        Assert.Equal(id, Id(Assert.Single((await Ok(Auditor().GetAsync($"{Assessments}?lateFindings=true"))).GetProperty("items").EnumerateArray())));
        await op.PutAsJsonAsync($"{Assessments}/{id}/findings/{findingId}", new { title = "SQL injection pada pencarian", severity = "kritis", status = "selesai", followUp = "Query berparameter" })
            .ShouldBe(HttpStatusCode.OK);
        Assert.Equal(0, (await Ok(Officer().GetAsync($"{Assessments}?lateFindings=true"))).GetProperty("items").GetArrayLength());
        Assert.Equal("selesai", (await Ok(Operator("diskominfo").GetAsync($"{Assessments}/{id}/findings")))[0].GetProperty("status").GetString());
        await Operator("diskominfo").PostAsJsonAsync($"{Assessments}/{id}/findings", new { title = "x", severity = "rendah" }).ShouldBe(HttpStatusCode.Forbidden);

        var other = Operator("dinkes");
        await other.GetAsync($"{Assessments}/{id}").ShouldBe(HttpStatusCode.NotFound);
        await other.GetAsync($"{Assessments}/{id}/findings").ShouldBe(HttpStatusCode.NotFound);
        await other.PostAsJsonAsync($"{Assessments}/{id}/withdrawal", new { reason = "x" }).ShouldBe(HttpStatusCode.NotFound);
        await Auditor().PostAsJsonAsync($"{Assessments}/{id}/withdrawal", new { reason = "x" }).ShouldBe(HttpStatusCode.Forbidden);
        await op.PostAsJsonAsync($"{Assessments}/{id}/withdrawal", new { reason = "duplikat" }).ShouldBe(HttpStatusCode.OK);
        AssertRule(await Problem(op.PutAsJsonAsync($"{Assessments}/{id}", Pentest("diskominfo")), HttpStatusCode.Conflict), "withdrawn-is-final");
        Assert.Equal(4, (await Ok(Auditor().GetAsync($"{Assessments}/{id}/history"))).GetArrayLength());
    }

    [Fact]
    public async Task Bad_assessment_input_is_a_400_naming_each_field_and_unknown_targets_a_422()
    {
        var officer = Officer();
        var response = await officer.PostAsJsonAsync(Assessments, new { opd = "?", kind = "tebak", conductedOn = "2999-01-01" }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "opd", "kind", "title", "conductedOn", "assessor" }, await response.FieldErrors(), strict: true);
        AssertRule(await Problem(officer.PostAsJsonAsync(Assessments, Pentest("dinkes", [Guid.NewGuid()])), (HttpStatusCode)422), "known-asset", "targetAssetIds[0]");
        var query = await officer.GetAsync($"{Assessments}?kind=x&opd=A").ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "kind", "opd" }, await query.FieldErrors(), strict: true);
        await officer.PostAsJsonAsync($"{Assessments}/{Guid.NewGuid()}/findings", new { title = "x", severity = "rendah" }).ShouldBe(HttpStatusCode.NotFound);
        await Walidata().GetAsync(Assessments).ShouldBe(HttpStatusCode.Forbidden);
    }

    private static object Scope(int year, Guid[]? apps = null) => new
    {
        year, penanggungJawab = new { name = "Sekretaris Daerah", position = "Koordinator SPBE" },
        pelaksanaTeknis = new { name = "Kepala Diskominfo", position = "Pelaksana teknis keamanan" },
        data = new[] { "Data kependudukan", "Data kepegawaian" }, applicationIds = apps ?? [], policies = new[] { "Perwali 4/2022" },
    };

    [Fact]
    public async Task The_scope_is_one_per_year_and_names_known_applications()
    {
        var year = DateTime.UtcNow.Year;
        var app = await LearnAsset("diskominfo");
        var officer = Officer();
        var id = Id(await Created(officer, "/api/security/scope", Scope(year, [app])));
        AssertRule(await Problem(officer.PostAsJsonAsync("/api/security/scope", Scope(year)), HttpStatusCode.Conflict), "unique-year", "year");
        AssertRule(await Problem(officer.PostAsJsonAsync("/api/security/scope", Scope(year - 1, [Guid.NewGuid()])), (HttpStatusCode)422), "known-asset", "applicationIds[0]");
        await Operator("dinkes").PostAsJsonAsync("/api/security/scope", Scope(year - 1)).ShouldBe(HttpStatusCode.Forbidden);
        await Auditor().PutAsJsonAsync($"/api/security/scope/{id}", Scope(year)).ShouldBe(HttpStatusCode.Forbidden);
        var bad = await officer.PutAsJsonAsync($"/api/security/scope/{id}", new { year = year + 1, penanggungJawab = new { name = "" } }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "year", "penanggungJawab.name", "penanggungJawab.position", "pelaksanaTeknis" }, await bad.FieldErrors(), strict: true);
        Assert.Equal(year, (await Ok(Operator("dinkes").GetAsync("/api/security/scope")))[0].GetProperty("year").GetInt32());
    }

    [Fact]
    public async Task The_work_programme_holds_the_mandatory_activities_and_records_what_is_done()
    {
        var year = DateTime.UtcNow.Year;
        object Activity(string key, string? done = null) => new { key, plannedFrom = $"{year}-01-15", plannedTo = $"{year}-12-15", doneOn = done };
        var keys = new[] { "edukasi-kesadaran", "penilaian-kerentanan", "peningkatan-keamanan", "penanganan-insiden", "audit-keamanan" };
        var officer = Officer();
        AssertRule(await Problem(officer.PostAsJsonAsync("/api/security/programme", new { year, activities = keys.Skip(1).Select(k => Activity(k)) }), (HttpStatusCode)422),
            "mandatory-activities", "activities");
        var programme = await Created(officer, "/api/security/programme", new { year, activities = keys.Select(k => Activity(k)) });
        var revised = await Ok(officer.PutAsJsonAsync($"/api/security/programme/{Id(programme)}", new { activities = keys.Select((k, i) => Activity(k, i == 0 ? Today(-1) : null)) }));
        Assert.Equal(1, revised.GetProperty("done").GetInt32());
        AssertRule(await Problem(officer.PostAsJsonAsync("/api/security/programme", new { year, activities = keys.Select(k => Activity(k)) }), HttpStatusCode.Conflict), "unique-year");
        var bad = await officer.PostAsJsonAsync("/api/security/programme", new { year = 1800, activities = new[] { new { key = "", plannedFrom = "x" } } }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.NotEmpty(await bad.FieldErrors());
        await Operator("dinkes").PostAsJsonAsync("/api/security/programme", new { year = year + 1, activities = keys.Select(k => Activity(k)) }).ShouldBe(HttpStatusCode.Forbidden);
        await Walidata().GetAsync("/api/security/programme").ShouldBe(HttpStatusCode.Forbidden);
        Assert.Equal(2, (await Ok(Auditor().GetAsync($"/api/security/programme/{Id(programme)}/history"))).GetArrayLength());
    }

    [Fact]
    public async Task The_audit_coverage_shows_each_in_scope_target_last_audit_and_when_the_next_is_due()
    {
        var (app, server) = (await LearnAsset("diskominfo"), await LearnAsset("diskominfo"));
        var officer = Officer();
        var scope = Id(await Created(officer, "/api/security/scope", new
        {
            year = DateTime.UtcNow.Year, penanggungJawab = new { name = "Sekda", position = "Koordinator SPBE" }, pelaksanaTeknis = new { name = "Kadis", position = "Pelaksana" },
            applicationIds = new[] { app }, infrastructureIds = new[] { server },
        }));
        var audit = Id(await Created(officer, "/api/security/audits", new
        {
            title = "Audit aplikasi portal", auditorType = "internal", auditor = "Inspektorat", plannedStart = Today(-30), covers = new[] { "keamanan-aplikasi" },
            targetAssetIds = new[] { app },
        }));
        var planned = (await Ok(Auditor().GetAsync($"/api/security/scope/{scope}/audit-coverage"))).EnumerateArray().ToDictionary(c => c.GetProperty("assetId").GetGuid());
        Assert.True(planned[app].GetProperty("planned").GetBoolean());
        Assert.True(planned[app].GetProperty("overdue").GetBoolean()); // never audited yet
        Assert.Equal("SIMPUS", planned[app].GetProperty("name").GetString());

        await officer.PostAsJsonAsync($"/api/security/audits/{audit}/stage", new { stage = "pelaksanaan", on = Today(-20) }).ShouldBe(HttpStatusCode.OK);
        await officer.PostAsJsonAsync($"/api/security/audits/{audit}/stage", new { stage = "pelaporan", on = Today(-10) }).ShouldBe(HttpStatusCode.OK);
        var coverage = (await Ok(Operator("dinkes").GetAsync($"/api/security/scope/{scope}/audit-coverage"))).EnumerateArray().ToDictionary(c => c.GetProperty("assetId").GetGuid());
        Assert.Equal((Today(-10), false, false), (coverage[app].GetProperty("lastAuditedOn").GetString(), coverage[app].GetProperty("overdue").GetBoolean(),
            coverage[app].GetProperty("planned").GetBoolean()));
        Assert.Equal(DateTime.UtcNow.AddDays(-10).AddYears(2).ToString("yyyy-MM-dd"), coverage[app].GetProperty("dueOn").GetString());
        Assert.Equal(("infrastruktur", true), (coverage[server].GetProperty("kind").GetString(), coverage[server].GetProperty("overdue").GetBoolean()));
        await officer.GetAsync($"/api/security/scope/{Guid.NewGuid()}/audit-coverage").ShouldBe(HttpStatusCode.NotFound);
    }
}
