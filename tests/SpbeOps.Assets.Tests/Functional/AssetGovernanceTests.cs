namespace SpbeOps.Assets.Tests.Functional;

/// <summary>The shared governance records, as the Assets service hosts them for indicator 24.</summary>
public sealed class AssetGovernanceTests(InfrastructureFixture infrastructure) : AssetsApiTest(infrastructure)
{
    private const string Root = "/api/assets/governance";

    public static object Guideline => new
    {
        indicator = 24, kind = "pedoman", number = "Perwako 7/2026", title = "Pedoman Manajemen Aset TIK",
        issuer = "walikota", date = "2026-02-01", allOpd = true,
        covers = new[] { "perencanaan", "pengadaan", "pemanfaatan", "penghapusan" },
    };

    [Fact]
    public async Task Policy_programme_review_and_completed_follow_up_are_recorded_with_history()
    {
        var admin = Admin();
        await admin.PostAsJsonAsync($"{Root}/policies", Guideline).ShouldBe(HttpStatusCode.Created);
        await admin.PostAsJsonAsync($"{Root}/programmes", new
        {
            indicator = 24, title = "Program Pengelolaan Aset TIK 2026", date = "2026-01-01", endDate = "2026-12-31", allOpd = true,
            activities = new[] { "Inventarisasi aset", "Penghapusan aset rusak" },
        }).ShouldBe(HttpStatusCode.Created);
        var review = await (await admin.PostAsJsonAsync($"{Root}/reviews", new
        {
            indicator = 24, title = "Reviu Manajemen Aset TIK Semester I", date = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd"),
            reviewer = "Tim Koordinasi SPBE", allOpd = true, findings = new[] { "Register 3 OPD belum lengkap" },
        }).ShouldBe(HttpStatusCode.Created)).ReadJson();
        var followUp = await (await admin.PostAsJsonAsync($"{Root}/follow-ups", new
        {
            indicator = 24, reviewId = review.GetProperty("id").GetGuid(), title = "Lengkapi register", date = "2026-12-01", scopeOpds = new[] { "dinkes" },
        }).ShouldBe(HttpStatusCode.Created)).ReadJson();
        var followUpId = followUp.GetProperty("id").GetGuid();

        var done = await (await admin.PostAsJsonAsync($"{Root}/follow-ups/{followUpId}/completion",
            new { completedOn = DateTime.UtcNow.ToString("yyyy-MM-dd"), outcome = "Register lengkap" }).ShouldBe(HttpStatusCode.OK)).ReadJson();
        Assert.Equal("selesai", done.GetProperty("status").GetString());
        await admin.PostAsJsonAsync($"{Root}/follow-ups/{followUpId}/completion",
            new { completedOn = DateTime.UtcNow.ToString("yyyy-MM-dd"), outcome = "again" }).ShouldBe(HttpStatusCode.Conflict);

        var history = await (await admin.GetAsync($"{Root}/{followUpId}/history").ShouldBe(HttpStatusCode.OK)).ReadJson();
        Assert.Equal(2, history.GetArrayLength());
        var all = await (await admin.GetAsync($"{Root}?indicator=24").ShouldBe(HttpStatusCode.OK)).ReadJson();
        Assert.Equal(4, all.GetArrayLength());
    }

    [Fact]
    public async Task Policy_with_missing_fields_or_topics_outside_the_lifecycle_is_a_400()
    {
        var response = await Admin().PostAsJsonAsync($"{Root}/policies", new
        {
            indicator = 21, kind = "peraturan", title = "", issuer = "camat", covers = new[] { "pemeliharaan" },
        }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "indicator", "kind", "title", "number", "issuer", "date", "scopeOpds" }, await response.FieldErrors(), strict: false);

        var badTopic = await Admin().PostAsJsonAsync($"{Root}/policies", new
        {
            indicator = 24, kind = "sop", number = "1", title = "SOP", issuer = "walikota", date = "2026-01-01", allOpd = true, covers = new[] { "pemeliharaan" },
        }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Contains("covers[0]", await badTopic.FieldErrors());
    }

    [Fact]
    public async Task Follow_up_needs_an_existing_review_of_the_same_indicator()
    {
        var response = await Admin().PostAsJsonAsync($"{Root}/follow-ups", new
        {
            indicator = 24, reviewId = Guid.NewGuid(), title = "Tindak lanjut", date = "2026-12-01", allOpd = true,
        }).ShouldBe(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("reviewId", (await response.ReadJson()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Operator_writes_its_own_opds_programme_but_not_instansi_policies_and_sees_only_what_covers_it()
    {
        var dinkes = Operator("dinkes");
        await dinkes.PostAsJsonAsync($"{Root}/policies", Guideline).ShouldBe(HttpStatusCode.Forbidden);
        await dinkes.PostAsJsonAsync($"{Root}/programmes", new
        {
            indicator = 24, title = "Program aset Dinkes", date = "2026-01-01", endDate = "2026-12-31", scopeOpds = new[] { "dishub" }, activities = new[] { "x" },
        }).ShouldBe(HttpStatusCode.Forbidden);
        var own = await (await dinkes.PostAsJsonAsync($"{Root}/programmes", new
        {
            indicator = 24, title = "Program aset Dinkes", date = "2026-01-01", endDate = "2026-12-31", scopeOpds = new[] { "dinkes" }, activities = new[] { "x" },
        }).ShouldBe(HttpStatusCode.Created)).ReadJson();
        await Admin().PostAsJsonAsync($"{Root}/policies", Guideline).ShouldBe(HttpStatusCode.Created);

        var dishub = Operator("dishub");
        await dishub.GetAsync($"{Root}/{own.GetProperty("id").GetGuid()}").ShouldBe(HttpStatusCode.NotFound);
        var visible = await (await dishub.GetAsync(Root)).ReadJson();
        Assert.Equal(1, visible.GetArrayLength()); // only the instansi-wide guideline
    }

    [Fact]
    public async Task Withdrawn_record_needs_a_reason_and_is_final()
    {
        var admin = Admin();
        var id = (await (await admin.PostAsJsonAsync($"{Root}/policies", Guideline)).ReadJson()).GetProperty("id").GetGuid();
        await admin.PostAsJsonAsync($"{Root}/{id}/withdrawal", new { reason = "" }).ShouldBe(HttpStatusCode.BadRequest);
        await admin.PostAsJsonAsync($"{Root}/{id}/withdrawal", new { reason = "Diganti Perwako 9/2026" }).ShouldBe(HttpStatusCode.OK);
        await admin.PutAsJsonAsync($"{Root}/{id}", Guideline).ShouldBe(HttpStatusCode.Conflict);
        Assert.Equal(0, (await (await admin.GetAsync(Root)).ReadJson()).GetArrayLength());
    }
}

public sealed class OpenApiTests(InfrastructureFixture infrastructure) : AssetsApiTest(infrastructure)
{
    [Fact]
    public async Task The_openapi_document_describes_every_route()
    {
        var document = await Ok(Anonymous().GetAsync("/openapi/v1.json"));
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/assets", paths);
        Assert.Contains("/api/assets/{id}/transitions", paths);
        Assert.Contains("/api/assets/governance/policies", paths);
    }
}
