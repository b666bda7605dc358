namespace SpbeOps.Assets.Tests.Functional;

/// <summary>The shared audit engagements, as the Assets service hosts them for indicators 29 and 30.</summary>
public sealed class AssetAuditTests(InfrastructureFixture infrastructure) : AssetsApiTest(infrastructure)
{
    private const string Root = "/api/assets/audits";

    private static object Audit(int indicator, string[] covers, Guid[]? targets = null, string auditorType = "internal") => new
    {
        indicator, title = $"Audit {indicator}", auditorType, auditor = "Inspektorat Kota", plannedStart = DateTime.UtcNow.AddDays(-30).ToString("yyyy-MM-dd"),
        covers, targetAssetIds = targets ?? [],
    };

    [Fact]
    public async Task Application_and_infrastructure_audits_name_their_indicator_subjects_and_register_targets()
    {
        var admin = Admin();
        var app = Id(await Register(Operator("dinkes"), AssetRequests.Application("dinkes")));
        var id = Id(await Created(admin, Root, Audit(30, ["aplikasi-umum", "aplikasi-khusus"], [app])));
        await Created(admin, Root, Audit(29, ["tata-kelola", "infrastruktur", "kinerja"]));

        // Each indicator has its own hal pokok teknis; a target must be in the register; the indicator is required here.
        var wrong = await admin.PostAsJsonAsync(Root, Audit(29, ["aplikasi-umum"])).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["covers[0]"], await wrong.FieldErrors());
        var noIndicator = await admin.PostAsJsonAsync(Root, new { title = "x", auditorType = "internal", auditor = "y", plannedStart = "2026-01-01", covers = new[] { "kinerja" } })
            .ShouldBe(HttpStatusCode.BadRequest);
        Assert.Contains("indicator", await noIndicator.FieldErrors());
        AssertRule(await Problem(admin.PostAsJsonAsync(Root, Audit(30, ["aplikasi-khusus"], [Guid.NewGuid()])), (HttpStatusCode)422), "known-asset", "targetAssetIds[0]");

        await admin.PostAsJsonAsync($"{Root}/{id}/stage", new { stage = "pelaksanaan" }).ShouldBe(HttpStatusCode.OK);
        await Created(admin, $"{Root}/{id}/findings", new { title = "Aplikasi tanpa dokumen SOP", severity = "rendah" });
        AssertRule(await Problem(admin.PostAsJsonAsync($"{Root}/{id}/stage", new { stage = "pemantauan-tindak-lanjut" }), HttpStatusCode.Conflict), "audit-stage-order");
        var revised = await admin.PutAsJsonAsync($"{Root}/{id}", Audit(29, ["kinerja"])).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Contains("indicator", await revised.FieldErrors());

        Assert.Single((await Ok(Operator("dishub").GetAsync($"{Root}?indicator=30"))).EnumerateArray());
        await Operator("dinkes").PostAsJsonAsync(Root, Audit(30, ["aplikasi-khusus"])).ShouldBe(HttpStatusCode.Forbidden);
        await Auditor().PostAsJsonAsync($"{Root}/{id}/withdrawal", new { reason = "x" }).ShouldBe(HttpStatusCode.Forbidden);
        Assert.Equal(3, (await Ok(Auditor().GetAsync($"{Root}/{id}/history"))).GetArrayLength());
    }
}
