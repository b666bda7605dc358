namespace SpbeOps.Risk.Tests.Functional;

public sealed class GovernanceTests(InfrastructureFixture infrastructure, RiskHost host) : RiskApiTestBase(infrastructure, host)
{
    [Fact]
    public async Task Indicator_21_governance_records_live_under_api_risks_governance()
    {
        var policy = await Created(Admin(), "/api/risks/governance/policies", new
        {
            indicator = 21, title = "Kebijakan Manajemen Risiko SPBE", kind = "kebijakan", number = "Perwako 7/2026", issuer = "komite-manajemen-risiko",
            date = "2026-01-15", allOpd = true, covers = new[] { "penetapan-konteks", "penilaian-risiko", "pemantauan-dan-reviu" },
        });
        Assert.Equal(21, policy.GetProperty("indicator").GetInt32());
        await Created(Operator("dinkes"), "/api/risks/governance/programmes", new
        {
            indicator = 21, title = "Program MR SPBE Dinkes 2026", date = "2026-01-01", endDate = "2026-12-31", scopeOpds = new[] { "dinkes" },
            activities = new[] { "Penetapan konteks", "Penilaian risiko", "Pemantauan triwulanan" },
        });

        var wrongIndicator = await Admin().PostAsJsonAsync("/api/risks/governance/programmes", new { indicator = 24, title = "x", allOpd = true, date = "2026-01-01", endDate = "2026-12-31", activities = new[] { "a" } })
            .ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["indicator"], await wrongIndicator.FieldErrors());
        var wrongTopic = await Admin().PostAsJsonAsync("/api/risks/governance/policies", new
        {
            indicator = 21, title = "x", kind = "pedoman", number = "1", issuer = "walikota", date = "2026-01-01", allOpd = true, covers = new[] { "pengadaan" },
        }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["covers[0]"], await wrongTopic.FieldErrors());
        await Auditor().PostAsJsonAsync("/api/risks/governance/programmes", new { indicator = 21, title = "x", allOpd = true, date = "2026-01-01", endDate = "2026-12-31", activities = new[] { "a" } })
            .ShouldBe(HttpStatusCode.Forbidden);
        Assert.Equal(2, (await Ok(Auditor().GetAsync("/api/risks/governance?indicator=21"))).GetArrayLength());
    }
}
