namespace SpbeOps.Knowledge.Tests.Functional;

/// <summary>Articles over HTTP on the real PostgreSQL and RabbitMQ: the flow, versions, roles, OPD isolation, bad input, XSS.</summary>
public sealed class ArticlesApiTests(InfrastructureFixture infrastructure, KnowledgeHost host) : KnowledgeApiTest(infrastructure, host)
{
    [Fact]
    public async Task An_article_goes_draft_reviu_terbit_and_its_history_tells_every_version()
    {
        var author = Operator("dinkes");
        var id = Id(await Created(author, Articles, Body("dinkes")));
        await author.PutAsJsonAsync($"{Articles}/{id}", Body("dinkes", body: "Langkah **reset** kata sandi, versi 2.")).ShouldBe(HttpStatusCode.OK);
        await author.PostAsJsonAsync($"{Articles}/{id}/submission", new { note = "siap" }).ShouldBe(HttpStatusCode.OK);
        var published = await Ok(Admin().PostAsJsonAsync($"{Articles}/{id}/publication", new { note = "sesuai" }));
        Assert.Equal("terbit", published.GetProperty("status").GetString());
        Assert.Equal(2, published.GetProperty("revision").GetInt32());
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(12).ToString("yyyy-MM-dd"), published.GetProperty("reviewBy").GetString());

        var history = (await Ok(author.GetAsync($"{Articles}/{id}/history"))).EnumerateArray().ToList();
        Assert.Equal(["draf dibuat / drafted", "diperbarui / revised: body, revision", "diajukan untuk reviu / submitted for review", "diterbitkan / published"],
            history.Select(e => e.GetProperty("change").GetString()));
        // Each version carries the whole state: two versions' bodies can be compared (diff-able history).
        Assert.Equal("Langkah **reset** kata sandi.", history[0].GetProperty("state").GetProperty("body").GetString());
        Assert.Equal("Langkah **reset** kata sandi, versi 2.", history[1].GetProperty("state").GetProperty("body").GetString());

        var response = await author.GetAsync($"{Articles}/{id}").ShouldBe(HttpStatusCode.OK);
        Assert.Equal("\"4\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_each_field()
    {
        var client = Operator("dinkes");
        var response = await client.PostAsJsonAsync(Articles, new { opd = "Dinas Kesehatan", title = " ", body = "", tags = new[] { "" } }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "opd", "title", "body", "tags[0]" }, await response.FieldErrors(), strict: true);
        response = await client.PostAsJsonAsync(Articles, new { opd = "dinkes", title = new string('x', 301), body = "isi" }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["title"], await response.FieldErrors());
        response = await client.PostAsJsonAsync(Articles, new { opd = "dinkes", title = "judul", body = "a\u0000b" }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["body"], await response.FieldErrors());
        await client.GetAsync($"{Articles}?status=terhapus&pageSize=0").ShouldBe(HttpStatusCode.BadRequest);
        await client.GetAsync($"{Articles}/search?q=").ShouldBe(HttpStatusCode.BadRequest);

        var id = Id(await Created(client, Articles, Body("dinkes")));
        await client.PostAsJsonAsync($"{Articles}/{id}/submission", new { }).ShouldBe(HttpStatusCode.OK);
        var refused = await Admin().PostAsJsonAsync($"{Articles}/{id}/publication", new { reviewBy = "2001-01-01" }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["reviewBy"], await refused.FieldErrors());
        refused = await Admin().PostAsJsonAsync($"{Articles}/{id}/return", new { reason = " " }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["reason"], await refused.FieldErrors());
    }

    [Fact]
    public async Task Out_of_order_steps_are_409_with_their_rule_and_the_author_may_not_publish()
    {
        var author = Operator("dinkes");
        var id = Id(await Created(author, Articles, Body("dinkes")));
        AssertRule(await Problem(Admin().PostAsJsonAsync($"{Articles}/{id}/publication", new { }), HttpStatusCode.Conflict), "not-in-review");
        AssertRule(await Problem(Admin().PostAsJsonAsync($"{Articles}/{id}/review-confirmation", new { reviewBy = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd") }), HttpStatusCode.Conflict), "not-published");
        await author.PostAsJsonAsync($"{Articles}/{id}/submission", new { }).ShouldBe(HttpStatusCode.OK);
        AssertRule(await Problem(author.PostAsJsonAsync($"{Articles}/{id}/submission", new { }), HttpStatusCode.Conflict), "not-a-draft");
        AssertRule(await Problem(author.PutAsJsonAsync($"{Articles}/{id}", Body("dinkes")), HttpStatusCode.Conflict), "in-review");
        AssertRule(await Problem(author.PostAsJsonAsync($"{Articles}/{id}/publication", new { }), HttpStatusCode.UnprocessableEntity), "reviewer-is-author");

        // A colleague of the same OPD reviews and returns it, then publishes the resubmission.
        var reviewer = Person("opd-operator", "kabid-dinkes", "dinkes");
        var returned = await Ok(reviewer.PostAsJsonAsync($"{Articles}/{id}/return", new { reason = "lengkapi langkah 3" }));
        Assert.Equal(("draft", "lengkapi langkah 3"), (returned.GetProperty("status").GetString(), returned.GetProperty("returnReason").GetString()));
        await author.PostAsJsonAsync($"{Articles}/{id}/submission", new { }).ShouldBe(HttpStatusCode.OK);
        await reviewer.PostAsJsonAsync($"{Articles}/{id}/publication", new { }).ShouldBe(HttpStatusCode.OK);

        await author.PostAsJsonAsync($"{Articles}/{id}/archive", new { reason = "diganti" }).ShouldBe(HttpStatusCode.OK);
        AssertRule(await Problem(author.PutAsJsonAsync($"{Articles}/{id}", Body("dinkes")), HttpStatusCode.Conflict), "archived-is-final");
        AssertRule(await Problem(author.PostAsJsonAsync($"{Articles}/{id}/archive", new { reason = "lagi" }), HttpStatusCode.Conflict), "archived-is-final");
    }

    [Fact]
    public async Task Unknown_ids_are_404_and_a_stale_if_match_is_412()
    {
        var client = Operator("dinkes");
        await client.GetAsync($"{Articles}/{Guid.NewGuid()}").ShouldBe(HttpStatusCode.NotFound);
        await client.GetAsync($"{Articles}/{Guid.NewGuid()}/rendered").ShouldBe(HttpStatusCode.NotFound);
        await client.PostAsJsonAsync($"{Articles}/{Guid.NewGuid()}/submission", new { }).ShouldBe(HttpStatusCode.NotFound);

        var id = Id(await Created(client, Articles, Body("dinkes")));
        await client.PutAsJsonAsync($"{Articles}/{id}", Body("dinkes", "Judul baru")).ShouldBe(HttpStatusCode.OK);
        var stale = new HttpRequestMessage(HttpMethod.Put, $"{Articles}/{id}") { Content = JsonContent.Create(Body("dinkes", "Judul lain")) };
        stale.Headers.IfMatch.Add(new("\"1\""));
        AssertRule(await Problem(client.SendAsync(stale), HttpStatusCode.PreconditionFailed), "stale-version");
    }

    [Fact]
    public async Task Another_opds_draft_is_404_but_its_published_articles_are_read_by_every_member()
    {
        var draft = Id(await Created(Operator("dinkes"), Articles, Body("dinkes", "Draf internal")));
        var published = await PublishedAsync("dinkes", "Panduan terbit");
        var other = Operator("dishub");

        await other.GetAsync($"{Articles}/{draft}").ShouldBe(HttpStatusCode.NotFound);
        await other.PutAsJsonAsync($"{Articles}/{draft}", Body("dinkes")).ShouldBe(HttpStatusCode.NotFound);
        await other.GetAsync($"{Articles}/{published}").ShouldBe(HttpStatusCode.OK);
        await other.GetAsync($"{Articles}/{published}/rendered").ShouldBe(HttpStatusCode.OK);
        await other.PutAsJsonAsync($"{Articles}/{published}", Body("dinkes")).ShouldBe(HttpStatusCode.Forbidden);
        await other.PostAsJsonAsync(Articles, Body("dinkes")).ShouldBe(HttpStatusCode.Forbidden);

        var seen = (await Ok(other.GetAsync(Articles))).GetProperty("items").EnumerateArray().Select(a => a.GetProperty("title").GetString()).ToList();
        Assert.Equal(["Panduan terbit"], seen);
        Assert.Equal(2, (await Ok(Admin().GetAsync($"{Articles}?opd=dinkes"))).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_auditor_reads_everything_and_writes_nothing()
    {
        var draft = Id(await Created(Operator("dinkes"), Articles, Body("dinkes")));
        var auditor = Auditor();
        await auditor.GetAsync($"{Articles}/{draft}").ShouldBe(HttpStatusCode.OK);
        await auditor.GetAsync($"{Articles}/{draft}/history").ShouldBe(HttpStatusCode.OK);
        await auditor.PostAsJsonAsync(Articles, Body("dinkes")).ShouldBe(HttpStatusCode.Forbidden);
        await auditor.PutAsJsonAsync($"{Articles}/{draft}", Body("dinkes")).ShouldBe(HttpStatusCode.Forbidden);
        await auditor.PostAsJsonAsync($"{Articles}/{draft}/archive", new { reason = "x" }).ShouldBe(HttpStatusCode.Forbidden);
        await auditor.PostAsJsonAsync($"{Articles}/from-source", new { opd = "dinkes", sourceService = "security", sourceKind = "incident", sourceId = "INC-1", title = "t", body = "b" })
            .ShouldBe(HttpStatusCode.Forbidden);
        await auditor.PostAsJsonAsync("/api/knowledge/transfers", new { opd = "dinkes" }).ShouldBe(HttpStatusCode.Forbidden);
        await Person("security-officer", "so").PostAsJsonAsync(Articles, Body("dinkes")).ShouldBe(HttpStatusCode.Forbidden);
        await Anonymous().GetAsync(Articles).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[klik](javascript:alert(1))")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">a</a>")]
    [InlineData("[klik](JaVaScRiPt:alert(1))")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    public async Task Markdown_is_rendered_without_any_script(string payload)
    {
        var client = Operator("dinkes");
        var id = Id(await Created(client, Articles, Body("dinkes", body: $"# Judul\n\n{payload}\n\n**tebal** [tautan](https://example.go.id)")));
        var html = (await Ok(client.GetAsync($"{Articles}/{id}/rendered"))).GetProperty("html").GetString()!;
        // Raw HTML is text (&lt;script&gt;): no element may carry a script, an event handler or a javascript: URL.
        Assert.DoesNotMatch(@"(?i)<(script|svg|iframe|object|embed)\b", html);
        Assert.DoesNotMatch(@"(?i)<[^>]*\s(on\w+\s*=|href\s*=\s*""?\s*javascript:|src\s*=\s*""?\s*javascript:)", html);
        Assert.Contains("<strong>tebal</strong>", html);
        Assert.Contains("href=\"https://example.go.id\"", html);
    }

    [Fact]
    public async Task A_draft_from_a_source_is_created_once()
    {
        var admin = Admin();
        var body = new
        {
            opd = "diskominfo", sourceService = "security", sourceKind = "incident", sourceId = "INC-2026-007",
            sourceReference = "Insiden defacement situs", title = "Pelajaran: defacement situs kelurahan", body = "Patch CMS tiap bulan.",
        };
        var first = await Created(admin, $"{Articles}/from-source", body);
        Assert.Equal("security", first.GetProperty("source").GetProperty("service").GetString());
        var again = await Ok(admin.PostAsJsonAsync($"{Articles}/from-source", body with { title = "judul lain" }));
        Assert.Equal(Id(first), Id(again));
        Assert.Equal("Pelajaran: defacement situs kelurahan", again.GetProperty("title").GetString());

        var refused = await admin.PostAsJsonAsync($"{Articles}/from-source", body with { sourceService = "email", sourceId = "" }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "sourceService", "sourceId" }, await refused.FieldErrors(), strict: true);
    }

    [Fact]
    public async Task Lists_filter_by_status_category_and_tag()
    {
        await PublishedAsync("dinkes", "Panduan VPN", tags: ["jaringan"]);
        await Created(Operator("dinkes"), Articles, Body("dinkes", "Draf jaringan", tags: ["jaringan"]));
        var admin = Admin();
        Assert.Equal(1, (await Ok(admin.GetAsync($"{Articles}?status=terbit"))).GetProperty("total").GetInt32());
        Assert.Equal(2, (await Ok(admin.GetAsync($"{Articles}?tag=jaringan&category=panduan"))).GetProperty("total").GetInt32());
        Assert.Equal(1, (await Ok(admin.GetAsync($"{Articles}?q=vpn"))).GetProperty("total").GetInt32());
        Assert.Equal(0, (await Ok(admin.GetAsync($"{Articles}?stale=true"))).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Two_versions_diff_line_by_line()
    {
        var author = Operator("dinkes");
        var id = Id(await Created(author, Articles, Body("dinkes", body: "Langkah 1\nLangkah 2")));
        await author.PutAsJsonAsync($"{Articles}/{id}", Body("dinkes", body: "Langkah 1\nLangkah 2b\nLangkah 3")).ShouldBe(HttpStatusCode.OK);
        var diff = await Ok(author.GetAsync($"{Articles}/{id}/diff?from=1&to=2"));
        Assert.Equal((1, 2), (diff.GetProperty("revisionFrom").GetInt32(), diff.GetProperty("revisionTo").GetInt32()));
        Assert.Equal([" Langkah 1", "-Langkah 2", "+Langkah 2b", "+Langkah 3"],
            diff.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("op").GetString() + l.GetProperty("text").GetString()));

        var bad = await author.GetAsync($"{Articles}/{id}/diff?from=0&to=9").ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "from", "to" }, await bad.FieldErrors(), strict: true);
        await Operator("dishub").GetAsync($"{Articles}/{id}/diff?from=1&to=2").ShouldBe(HttpStatusCode.NotFound);
    }
}
