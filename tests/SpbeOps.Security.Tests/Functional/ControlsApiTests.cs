namespace SpbeOps.Security.Tests.Functional;

/// <summary>The control catalogue and the implementations per OPD, over HTTP on real PostgreSQL and RabbitMQ.</summary>
public sealed class ControlsApiTests(InfrastructureFixture infrastructure, SecurityHost host) : SecurityApiTest(infrastructure, host)
{
    private const string Controls = "/api/security/controls";
    private const string Implementations = "/api/security/implementations";

    [Fact]
    public async Task Adopting_the_baseline_twice_adds_it_once()
    {
        Assert.All((await Ok(Auditor().GetAsync($"{Controls}/baseline"))).EnumerateArray(), c => Assert.False(c.GetProperty("adopted").GetBoolean()));
        var first = await Ok(Officer().PutAsync($"{Controls}/baseline", null));
        var count = first.GetProperty("added").GetArrayLength();
        Assert.True(count >= 27);
        var second = await Ok(Admin().PutAsync($"{Controls}/baseline", null));
        Assert.Equal((0, count), (second.GetProperty("added").GetArrayLength(), second.GetProperty("existing").GetArrayLength()));
        Assert.Equal(count, (await Ok(Operator("dinkes").GetAsync(Controls))).GetArrayLength());
        Assert.Equal(13, (await Ok(Auditor().GetAsync($"{Controls}?area=aplikasi"))).GetArrayLength());
        var baseline = await Ok(Auditor().GetAsync($"{Controls}/baseline"));
        Assert.Equal(count, baseline.GetArrayLength());
        Assert.All(baseline.EnumerateArray(), c => Assert.True(c.GetProperty("adopted").GetBoolean()));
    }

    [Fact]
    public async Task Own_controls_are_unique_by_code_revised_with_if_match_and_retired_for_good()
    {
        var officer = Officer();
        var control = await Created(officer, Controls, new { code = "own-01", area = "pusat-data", title = "Kamera CCTV ruang server", property = "kerahasiaan" });
        Assert.Equal("OWN-01", control.GetProperty("code").GetString());
        AssertRule(await Problem(officer.PostAsJsonAsync(Controls, new { code = "OWN-01", area = "aplikasi", title = "lain" }), HttpStatusCode.Conflict), "unique-control-code", "code");

        var id = Id(control);
        var stale = new HttpRequestMessage(HttpMethod.Put, $"{Controls}/{id}") { Content = JsonContent.Create(new { code = "OWN-01", area = "pusat-data", title = "x" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"7\"");
        await officer.SendAsync(stale).ShouldBe(HttpStatusCode.PreconditionFailed);
        await officer.PutAsJsonAsync($"{Controls}/{id}", new { code = "OWN-01", area = "pusat-data", title = "Kamera CCTV dan log akses", property = "kerahasiaan" }).ShouldBe(HttpStatusCode.OK);
        await officer.PostAsJsonAsync($"{Controls}/{id}/retirement", new { reason = "diganti PDT-02" }).ShouldBe(HttpStatusCode.OK);
        AssertRule(await Problem(officer.PutAsJsonAsync($"{Controls}/{id}", new { code = "OWN-01", area = "pusat-data", title = "x" }), HttpStatusCode.Conflict), "retired-is-final");

        var history = await Ok(Auditor().GetAsync($"{Controls}/{id}/history"));
        Assert.Equal(["ditambahkan / added (instansi)", "diperbarui / revised: title", "dipensiunkan / retired"],
            history.EnumerateArray().Select(e => e.GetProperty("change").GetString()));
        Assert.DoesNotContain((await Ok(officer.GetAsync(Controls))).EnumerateArray(), c => Id(c) == id);
        await officer.GetAsync($"{Controls}/{Guid.NewGuid()}").ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_control_input_is_a_400_naming_each_field()
    {
        var response = await Officer().PostAsJsonAsync(Controls, new { code = "", area = "dapur", title = " ", property = "rahasia" }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "code", "area", "title", "property" }, await response.FieldErrors(), strict: true);
        var nul = await Officer().PostAsJsonAsync(Controls, new { code = "X-1", area = "aplikasi", title = "x\u0000" }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["title"], await nul.FieldErrors());
        var query = await Officer().GetAsync($"{Controls}?area=dapur").ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["area"], await query.FieldErrors());
    }

    [Fact]
    public async Task Only_diskominfo_and_the_security_officer_keep_the_catalogue_and_walidata_has_no_access()
    {
        foreach (var client in new[] { Operator("dinkes"), Auditor() })
        {
            await client.PutAsync($"{Controls}/baseline", null).ShouldBe(HttpStatusCode.Forbidden);
            await client.PostAsJsonAsync(Controls, new { code = "X-1", area = "aplikasi", title = "x" }).ShouldBe(HttpStatusCode.Forbidden);
        }
        var walidata = Walidata();
        await walidata.GetAsync(Controls).ShouldBe(HttpStatusCode.Forbidden);
        await walidata.GetAsync(Implementations).ShouldBe(HttpStatusCode.Forbidden);
        await walidata.GetAsync("/api/security/incidents").ShouldBe(HttpStatusCode.Forbidden);
        await walidata.GetAsync("/api/security/audits").ShouldBe(HttpStatusCode.Forbidden);
        await walidata.GetAsync("/api/security/governance").ShouldBe(HttpStatusCode.Forbidden);
        await Anonymous().GetAsync(Controls).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_operator_keeps_its_own_opds_implementations_answering_known_risks()
    {
        var control = await Control();
        var risk = await LearnRisk("dinkes");
        var dinkes = Operator("dinkes");
        var created = await Created(dinkes, Implementations, new { opd = "dinkes", controlId = control, status = "sebagian", riskIds = new[] { risk }, owner = "Kasubag Umum" });
        var id = Id(created);
        Assert.Equal("APL-01", created.GetProperty("controlCode").GetString());
        AssertRule(await Problem(dinkes.PostAsJsonAsync(Implementations, new { opd = "dinkes", controlId = control, status = "penuh" }), HttpStatusCode.Conflict),
            "unique-implementation", "controlId");

        var unknown = Guid.NewGuid();
        AssertRule(await Problem(dinkes.PutAsJsonAsync($"{Implementations}/{id}", new { status = "penuh", riskIds = new[] { risk, unknown } }),
            (HttpStatusCode)422), "known-risk", "riskIds[1]");
        var withdrawnRisk = await LearnRisk("dinkes", withdrawn: true);
        AssertRule(await Problem(dinkes.PutAsJsonAsync($"{Implementations}/{id}", new { status = "penuh", riskIds = new[] { withdrawnRisk } }),
            (HttpStatusCode)422), "known-risk", "riskIds[0]");
        AssertRule(await Problem(dinkes.PostAsJsonAsync(Implementations, new { opd = "dinkes", controlId = Guid.NewGuid(), status = "penuh" }),
            (HttpStatusCode)422), "known-control", "controlId");

        AssertRule(await Problem(dinkes.PostAsJsonAsync(Implementations, new { opd = "dinkes", controlCode = "NOPE-01", status = "penuh" }),
            (HttpStatusCode)422), "known-control", "controlCode");
        var byCode = await Created(dinkes, Implementations, new { opd = "dinkes", controlCode = "apl-02", status = "penuh" });
        Assert.Equal("APL-02", byCode.GetProperty("controlCode").GetString());
        var changedCode = await dinkes.PutAsJsonAsync($"{Implementations}/{Id(byCode)}", new { controlCode = "APL-03", status = "penuh" }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["controlCode"], await changedCode.FieldErrors());

        var revised = await Ok(dinkes.PutAsJsonAsync($"{Implementations}/{id}",
            new { status = "penuh", riskIds = new[] { risk }, lastTestedOn = "2026-01-15", lastTestResult = "efektif" }));
        Assert.Equal(2, revised.GetProperty("version").GetInt64());
        Assert.Equal("\"2\"", (await dinkes.GetAsync($"{Implementations}/{id}").ShouldBe(HttpStatusCode.OK)).Headers.ETag?.Tag);

        var dishub = Operator("dishub");
        await dishub.GetAsync($"{Implementations}/{id}").ShouldBe(HttpStatusCode.NotFound);
        await dishub.PutAsJsonAsync($"{Implementations}/{id}", new { status = "belum" }).ShouldBe(HttpStatusCode.NotFound);
        await dishub.PostAsJsonAsync(Implementations, new { opd = "dinkes", controlId = control, status = "penuh" }).ShouldBe(HttpStatusCode.Forbidden);
        Assert.Equal(0, (await Ok(dishub.GetAsync($"{Implementations}?opd=dinkes"))).GetProperty("items").GetArrayLength());
        await Auditor().PutAsJsonAsync($"{Implementations}/{id}", new { status = "belum" }).ShouldBe(HttpStatusCode.Forbidden);

        // The security officer writes every OPD's.
        await Created(Officer(), Implementations, new { opd = "dishub", controlId = control, status = "belum" });
        var all = await Ok(Auditor().GetAsync($"{Implementations}?riskBased=true"));
        Assert.Equal(id, Id(Assert.Single(all.GetProperty("items").EnumerateArray())));
        Assert.Equal(3, (await Ok(Auditor().GetAsync(Implementations))).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Bad_implementation_input_is_a_400_naming_each_field()
    {
        var response = await Officer().PostAsJsonAsync(Implementations,
            new { opd = "Dinas Kesehatan", status = "selesai", lastTestedOn = "2099-01-01", lastTestResult = "bagus" }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "opd", "controlId", "status", "lastTestedOn", "lastTestResult" }, await response.FieldErrors(), strict: true);
        var unreadable = await Officer().PostAsJsonAsync(Implementations, new { opd = "dinkes", controlId = "bukan-guid", status = "penuh" }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Contains("controlId", await unreadable.FieldErrors());
        var query = await Officer().GetAsync($"{Implementations}?status=x&pageSize=0").ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "status", "pageSize" }, await query.FieldErrors(), strict: true);
    }

    [Fact]
    public async Task The_openapi_document_describes_every_feature()
    {
        var paths = (await Ok(Anonymous().GetAsync("/openapi/v1.json"))).GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.All(new[]
        {
            "/api/security/controls", "/api/security/implementations", "/api/security/incidents/{id}/steps", "/api/security/assessments",
            "/api/security/audits/{id}/stage", "/api/security/scope", "/api/security/programme", "/api/security/import/implementations",
            "/api/security/governance/policies",
        }, p => Assert.Contains(p, paths));
    }
}
