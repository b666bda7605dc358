using SpbeOps.Assets.Api.Assets;
using SpbeOps.Governance;

namespace SpbeOps.Assets.Tests.Unit;

/// <summary>Issue 7, row 10 in the shared governance rules: every text has a limit, dates are plausible, OPD codes are codes.</summary>
public sealed class GovernanceLimitsTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static IReadOnlyCollection<string> Errors(string type, GovernanceRecordRequest r) =>
        GovernanceDecider.Validate(type, r, AssetsGovernance.Options, Today).ToDictionary().Keys.ToArray();

    private static GovernanceRecordRequest Programme => new(24, "Program", ScopeOpds: ["dinkes"], Date: new(2026, 1, 5), EndDate: new(2026, 12, 31), Activities: ["Pelatihan"]);

    [Fact]
    public void A_valid_programme_passes() => Assert.Empty(Errors(GovernanceRecordTypes.Programme, Programme));

    [Fact]
    public void Texts_stored_for_every_type_are_limited_whatever_the_type()
    {
        var r = Programme with { Number = new string('x', 100_000), Reviewer = new string('x', 100_000), DocumentUrl = "https://x.go.id/" + new string('x', 5000) };
        Assert.Equivalent(new[] { "number", "reviewer", "documentUrl" }, Errors(GovernanceRecordTypes.Programme, r), strict: true);
    }

    [Fact]
    public void List_items_are_filled_limited_and_counted()
    {
        var r = Programme with { Activities = ["ok", "", new string('x', 5000)], Covers = Enumerable.Repeat("x", 500).ToList() };
        Assert.Equivalent(new[] { "activities[1]", "activities[2]", "covers" }, Errors(GovernanceRecordTypes.Programme, r), strict: true);
        Assert.Equal(["scopeOpds"], Errors(GovernanceRecordTypes.Programme, Programme with { ScopeOpds = Enumerable.Repeat("dinkes", 1000).ToList() }));
    }

    [Theory]
    [InlineData("0001-01-01", "2026-12-31", "date")]
    [InlineData("2026-01-05", "9999-12-31", "endDate")]
    public void Programme_dates_are_plausible(string date, string end, string field) =>
        Assert.Equal([field], Errors(GovernanceRecordTypes.Programme, Programme with { Date = DateOnly.Parse(date), EndDate = DateOnly.Parse(end) }));

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("2026")]
    public void Scope_and_issuer_opds_follow_the_opd_rule(string opd)
    {
        Assert.Equal(["scopeOpds[1]"], Errors(GovernanceRecordTypes.Programme, Programme with { ScopeOpds = ["dinkes", opd] }));
        Assert.Equal(["issuerOpd"], Errors(GovernanceRecordTypes.Programme, Programme with { IssuerOpd = opd }));
    }

    [Fact]
    public void A_review_dated_far_ahead_names_the_date_once()
    {
        var review = new GovernanceRecordRequest(24, "Reviu", AllOpd: true, Date: new(9999, 12, 31), Reviewer: "Inspektorat", Findings: ["x"]);
        var errors = GovernanceDecider.Validate(GovernanceRecordTypes.Review, review, AssetsGovernance.Options, Today).ToDictionary();
        Assert.Single(errors["date"]);
    }
}
