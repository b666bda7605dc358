namespace SpbeOps.ServiceManagement.Tests.Functional;

public sealed class CatalogueApiTests(InfrastructureFixture infrastructure, ServiceManagementHost host) : ServiceManagementApiTest(infrastructure, host)
{
    [Fact]
    public async Task A_service_reads_back_keeps_operational_records_and_tells_its_history()
    {
        var op = Operator("diskominfo");
        var id = Id(await Created(op, Services, Service("diskominfo")));
        var operation = new { kind = "pemeliharaan-terencana", on = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd"), summary = "Pembaruan OS server", downtimeMinutes = 60 };
        var service = await Ok(op.PostAsJsonAsync($"{Services}/{id}/operations", operation));
        Assert.Equal(1, service.GetProperty("operationCount").GetInt32());
        Assert.Equal(1, (await Ok(op.GetAsync($"{Services}?operated=true"))).GetArrayLength());
        var history = await Ok(op.GetAsync($"{Services}/{id}/history"));
        Assert.Equal("didaftarkan / registered", history[0].GetProperty("change").GetString());
        Assert.Equal(2, history.GetArrayLength());
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_each_field_and_an_unknown_asset_a_422()
    {
        var response = await Admin().PostAsJsonAsync(Services, new { opd = "Dinkes", code = "A B", name = "", targets = new[] { new { priority = "segera", ttoMinutes = 0, ttrMinutes = 1 } } })
            .ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "opd", "code", "name", "hoursOfService", "targets[0].priority", "targets[0].ttoMinutes" }, await response.FieldErrors(), strict: true);
        var unknown = new { opd = "dinkes", code = "x1", name = "X", hoursOfService = "24/7", assets = new[] { Guid.NewGuid() } };
        AssertRule(await Problem(Admin().PostAsJsonAsync(Services, unknown), HttpStatusCode.UnprocessableEntity), "unknown-asset", "assets");
    }

    [Fact]
    public async Task The_code_is_unique_retirement_is_final_and_the_roles_hold()
    {
        var id = Id(await Created(Operator("dinkes"), Services, Service("dinkes")));
        await Admin().PostAsJsonAsync(Services, Service("dishub")).ShouldBe(HttpStatusCode.Conflict);
        await Operator("dishub").GetAsync($"{Services}/{id}").ShouldBe(HttpStatusCode.NotFound);
        await Operator("dishub").PostAsJsonAsync($"{Services}/{id}/retirement", new { reason = "x" }).ShouldBe(HttpStatusCode.NotFound);
        await Operator("dishub").PostAsJsonAsync(Services, Service("dinkes", "lain")).ShouldBe(HttpStatusCode.Forbidden);
        await Auditor().GetAsync($"{Services}/{id}").ShouldBe(HttpStatusCode.OK);
        await Auditor().PostAsJsonAsync($"{Services}/{id}/retirement", new { reason = "x" }).ShouldBe(HttpStatusCode.Forbidden);
        await Walidata().PostAsJsonAsync(Services, Service("dinkes", "w")).ShouldBe(HttpStatusCode.Forbidden);
        await SecurityOfficer().PutAsJsonAsync($"{Services}/{id}", Service("dinkes")).ShouldBe(HttpStatusCode.Forbidden);

        await Admin().PostAsJsonAsync($"{Services}/{id}/retirement", new { reason = "diganti aplikasi nasional" }).ShouldBe(HttpStatusCode.OK);
        AssertRule(await Problem(Admin().PutAsJsonAsync($"{Services}/{id}", Service("dinkes")), HttpStatusCode.Conflict), "service-retired");
        await Admin().GetAsync($"{Services}/{Guid.NewGuid()}").ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Settings_are_diskominfos_and_every_role_reads_them()
    {
        var defaults = await Ok(Operator("dinkes").GetAsync("/api/services/settings"));
        Assert.Equal(9, defaults.GetProperty("priorityMatrix").GetArrayLength());
        var body = new { calendar = new { utcOffsetHours = 7, holidays = new[] { "2026-12-25", "2027-01-01" } }, reopenWindowDays = 10 };
        await Operator("dinkes").PutAsJsonAsync("/api/services/settings", body).ShouldBe(HttpStatusCode.Forbidden);
        await Auditor().PutAsJsonAsync("/api/services/settings", body).ShouldBe(HttpStatusCode.Forbidden);
        await Admin().PutAsJsonAsync("/api/services/settings", body).ShouldBe(HttpStatusCode.OK);
        var saved = await Ok(Auditor().GetAsync("/api/services/settings"));
        Assert.Equal(2, saved.GetProperty("calendar").GetProperty("holidays").GetArrayLength());
        await Admin().PutAsJsonAsync("/api/services/settings", new { reopenWindowDays = 5 }).ShouldBe(HttpStatusCode.OK);
        var bad = await Admin().PutAsJsonAsync("/api/services/settings", new { reopenWindowDays = 500 }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["reopenWindowDays"], await bad.FieldErrors());
        Assert.Equal(2, (await Ok(Admin().GetAsync("/api/services/settings/history"))).GetArrayLength());
    }
}
