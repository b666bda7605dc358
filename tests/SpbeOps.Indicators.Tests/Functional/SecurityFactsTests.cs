using SpbeOps.Contracts.Audits;
using SpbeOps.Contracts.Security;

namespace SpbeOps.Indicators.Tests.Functional;

/// <summary>
/// The Security service's facts through the consumer: control implementations kept as one summary per OPD (counts
/// and samples, refilled when a sample leaves), and audit engagements per audit indicator.
/// </summary>
public sealed class SecurityFactsTests(InfrastructureFixture infrastructure) : IndicatorsApiTest(infrastructure)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    public override async Task InitializeAsync() =>
        await Admin().PutAsJsonAsync("/api/maturity/organisation", Organisation("dinkes", "dishub")).ShouldBe(HttpStatusCode.OK);

    private ControlImplementationChangedIntegrationEvent Implementation(string opd, string code, string status, bool riskBased, Guid? id = null, long version = 1) =>
        new(Instansi, id ?? Guid.NewGuid(), version, opd, Guid.NewGuid(), code, "aplikasi", status, riskBased ? [Guid.NewGuid()] : [], null, null, DateTimeOffset.UtcNow);

    private async Task<JsonElement> Criterion(int indicator, string metric, string? opd = null) =>
        (await Indicator(indicator, opd)).GetProperty("levels").EnumerateArray().SelectMany(l => l.GetProperty("criteria").EnumerateArray())
            .First(c => c.GetProperty("metric").GetString() == metric);

    [Fact]
    public async Task Implementations_move_between_the_summary_counts_and_leaving_samples_are_refilled()
    {
        // Seven controls without a risk in dinkes: five are kept as samples of "not risk-based".
        var ids = Enumerable.Range(1, 7).Select(_ => Guid.NewGuid()).ToList();
        for (var i = 0; i < ids.Count; i++) await Factory.Publish(Implementation("dinkes", $"APL-0{i + 1}", "sebagian", riskBased: false, ids[i]));
        await HttpAssertions.Eventually<string?>(async () =>
            (await Criterion(22, "security.controls.implementedOpd")).GetProperty("actual").GetDouble() == 1 ? "ok" : null, Wait, "dinkes to count");

        // Two of them now answer a risk (they leave the "not risk-based" samples); one is taken back to "belum".
        await Factory.Publish(Implementation("dinkes", "APL-01", "penuh", riskBased: true, ids[0], version: 2));
        await Factory.Publish(Implementation("dinkes", "APL-02", "penuh", riskBased: true, ids[1], version: 2));
        await Factory.Publish(Implementation("dinkes", "APL-03", "belum", riskBased: false, ids[2], version: 2));
        await Factory.Publish(Implementation("dishub", "JIN-01", "penuh", riskBased: true));
        await HttpAssertions.Eventually<string?>(async () =>
            (await Criterion(22, "security.controls.opdCoverage")).GetProperty("actual").GetDouble() == 1.0 ? "applied" : null, Wait, "the later fact to be applied");

        var riskBased = await Criterion(22, "security.controls.riskBased", "dinkes");
        Assert.False(riskBased.GetProperty("actual").GetBoolean());
        var withoutRisk = riskBased.GetProperty("evidence").EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() == "security.control.withoutRisk").Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Skip(3).Select(id => id.ToString()).Order(), withoutRisk.Order());
        Assert.True((await Criterion(22, "security.controls.riskBased", "dishub")).GetProperty("actual").GetBoolean());
        Assert.Equal(3, (await Indicator(22, "dishub")).GetProperty("level").GetInt32());
    }

    [Fact]
    public async Task An_audit_counts_for_its_own_indicator_only()
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow);
        await Factory.Publish(new AuditEngagementChangedIntegrationEvent(Instansi, Guid.NewGuid(), 1, 30, "Audit aplikasi", "internal", false, "pelaporan",
            day.AddDays(-20), day.AddDays(-5), ["aplikasi-umum", "aplikasi-khusus"], 2, 0, false, DateTimeOffset.UtcNow));
        await HttpAssertions.Eventually<string?>(async () =>
            (await Criterion(30, "audit.internalCovers")).GetProperty("actual").GetArrayLength() == 2 ? "ok" : null, Wait, "the audit of 30");
        Assert.Equal(0, (await Criterion(31, "audit.internalCovers")).GetProperty("actual").GetArrayLength());
        Assert.Equal(0, (await Criterion(29, "audit.cycle")).GetProperty("actual").GetDouble());
    }
}
