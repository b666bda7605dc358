namespace SpbeOps.ServiceManagement.Tests.Functional;

public sealed class ChangesApiTests(InfrastructureFixture infrastructure, ServiceManagementHost host) : ServiceManagementApiTest(infrastructure, host)
{
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow.AddDays(2);

    [Fact]
    public async Task A_change_goes_from_submission_through_the_cab_to_its_review_and_closure()
    {
        var serviceId = Id(await Created(Admin(), Services, Service("dinkes")));
        var op = Operator("dinkes");
        var id = Id(await Created(op, Changes, Change("dinkes", services: [serviceId])));
        var assessed = await Ok(Admin().PostAsJsonAsync($"{Changes}/{id}/assessment",
            new { likelihood = 2, impact = 4, note = "berdampak ke puskesmas", approvers = new[] { "diskominfo-admin" }, quorum = 1 }));
        Assert.Equal(("dinilai", "analisis", 13), (assessed.GetProperty("status").GetString(), assessed.GetProperty("phase").GetString(),
            assessed.GetProperty("assessment").GetProperty("besaran").GetInt32()));
        await op.PostAsJsonAsync($"{Changes}/{id}/votes", new { approve = true }).ShouldBe(HttpStatusCode.Forbidden);
        await Admin().PostAsJsonAsync($"{Changes}/{id}/votes", new { approve = true, reason = "sesuai" }).ShouldBe(HttpStatusCode.OK);
        await op.PostAsJsonAsync($"{Changes}/{id}/schedule", new { windowStart = Start, windowEnd = Start.AddHours(3) }).ShouldBe(HttpStatusCode.OK);

        // Another change in an overlapping window on the same service is shown as a conflict.
        var other = Id(await Created(Admin(), Changes, Change("dinkes", services: [serviceId], type: "standar", templateName: "Pembaruan sertifikat TLS",
            windowStart: Start.AddHours(1), windowEnd: Start.AddHours(2))));
        var conflicts = await Ok(op.GetAsync($"{Changes}/{id}/conflicts"));
        Assert.Equal(other, Assert.Single(conflicts.EnumerateArray()).GetProperty("id").GetGuid());

        await op.PostAsJsonAsync($"{Changes}/{id}/implementation", new { note = "dipasang" }).ShouldBe(HttpStatusCode.OK);
        var implemented = await Ok(op.GetAsync($"{Changes}/{id}"));
        Assert.True(implemented.GetProperty("outsideWindow").GetBoolean());
        await op.PostAsJsonAsync($"{Changes}/{id}/review", new { success = true, incidentsCaused = 0, lessons = "jadwalkan sesuai jendela" }).ShouldBe(HttpStatusCode.OK);
        var closed = await Ok(op.PostAsync($"{Changes}/{id}/closure", null));
        Assert.Equal("ditutup", closed.GetProperty("status").GetString());
        Assert.Equal(1, (await Ok(op.GetAsync($"{Changes}?reached=direviu"))).GetProperty("items").GetArrayLength());
        await Admin().GetAsync($"{Changes}/export").ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Bad_input_out_of_order_steps_and_unknown_services_have_their_answers()
    {
        var op = Operator("dinkes");
        var bad = await op.PostAsJsonAsync(Changes, new { opd = "dinkes", title = "", type = "cepat", category = "jaringan", windowStart = Start }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "title", "type", "category", "implementationPlan", "backoutPlan", "windowEnd" }, await bad.FieldErrors(), strict: true);
        AssertRule(await Problem(op.PostAsJsonAsync(Changes, Change("dinkes", services: [Guid.NewGuid()])), HttpStatusCode.UnprocessableEntity), "unknown-service", "services");
        var id = Id(await Created(op, Changes, Change("dinkes")));
        AssertRule(await Problem(op.PostAsJsonAsync($"{Changes}/{id}/implementation", new { }), HttpStatusCode.Conflict), "status-flow");
        var invalid = await Admin().PostAsJsonAsync($"{Changes}/{id}/assessment", new { likelihood = 9, approvers = Array.Empty<string>() }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "likelihood", "impact", "approvers", "quorum" }, await invalid.FieldErrors(), strict: true);
        await Admin().PostAsJsonAsync($"{Changes}/{Guid.NewGuid()}/closure", new { }).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_security_officer_approves_security_changes_and_writes_nothing_else()
    {
        var keamanan = Id(await Created(Operator("dinkes"), Changes, Change("dinkes", category: "keamanan")));
        var aplikasi = Id(await Created(Operator("dinkes"), Changes, Change("dinkes")));
        var assessment = new { likelihood = 3, impact = 3, approvers = new[] { "diskominfo-admin", "security-officer" }, quorum = 1 };
        await Admin().PostAsJsonAsync($"{Changes}/{keamanan}/assessment", assessment).ShouldBe(HttpStatusCode.OK);
        await Admin().PostAsJsonAsync($"{Changes}/{aplikasi}/assessment", assessment).ShouldBe(HttpStatusCode.OK);

        var security = SecurityOfficer();
        await security.PostAsJsonAsync($"{Changes}/{aplikasi}/votes", new { approve = true }).ShouldBe(HttpStatusCode.Forbidden);
        var approved = await Ok(security.PostAsJsonAsync($"{Changes}/{keamanan}/votes", new { approve = true, reason = "kendali akses memadai" }));
        Assert.Equal("disetujui", approved.GetProperty("status").GetString());
        await security.PostAsJsonAsync(Changes, Change("dinkes")).ShouldBe(HttpStatusCode.Forbidden);

        await Auditor().GetAsync($"{Changes}/{keamanan}").ShouldBe(HttpStatusCode.OK);
        await Auditor().PostAsJsonAsync($"{Changes}/{keamanan}/schedule", new { windowStart = Start, windowEnd = Start.AddHours(1) }).ShouldBe(HttpStatusCode.Forbidden);
        await Walidata().PostAsJsonAsync(Changes, Change("dinkes")).ShouldBe(HttpStatusCode.Forbidden);
        await Operator("dishub").GetAsync($"{Changes}/{keamanan}").ShouldBe(HttpStatusCode.NotFound);
        Assert.Equal(0, (await Ok(Operator("dishub").GetAsync(Changes))).GetProperty("items").GetArrayLength());
    }
}
