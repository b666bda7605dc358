using SpbeOps.Records;
using SpbeOps.Risk.Api.Contexts;
using SpbeOps.Risk.Api.Monitoring;
using SpbeOps.Risk.Api.Risks;
using static SpbeOps.Risk.Tests.Unit.Builders;

namespace SpbeOps.Risk.Tests.Unit;

/// <summary>Issue 7, row 10 in the Risk deciders: OPD codes, plausible dates, text and list limits, safe text.</summary>
public sealed class InputLimitsTests
{
    private static IReadOnlyCollection<string> Fields<T>(Decision<T> decision) where T : class, IRecord<T> =>
        [.. Rejected<Rejection.Invalid, T>(decision).Errors.ToDictionary().Keys];

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("2026")]
    [InlineData("dinkes-")]
    public void A_date_looking_or_malformed_opd_is_refused_everywhere_an_opd_is_named(string opd)
    {
        Assert.Equal(["opd"], Fields(ContextDecider.Decide(Guid.NewGuid(), CompleteContextRequest(opd), null, Now)));
        Assert.Equal(["opd"], RiskDecider.ValidateScope(Assessment() with { Opd = opd }).ToDictionary().Keys);
        var report = new MonitoringRequest(opd, 2026, "insidental", new DateOnly(2026, 4, 5), [new MonitoringEntryRequest(Guid.NewGuid(), 1, 1)]);
        Assert.Equal(["opd"], MonitoringDecider.Validate(report, null, new DateOnly(2026, 5, 20)).ToDictionary().Keys);
    }

    [Theory]
    [InlineData("0001-01-01", "2026-09-30", "scheduleStart")]
    [InlineData("2026-06-01", "9999-12-31", "scheduleEnd")]
    public void A_treatment_schedule_is_within_the_planning_horizon(string start, string end, string field)
    {
        var ctx = Context();
        var treatment = Treatment() with { ScheduleStart = DateOnly.Parse(start), ScheduleEnd = DateOnly.Parse(end) };
        Assert.Equal([field], Fields(RiskDecider.Treat(NewRisk(ctx), treatment, ctx, Guid.NewGuid(), null, "kabid", Now)));
    }

    [Fact]
    public void A_control_character_in_a_text_is_refused_by_the_decider_too()
    {
        // The JSON converter refuses it on HTTP; XLSX imports reach the decider directly.
        var ctx = Context();
        Assert.Equal(["event", "cause"], RiskDecider.Validate(Assessment() with { Event = "Server\u0000mati", Cause = "a\u0001" }, ctx).ToDictionary().Keys);
    }

    [Fact]
    public void An_oversized_section_is_one_error_not_one_per_item()
    {
        var many = Enumerable.Range(0, 5000).Select(i => new LikelihoodCriterionRequest(i + 1, $"L{i}", null, null)).ToList();
        var functions = Enumerable.Repeat("fungsi", 5000).ToList();
        var request = CompleteContextRequest() with { LikelihoodCriteria = many, Functions = functions };
        Assert.Equivalent(new[] { "likelihoodCriteria", "functions" }, Fields(ContextDecider.Decide(Guid.NewGuid(), request, null, Now)), strict: true);
    }

    [Fact]
    public void An_appetite_naming_an_unknown_category_echoes_it_shortened()
    {
        var request = CompleteContextRequest() with { Appetite = [new AppetiteRequest(new string('x', 100_000), 5, 5)] };
        var errors = Rejected<Rejection.Invalid, RiskContext>(ContextDecider.Decide(Guid.NewGuid(), request, null, Now)).Errors.ToDictionary();
        Assert.True(errors["appetite[0].category"].Single().Length < 300);
    }
}
