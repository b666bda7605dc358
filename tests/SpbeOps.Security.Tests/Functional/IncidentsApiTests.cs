namespace SpbeOps.Security.Tests.Functional;

/// <summary>Incidents over HTTP: the flow, the CSIRT's steps, filters, the summary and OPD isolation.</summary>
public sealed class IncidentsApiTests(InfrastructureFixture infrastructure, SecurityHost host) : SecurityApiTest(infrastructure, host)
{
    private const string Route = "/api/security/incidents";

    private static object Body(string opd, string severity = "tinggi", int hoursAgo = 2, string title = "Halaman muka situs diubah") => new
    {
        opd, title, category = "web-defacement", severity, detectedAt = DateTimeOffset.UtcNow.AddHours(-hoursAgo), reporter = "Operator Dinkes",
        impact = new[] { "keutuhan", "ketersediaan" },
    };

    private static Task<HttpResponseMessage> Step(HttpClient client, Guid id, string status, object? extra = null) =>
        client.PostAsJsonAsync($"{Route}/{id}/steps", extra ?? new { status });

    [Fact]
    public async Task An_operator_reports_the_csirt_steps_it_through_and_a_high_incident_closes_with_its_lessons()
    {
        var dinkes = Operator("dinkes");
        var id = Id(await Created(dinkes, Route, Body("dinkes")));
        await dinkes.PostAsJsonAsync($"{Route}/{id}/timeline", new { note = "Tangkapan layar dikirim ke Diskominfo" }).ShouldBe(HttpStatusCode.OK);
        await Step(dinkes, id, "ditriase").ShouldBe(HttpStatusCode.Forbidden);
        await dinkes.PostAsJsonAsync($"{Route}/{id}/escalation", new { to = "bssn" }).ShouldBe(HttpStatusCode.Forbidden);

        var csirt = Officer();
        AssertRule(await Problem(Step(csirt, id, "ditangani"), HttpStatusCode.Conflict), "incident-step-order", "status");
        var triaged = await Ok(Step(csirt, id, "ditriase"));
        Assert.True(triaged.GetProperty("hoursToTriage").GetDouble() >= 2);
        await csirt.PostAsJsonAsync($"{Route}/{id}/escalation", new { to = "csirt-instansi", reference = "CSIRT-PGK-2026-07" }).ShouldBe(HttpStatusCode.OK);
        await Step(csirt, id, "ditangani").ShouldBe(HttpStatusCode.OK);
        await Step(csirt, id, "dipulihkan").ShouldBe(HttpStatusCode.OK);
        AssertRule(await Problem(Step(csirt, id, "ditutup"), (HttpStatusCode)422), "lessons-before-close", "rootCause");
        var closed = await Ok(Step(csirt, id, "ditutup", new { status = "ditutup", rootCause = "Plugin CMS usang", lessonsLearned = "Pembaruan CMS bulanan" }));
        Assert.Equal("ditutup", closed.GetProperty("status").GetString());
        AssertRule(await Problem(dinkes.PostAsJsonAsync($"{Route}/{id}/timeline", new { note = "lagi" }), HttpStatusCode.Conflict), "closed-is-final");

        var timeline = await Ok(dinkes.GetAsync($"{Route}/{id}/timeline"));
        Assert.Equal(["dilaporkan", null, "ditriase", null, "ditangani", "dipulihkan", "ditutup"],
            timeline.EnumerateArray().Select(e => e.GetProperty("status").GetString()));
        await Operator("dishub").GetAsync($"{Route}/{id}/timeline").ShouldBe(HttpStatusCode.NotFound);

        var history = await Ok(Auditor().GetAsync($"{Route}/{id}/history"));
        Assert.Equal(7, history.GetArrayLength());
        Assert.Equal("status: ditutup", history[6].GetProperty("change").GetString());
    }

    [Fact]
    public async Task Another_opds_incident_is_404_and_never_listed()
    {
        var id = Id(await Created(Operator("dinkes"), Route, Body("dinkes")));
        var dishub = Operator("dishub");
        await dishub.GetAsync($"{Route}/{id}").ShouldBe(HttpStatusCode.NotFound);
        await dishub.GetAsync($"{Route}/{id}/history").ShouldBe(HttpStatusCode.NotFound);
        await dishub.PutAsJsonAsync($"{Route}/{id}", Body("dishub")).ShouldBe(HttpStatusCode.NotFound);
        await dishub.PostAsJsonAsync($"{Route}/{id}/timeline", new { note = "x" }).ShouldBe(HttpStatusCode.NotFound);
        await dishub.PostAsJsonAsync(Route, Body("dinkes")).ShouldBe(HttpStatusCode.Forbidden);
        Assert.Equal(0, (await Ok(dishub.GetAsync($"{Route}?opd=dinkes"))).GetProperty("items").GetArrayLength());
        Assert.Empty((await Ok(dishub.GetAsync($"{Route}/summary"))).EnumerateArray());
        Assert.Equal(1, (await Ok(Auditor().GetAsync(Route))).GetProperty("items").GetArrayLength());
        await Auditor().PostAsJsonAsync(Route, Body("dinkes")).ShouldBe(HttpStatusCode.Forbidden);
        await Auditor().PutAsJsonAsync($"{Route}/{id}", Body("dinkes")).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Filters_and_the_summary_show_what_is_open_and_overdue()
    {
        var officer = Officer();
        var late = Id(await Created(officer, Route, Body("dinkes", "kritis", hoursAgo: 30, title: "Ransomware")));
        var fresh = Id(await Created(officer, Route, Body("dinkes", "rendah", hoursAgo: 1)));
        var other = Id(await Created(officer, Route, Body("dishub", "sedang", hoursAgo: 5)));
        await Step(officer, other, "ditriase").ShouldBe(HttpStatusCode.OK);
        await Step(officer, other, "ditangani").ShouldBe(HttpStatusCode.OK);
        await Step(officer, other, "dipulihkan").ShouldBe(HttpStatusCode.OK);

        var overdue = await Ok(officer.GetAsync($"{Route}?overdue=true"));
        Assert.Equal(late, Id(Assert.Single(overdue.GetProperty("items").EnumerateArray())));
        Assert.Equal(fresh, Id(Assert.Single((await Ok(officer.GetAsync($"{Route}?severity=rendah"))).GetProperty("items").EnumerateArray())));
        Assert.Equal(other, Id(Assert.Single((await Ok(officer.GetAsync($"{Route}?status=dipulihkan&opd=dishub"))).GetProperty("items").EnumerateArray())));
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        Assert.Equal(3, (await Ok(officer.GetAsync($"{Route}?from=2026-01-01&to={today}"))).GetProperty("items").GetArrayLength());

        var summary = (await Ok(Admin().GetAsync($"{Route}/summary"))).EnumerateArray().ToDictionary(s => s.GetProperty("opd").GetString()!);
        Assert.Equal((2, 2, 1), (summary["dinkes"].GetProperty("total").GetInt32(), summary["dinkes"].GetProperty("open").GetInt32(), summary["dinkes"].GetProperty("overdue").GetInt32()));
        Assert.Equal(0, summary["dishub"].GetProperty("open").GetInt32());
        Assert.True(summary["dishub"].GetProperty("meanHoursToRecover").GetDouble() >= 5);
        // An operator's summary is its own OPD's.
        Assert.Equal("dinkes", Assert.Single((await Ok(Operator("dinkes").GetAsync($"{Route}/summary"))).EnumerateArray()).GetProperty("opd").GetString());
    }

    [Fact]
    public async Task Bad_incident_input_is_a_400_naming_each_field()
    {
        var officer = Officer();
        var response = await officer.PostAsJsonAsync(Route, new { opd = "Dinkes!", title = "", category = "gempa", severity = "parah", impact = new[] { "rahasia" } })
            .ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "opd", "title", "category", "severity", "detectedAt", "impact[0]" }, await response.FieldErrors(), strict: true);
        var future = await officer.PostAsJsonAsync(Route, new { opd = "dinkes", title = "x", category = "phishing", severity = "rendah", detectedAt = DateTimeOffset.UtcNow.AddDays(1) })
            .ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["detectedAt"], await future.FieldErrors());
        var query = await officer.GetAsync($"{Route}?severity=parah&status=hilang&from=2026-05-01&to=2026-01-01").ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "severity", "status", "to" }, await query.FieldErrors(), strict: true);
        var unbound = await officer.GetAsync($"{Route}?overdue=kadang").ShouldBe(HttpStatusCode.BadRequest);
        Assert.Contains("overdue", await unbound.FieldErrors());

        var id = Id(await Created(officer, Route, Body("dinkes")));
        var step = await Step(officer, id, "selesai").ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["status"], await step.FieldErrors());
        await Step(officer, Guid.NewGuid(), "ditriase").ShouldBe(HttpStatusCode.NotFound);
        var escalation = await officer.PostAsJsonAsync($"{Route}/{id}/escalation", new { to = "polisi" }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["to"], await escalation.FieldErrors());
        AssertRule(await Problem(officer.PostAsJsonAsync(Route, new
        {
            opd = "dinkes", title = "x", category = "malware-ransomware", severity = "sedang", detectedAt = DateTimeOffset.UtcNow.AddHours(-1),
            affectedAssetIds = new[] { Guid.NewGuid() },
        }), (HttpStatusCode)422), "known-asset", "affectedAssetIds[0]");
        var asset = await LearnAsset("dinkes");
        await Created(officer, Route, new { opd = "dinkes", title = "x", category = "malware-ransomware", severity = "sedang", detectedAt = DateTimeOffset.UtcNow.AddHours(-1), affectedAssetIds = new[] { asset } });
    }
}
