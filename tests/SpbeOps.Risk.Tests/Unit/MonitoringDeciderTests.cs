using SpbeOps.Records;
using SpbeOps.Risk.Api.Monitoring;
using SpbeOps.Risk.Api.Risks;
using static SpbeOps.Risk.Tests.Unit.Builders;

namespace SpbeOps.Risk.Tests.Unit;

public sealed class MonitoringDeciderTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    [Fact]
    public void Quarterly_entry_derives_current_besaran_level_and_trend()
    {
        var ctx = Context();
        var risk = NewRisk(ctx, Assessment(4, 4)); // 19
        var request = new MonitoringRequest("diskominfo", 2026, "triwulan", new DateOnly(2026, 4, 5),
            [new MonitoringEntryRequest(risk.Id, 2, 3, 1, 3, "Genset terpasang", "Uji beban", "Kabid", "Juni 2026")], Quarter: 1);
        Assert.False(MonitoringDecider.Validate(request, null, Today).Any);

        var report = Accepted(MonitoringDecider.Decide(Guid.NewGuid(), request, ctx, new Dictionary<Guid, RegisteredRisk> { [risk.Id] = risk }, null));
        var entry = Assert.Single(report.Entries);
        Assert.Equal((11, 3, "Sedang", 19, "turun", true, 5), (entry.Besaran, entry.Level, entry.LevelName, entry.InherentBesaran, entry.Trend, entry.AboveAppetite, entry.ProjectedBesaran!.Value));
        Assert.Equal(risk.Code, entry.RiskCode);
        Assert.Equal(("draft", 1), (report.ApprovalStatus, report.Quarter!.Value));
    }

    [Theory]
    [InlineData(19, 22, "naik")]
    [InlineData(19, 19, "tetap")]
    [InlineData(19, 7, "turun")]
    public void Trend_compares_with_the_assessment(int inherent, int current, string trend) =>
        Assert.Equal(trend, MonitoringDecider.Trend(inherent, current));

    [Fact]
    public void Kind_span_and_date_rules_name_their_fields()
    {
        var bad = new MonitoringRequest("diskominfo", 2026, "triwulan", new DateOnly(2026, 2, 1), [], Quarter: null, Semester: 1);
        Assert.Equivalent(new[] { "quarter", "semester", "entries" }, MonitoringDecider.Validate(bad, null, Today).ToDictionary().Keys, strict: true);

        var early = new MonitoringRequest("diskominfo", 2026, "triwulan", new DateOnly(2026, 3, 31), [new(Guid.NewGuid(), 1, 1)], Quarter: 2);
        Assert.Equal(["reportedOn"], MonitoringDecider.Validate(early, null, Today).ToDictionary().Keys);

        var future = new MonitoringRequest("diskominfo", 2026, "tahunan", Today.AddDays(10), [new(Guid.NewGuid(), 1, 1)]);
        Assert.Equal(["reportedOn"], MonitoringDecider.Validate(future, null, Today).ToDictionary().Keys);

        var twice = Guid.NewGuid();
        var duplicate = new MonitoringRequest("diskominfo", 2026, "insidental", Today, [new(twice, 1, 1), new(twice, 2, 2, ProjectedLikelihoodLevel: 1)]);
        Assert.Equivalent(new[] { "entries[1].riskId", "entries[1].projectedImpactLevel" }, MonitoringDecider.Validate(duplicate, null, Today).ToDictionary().Keys, strict: true);
    }

    [Fact]
    public void A_risk_outside_the_register_breaks_the_rule()
    {
        var ctx = Context();
        var request = new MonitoringRequest("diskominfo", 2026, "semester", Today, [new(Guid.NewGuid(), 1, 1)], Semester: 1);
        var broken = Rejected<Rejection.BreaksRule, MonitoringReport>(MonitoringDecider.Decide(Guid.NewGuid(), request, ctx, new Dictionary<Guid, RegisteredRisk>(), null));
        Assert.Equal(("risk-in-register", "entries[0].riskId"), (broken.Rule, broken.Field));
    }

    [Fact]
    public void Each_periodic_span_has_one_slot_and_incidental_reports_none()
    {
        Assert.Equal("triwulan-3", MonitoringDecider.SlotKey("triwulan", 3, null));
        Assert.Equal("semester-2", MonitoringDecider.SlotKey("semester", null, 2));
        Assert.Equal("tahunan", MonitoringDecider.SlotKey("tahunan", null, null));
        Assert.Null(MonitoringDecider.SlotKey("insidental", null, null));
        Assert.Equal(new DateOnly(2026, 7, 1), MonitoringDecider.SpanStart(2026, "triwulan", 3, null));
        Assert.Equal(new DateOnly(2026, 7, 1), MonitoringDecider.SpanStart(2026, "semester", null, 2));
    }
}
