using SpbeOps.Contracts.Assets;

namespace SpbeOps.Assets.Tests.Functional;

public sealed class AssetsApiTests(InfrastructureFixture infrastructure) : AssetsApiTest(infrastructure)
{
    [Fact]
    public async Task Registered_asset_is_returned_with_its_location_and_starts_in_perencanaan()
    {
        var response = await Operator("diskominfo").PostAsJsonAsync("/api/assets", AssetRequests.Laptop("diskominfo")).ShouldBe(HttpStatusCode.Created);
        var asset = await response.ReadJson();

        Assert.Equal("perencanaan", asset.GetProperty("stage").GetString());
        Assert.Equal(1, asset.GetProperty("version").GetInt64());
        var fetched = await (await Operator("diskominfo").GetAsync(response.Headers.Location).ShouldBe(HttpStatusCode.OK)).ReadJson();
        Assert.Equal(asset.GetProperty("id").GetGuid(), fetched.GetProperty("id").GetGuid());
        Assert.Equal("Lenovo", fetched.GetProperty("manufacturer").GetString());
    }

    [Fact]
    public async Task Asset_moves_through_the_whole_lifecycle_and_its_history_tells_each_step()
    {
        var client = Operator("dinkes");
        var id = (await Register(client, AssetRequests.Laptop("dinkes"))).GetProperty("id").GetGuid();
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");

        foreach (var stage in new[] { "pengadaan", "pemanfaatan", "penghapusan" })
            await client.PostAsJsonAsync($"/api/assets/{id}/transitions", new { to = stage, on = today, note = "BAST" }).ShouldBe(HttpStatusCode.OK);

        var history = await (await client.GetAsync($"/api/assets/{id}/history").ShouldBe(HttpStatusCode.OK)).ReadJson();
        Assert.Equal(["perencanaan", "pengadaan", "pemanfaatan", "penghapusan"], history.EnumerateArray().Select(e => e.GetProperty("state").GetProperty("stage").GetString()));
        Assert.Equal([1L, 2, 3, 4], history.EnumerateArray().Select(e => e.GetProperty("version").GetInt64()));
    }

    [Theory]
    [InlineData("perencanaan", "pemanfaatan")] // skipping pengadaan
    [InlineData("perencanaan", "perencanaan")]
    [InlineData("pemanfaatan", "pengadaan")]   // backwards
    public async Task Out_of_order_transition_is_refused_with_409_and_nothing_changes(string from, string to)
    {
        var client = Operator("dinkes");
        var id = (await Register(client, AssetRequests.Laptop("dinkes", from))).GetProperty("id").GetGuid();

        var response = await client.PostAsJsonAsync($"/api/assets/{id}/transitions", new { to, on = DateTime.UtcNow.ToString("yyyy-MM-dd") })
            .ShouldBe(HttpStatusCode.Conflict);
        var problem = await response.ReadJson();
        Assert.Equal("lifecycle-order", problem.GetProperty("rule").GetString());
        Assert.Contains(from, problem.GetProperty("detail").GetString());

        var asset = await (await client.GetAsync($"/api/assets/{id}")).ReadJson();
        Assert.Equal(from, asset.GetProperty("stage").GetString());
        Assert.Equal(1, asset.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Disposed_asset_cannot_move_or_change()
    {
        var client = Admin();
        var id = (await Register(client, AssetRequests.Laptop("dinkes", "pemanfaatan"))).GetProperty("id").GetGuid();
        await client.PostAsJsonAsync($"/api/assets/{id}/transitions", new { to = "penghapusan", on = DateTime.UtcNow.ToString("yyyy-MM-dd") }).ShouldBe(HttpStatusCode.OK);

        await client.PostAsJsonAsync($"/api/assets/{id}/transitions", new { to = "pemanfaatan", on = DateTime.UtcNow.ToString("yyyy-MM-dd") }).ShouldBe(HttpStatusCode.Conflict);
        await client.PutAsJsonAsync($"/api/assets/{id}", AssetRequests.Laptop("dinkes")).ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Invalid_registration_names_every_bad_field_and_writes_nothing()
    {
        var client = Operator("diskominfo");
        var response = await client.PostAsJsonAsync("/api/assets", new
        {
            opd = "Diskominfo Kota",
            kind = "computer",
            name = "",
            licenceSeats = -1,
            stage = "penghapusan",
        }).ShouldBe(HttpStatusCode.BadRequest);

        var fields = await response.FieldErrors();
        Assert.Equivalent(new[] { "opd", "kind", "name", "licenceSeats", "stage" }, fields, strict: false);
        var list = await (await Admin().GetAsync("/api/assets")).ReadJson();
        Assert.Equal(0, list.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Application_requires_its_register_fields()
    {
        var response = await Operator("diskominfo").PostAsJsonAsync("/api/assets", new
        {
            opd = "diskominfo",
            kind = "application",
            name = "e-Office",
            application = new { type = "aplikasi-lokal", platform = "web", hosting = "cloud", status = "aktif", url = "not a url" },
        }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "application.type", "application.url" }, await response.FieldErrors(), strict: true);
    }

    [Fact]
    public async Task Malformed_json_value_is_a_400_naming_the_field()
    {
        var content = new StringContent("""{"opd":"dinkes","kind":"hardware","name":"PC","licenceSeats":"many"}""", System.Text.Encoding.UTF8, "application/json");
        var response = await Operator("dinkes").PostAsync("/api/assets", content).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Contains("licenceSeats", await response.FieldErrors());
    }

    [Fact]
    public async Task Transition_without_a_date_or_to_an_unknown_stage_is_a_400()
    {
        var client = Operator("dinkes");
        var id = (await Register(client, AssetRequests.Laptop("dinkes"))).GetProperty("id").GetGuid();
        var response = await client.PostAsJsonAsync($"/api/assets/{id}/transitions", new { to = "dipakai" }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "to", "on" }, await response.FieldErrors(), strict: true);
    }

    [Fact]
    public async Task Unknown_asset_is_404_for_every_verb()
    {
        var client = Admin();
        var id = Guid.NewGuid();
        await client.GetAsync($"/api/assets/{id}").ShouldBe(HttpStatusCode.NotFound);
        await client.GetAsync($"/api/assets/{id}/history").ShouldBe(HttpStatusCode.NotFound);
        await client.PutAsJsonAsync($"/api/assets/{id}", AssetRequests.Laptop("dinkes")).ShouldBe(HttpStatusCode.NotFound);
        await client.PostAsJsonAsync($"/api/assets/{id}/transitions", new { to = "pengadaan", on = "2026-01-01" }).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Operator_never_sees_or_changes_another_opds_assets()
    {
        var dinkesAsset = (await Register(Operator("dinkes"), AssetRequests.Laptop("dinkes"))).GetProperty("id").GetGuid();
        await Register(Operator("diskominfo"), AssetRequests.Laptop("diskominfo"));
        var other = Operator("diskominfo");

        await other.GetAsync($"/api/assets/{dinkesAsset}").ShouldBe(HttpStatusCode.NotFound);
        await other.GetAsync($"/api/assets/{dinkesAsset}/history").ShouldBe(HttpStatusCode.NotFound);
        await other.PutAsJsonAsync($"/api/assets/{dinkesAsset}", AssetRequests.Laptop("diskominfo")).ShouldBe(HttpStatusCode.NotFound);
        await other.PostAsJsonAsync($"/api/assets/{dinkesAsset}/transitions", new { to = "pengadaan", on = "2026-01-01" }).ShouldBe(HttpStatusCode.NotFound);
        await other.PostAsJsonAsync("/api/assets", AssetRequests.Laptop("dinkes")).ShouldBe(HttpStatusCode.Forbidden);

        // Even asking for another OPD's list yields only the operator's own.
        var list = await (await other.GetAsync("/api/assets?opd=dinkes")).ReadJson();
        Assert.All(list.GetProperty("items").EnumerateArray(), a => Assert.Equal("diskominfo", a.GetProperty("opd").GetString()));
        Assert.Equal(1, list.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Operator_token_without_an_opd_is_refused()
    {
        var noOpd = Anonymous();
        noOpd.DefaultRequestHeaders.Authorization = new("Bearer", TestAuth.Token("opd-operator", Instansi));
        await noOpd.GetAsync("/api/assets").ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Operator_cannot_move_an_asset_to_another_opd_but_diskominfo_can()
    {
        var id = (await Register(Operator("dinkes"), AssetRequests.Laptop("dinkes"))).GetProperty("id").GetGuid();
        await Operator("dinkes").PutAsJsonAsync($"/api/assets/{id}", AssetRequests.Laptop("dishub")).ShouldBe(HttpStatusCode.Forbidden);
        var moved = await (await Admin().PutAsJsonAsync($"/api/assets/{id}", AssetRequests.Laptop("dishub")).ShouldBe(HttpStatusCode.OK)).ReadJson();
        Assert.Equal("dishub", moved.GetProperty("opd").GetString());
    }

    [Fact]
    public async Task Auditor_reads_everything_and_writes_nothing()
    {
        var id = (await Register(Operator("dinkes"), AssetRequests.Laptop("dinkes"))).GetProperty("id").GetGuid();
        var auditor = Auditor();
        await auditor.GetAsync($"/api/assets/{id}").ShouldBe(HttpStatusCode.OK);
        await auditor.PostAsJsonAsync("/api/assets", AssetRequests.Laptop("dinkes")).ShouldBe(HttpStatusCode.Forbidden);
        await auditor.PostAsJsonAsync($"/api/assets/{id}/transitions", new { to = "pengadaan", on = "2026-01-01" }).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Anonymous_or_forged_tokens_get_401_and_tenants_never_see_each_other()
    {
        await Anonymous().GetAsync("/api/assets").ShouldBe(HttpStatusCode.Unauthorized);
        var forged = Anonymous();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", TestAuth.Token("diskominfo-admin", Instansi) + "x");
        await forged.GetAsync("/api/assets").ShouldBe(HttpStatusCode.Unauthorized);

        var id = (await Register(Admin(), AssetRequests.Laptop("dinkes"))).GetProperty("id").GetGuid();
        var otherTenant = Factory.CreateClientFor("diskominfo-admin", Tenants.New());
        await otherTenant.GetAsync($"/api/assets/{id}").ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_filters_by_opd_kind_stage_and_text_and_pages()
    {
        var admin = Admin();
        for (var i = 0; i < 3; i++) await Register(admin, AssetRequests.Laptop("dinkes"));
        await Register(admin, AssetRequests.Application("dinkes", "SIMPUS"));
        await Register(admin, AssetRequests.Application("bkpsdmd", "SIMPEG"));

        async Task<JsonElement> Get(string query) => await (await admin.GetAsync("/api/assets" + query).ShouldBe(HttpStatusCode.OK)).ReadJson();
        Assert.Equal(4, (await Get("?opd=dinkes")).GetProperty("total").GetInt64());
        Assert.Equal(2, (await Get("?kind=application")).GetProperty("total").GetInt64());
        Assert.Equal(2, (await Get("?stage=pemanfaatan")).GetProperty("total").GetInt64());
        Assert.Equal("SIMPEG", (await Get("?q=simpeg")).GetProperty("items")[0].GetProperty("name").GetString());
        var page2 = await Get("?opd=dinkes&pageSize=3&page=2");
        Assert.Equal(1, page2.GetProperty("items").GetArrayLength());
        Assert.Equal(4, page2.GetProperty("total").GetInt64());
        Assert.True(page2.GetProperty("totalExact").GetBoolean());
        Assert.False(page2.GetProperty("hasMore").GetBoolean());
        var page1 = await Get("?opd=dinkes&pageSize=3");
        Assert.Equal((3, 4L, true, true), (page1.GetProperty("items").GetArrayLength(), page1.GetProperty("total").GetInt64(),
            page1.GetProperty("totalExact").GetBoolean(), page1.GetProperty("hasMore").GetBoolean()));
        var beyond = await Get("?opd=dinkes&pageSize=3&page=5");
        Assert.Equal((0, 4L, false), (beyond.GetProperty("items").GetArrayLength(), beyond.GetProperty("total").GetInt64(), beyond.GetProperty("hasMore").GetBoolean()));
        await admin.GetAsync("/api/assets?stage=rusak&pageSize=1000").ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Every_change_reaches_rabbitmq_with_the_marten_event_id_as_message_id()
    {
        await using var probe = await BrokerProbe.StartAsync<AssetChangedIntegrationEvent>(Factory.Infrastructure.RabbitMqUri);
        var client = Operator("dinkes");
        var id = (await Register(client, AssetRequests.Laptop("dinkes"))).GetProperty("id").GetGuid();
        bool Is(JsonElement m, long version) => m.GetProperty("assetId").GetGuid() == id && m.GetProperty("version").GetInt64() == version;
        // A fact carries the asset's state when the forwarder publishes it (a later state may overtake an earlier
        // one), so the registration is awaited before the move.
        var registered = await probe.WaitFor(m => Is(m, 1), TimeSpan.FromSeconds(30));

        await client.PostAsJsonAsync($"/api/assets/{id}/transitions", new { to = "pengadaan", on = DateTime.UtcNow.ToString("yyyy-MM-dd") }).ShouldBe(HttpStatusCode.OK);
        var moved = await probe.WaitFor(m => Is(m, 2), TimeSpan.FromSeconds(30));

        Assert.Equal(Instansi, moved.GetProperty("message").GetProperty("instansi").GetString());
        Assert.Equal("pengadaan", moved.GetProperty("message").GetProperty("stage").GetString());
        Assert.Equal("dinkes", moved.GetProperty("message").GetProperty("opd").GetString());
        Assert.NotEqual(registered.GetProperty("messageId").GetString(), moved.GetProperty("messageId").GetString());
    }
}
