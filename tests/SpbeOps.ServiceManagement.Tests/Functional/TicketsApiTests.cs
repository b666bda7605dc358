namespace SpbeOps.ServiceManagement.Tests.Functional;

public sealed class TicketsApiTests(InfrastructureFixture infrastructure, ServiceManagementHost host) : ServiceManagementApiTest(infrastructure, host)
{
    [Fact]
    public async Task A_ticket_is_raised_assigned_worked_by_the_assigned_opd_and_closed_with_a_rating()
    {
        var serviceId = Id(await Created(Admin(), Services, Service("diskominfo")));
        var dinkes = Operator("dinkes");
        var ticket = await Created(dinkes, Tickets, Ticket("dinkes", serviceId: serviceId));
        var id = Id(ticket);
        Assert.Equal(("tinggi", 30, 240, "baru"), (ticket.GetProperty("priority").GetString(), ticket.GetProperty("ttoTargetMinutes").GetInt32(),
            ticket.GetProperty("ttrTargetMinutes").GetInt32(), ticket.GetProperty("status").GetString()));

        var kominfo = Operator("diskominfo");
        await kominfo.GetAsync($"{Tickets}/{id}").ShouldBe(HttpStatusCode.NotFound);
        await Admin().PostAsJsonAsync($"{Tickets}/{id}/assignment", new { opd = "diskominfo", team = "Tim Aplikasi" }).ShouldBe(HttpStatusCode.OK);
        // The assigned OPD now sees and works it.
        Assert.Equal(1, (await Ok(kominfo.GetAsync(Tickets))).GetProperty("items").GetArrayLength());
        await kominfo.PostAsJsonAsync($"{Tickets}/{id}/status", new { status = "dikerjakan" }).ShouldBe(HttpStatusCode.OK);
        await kominfo.PostAsJsonAsync($"{Tickets}/{id}/status", new { status = "menunggu-pengguna", note = "mohon tangkapan layar" }).ShouldBe(HttpStatusCode.OK);
        Assert.True((await Ok(dinkes.GetAsync($"{Tickets}/{id}/sla"))).GetProperty("paused").GetBoolean());
        await dinkes.PostAsJsonAsync($"{Tickets}/{id}/comments", new { text = "Tangkapan layar terlampir" }).ShouldBe(HttpStatusCode.OK);
        await kominfo.PostAsJsonAsync($"{Tickets}/{id}/status", new { status = "dikerjakan" }).ShouldBe(HttpStatusCode.OK);
        await kominfo.PostAsJsonAsync($"{Tickets}/{id}/status", new { status = "selesai", note = "Sertifikat diperbarui" }).ShouldBe(HttpStatusCode.OK);
        var closed = await Ok(dinkes.PostAsJsonAsync($"{Tickets}/{id}/status", new { status = "ditutup", satisfaction = 5 }));
        Assert.Equal(5, closed.GetProperty("satisfaction").GetInt32());
        Assert.Equal(1, (await Ok(dinkes.GetAsync($"{Tickets}?reached=selesai"))).GetProperty("items").GetArrayLength());

        var history = await Ok(dinkes.GetAsync($"{Tickets}/{id}/history"));
        Assert.Equal(8, history.GetArrayLength());
        var report = await Ok(Admin().GetAsync($"{Tickets}/sla-report"));
        var row = Assert.Single(report.GetProperty("rows").EnumerateArray());
        Assert.Equal(("Sistem Informasi Puskesmas", 1, 1), (row.GetProperty("service").GetString(), row.GetProperty("handled").GetInt32(), row.GetProperty("ttrMet").GetInt32()));
        var export = await Admin().GetAsync($"{Tickets}/export").ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Bad_input_out_of_order_steps_unknown_references_and_stale_writes_have_their_answers()
    {
        var dinkes = Operator("dinkes");
        var bad = await dinkes.PostAsJsonAsync(Tickets, new { opd = "dinkes", kind = "bug", title = "", impact = "besar" }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "kind", "title", "impact", "urgency" }, await bad.FieldErrors(), strict: true);
        AssertRule(await Problem(dinkes.PostAsJsonAsync(Tickets, Ticket("dinkes", serviceId: Guid.NewGuid())), HttpStatusCode.UnprocessableEntity), "unknown-service", "serviceId");
        await dinkes.GetAsync($"{Tickets}?status=lama").ShouldBe(HttpStatusCode.BadRequest);

        var id = Id(await Created(dinkes, Tickets, Ticket("dinkes")));
        AssertRule(await Problem(dinkes.PostAsJsonAsync($"{Tickets}/{id}/status", new { status = "selesai", note = "x" }), HttpStatusCode.Conflict), "status-flow");
        AssertRule(await Problem(dinkes.PostAsJsonAsync($"{Tickets}/{id}/links", new { incidents = new[] { Guid.NewGuid() } }), HttpStatusCode.UnprocessableEntity), "incidents-need-problem");
        await dinkes.PostAsJsonAsync($"{Tickets}/{Guid.NewGuid()}/comments", new { text = "x" }).ShouldBe(HttpStatusCode.NotFound);

        await dinkes.PostAsJsonAsync($"{Tickets}/{id}/comments", new { text = "pertama" }).ShouldBe(HttpStatusCode.OK);
        var stale = new HttpRequestMessage(HttpMethod.Post, $"{Tickets}/{id}/comments") { Content = JsonContent.Create(new { text = "basi" }) };
        stale.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"1\""));
        AssertRule(await Problem(dinkes.SendAsync(stale), HttpStatusCode.PreconditionFailed), "stale-version");

        // A problem links known incidents only.
        var problem = Id(await Created(dinkes, Tickets, Ticket("dinkes", kind: "masalah", title: "Sertifikat kedaluwarsa berulang")));
        AssertRule(await Problem(dinkes.PostAsJsonAsync($"{Tickets}/{problem}/links", new { incidents = new[] { Guid.NewGuid() } }), HttpStatusCode.UnprocessableEntity), "unknown-incident");
        // An article the Knowledge service has not told about refuses the whole link: the incidents are not linked either.
        AssertRule(await Problem(dinkes.PostAsJsonAsync($"{Tickets}/{problem}/links", new { incidents = new[] { id }, knowledgeArticleId = Guid.NewGuid() }),
            HttpStatusCode.UnprocessableEntity), "unknown-article", "knowledgeArticleId");
        Assert.Equal(0, (await Ok(dinkes.GetAsync($"{Tickets}/{problem}"))).GetProperty("incidents").GetArrayLength());
        var linked = await Ok(dinkes.PostAsJsonAsync($"{Tickets}/{problem}/links", new { incidents = new[] { id } }));
        Assert.Equal(1, linked.GetProperty("incidents").GetArrayLength());
    }

    [Fact]
    public async Task The_role_matrix_holds_and_another_opds_ticket_is_404()
    {
        var id = Id(await Created(Operator("dinkes"), Tickets, Ticket("dinkes")));
        var dishub = Operator("dishub");
        await dishub.GetAsync($"{Tickets}/{id}").ShouldBe(HttpStatusCode.NotFound);
        await dishub.PostAsJsonAsync($"{Tickets}/{id}/comments", new { text = "x" }).ShouldBe(HttpStatusCode.NotFound);
        Assert.Equal(0, (await Ok(dishub.GetAsync($"{Tickets}?opd=dinkes"))).GetProperty("items").GetArrayLength());
        await dishub.PostAsJsonAsync(Tickets, Ticket("dinkes")).ShouldBe(HttpStatusCode.Forbidden);

        foreach (var reader in new[] { Auditor(), SecurityOfficer(), Walidata() })
        {
            await reader.GetAsync($"{Tickets}/{id}").ShouldBe(HttpStatusCode.OK);
            await reader.PostAsJsonAsync($"{Tickets}/{id}/comments", new { text = "x" }).ShouldBe(HttpStatusCode.Forbidden);
            await reader.PostAsJsonAsync(Tickets, Ticket("dinkes")).ShouldBe(HttpStatusCode.Forbidden);
        }
    }
}

public sealed class TicketToChangeTests(InfrastructureFixture infrastructure, ServiceManagementHost host) : ServiceManagementApiTest(infrastructure, host)
{
    [Fact]
    public async Task A_change_ticket_routes_to_a_linked_change_request_once()
    {
        var dinkes = Operator("dinkes");
        var id = Id(await Created(dinkes, Tickets, Ticket("dinkes", kind: "perubahan", title: "Tambah modul rujukan di SIMPUS")));
        var body = new { title = "Modul rujukan SIMPUS", type = "normal", category = "aplikasi", implementationPlan = "Pasang modul", backoutPlan = "Copot modul" };
        var bad = await dinkes.PostAsJsonAsync($"{Tickets}/{id}/change-request", new { title = "" }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Contains("title", await bad.FieldErrors());
        await Operator("dishub").PostAsJsonAsync($"{Tickets}/{id}/change-request", body).ShouldBe(HttpStatusCode.NotFound);
        await Auditor().PostAsJsonAsync($"{Tickets}/{id}/change-request", body).ShouldBe(HttpStatusCode.Forbidden);

        var change = await Created(dinkes, $"{Tickets}/{id}/change-request", body);
        Assert.Equal(("dinkes", "diajukan"), (change.GetProperty("opd").GetString(), change.GetProperty("status").GetString()));
        var ticket = await Ok(dinkes.GetAsync($"{Tickets}/{id}"));
        Assert.Equal(Id(change), ticket.GetProperty("changeRequestId").GetGuid());
        AssertRule(await Problem(dinkes.PostAsJsonAsync($"{Tickets}/{id}/change-request", body), HttpStatusCode.Conflict), "change-request-linked");

        var incident = Id(await Created(dinkes, Tickets, Ticket("dinkes")));
        AssertRule(await Problem(dinkes.PostAsJsonAsync($"{Tickets}/{incident}/change-request", body), HttpStatusCode.UnprocessableEntity), "change-request-required");
    }
}
