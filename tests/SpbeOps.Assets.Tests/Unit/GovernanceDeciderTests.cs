using SpbeOps.Assets.Api.Assets;
using SpbeOps.Governance;
using SpbeOps.Records;

namespace SpbeOps.Assets.Tests.Unit;

/// <summary>The shared governance rules, with the options the Assets service gives them.</summary>
public sealed class GovernanceDeciderTests
{
    private static readonly GovernanceOptions Options = AssetsGovernance.Options;
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static IReadOnlyCollection<string> Errors(string type, GovernanceRecordRequest r) =>
        GovernanceDecider.Validate(type, r, Options, Today).ToDictionary().Keys.ToArray();

    [Fact]
    public void A_complete_guideline_is_valid_and_keeps_what_it_covers()
    {
        var request = new GovernanceRecordRequest(24, "SOP Aset TIK", Kind: "sop", Number: "1/2026", Issuer: "walikota",
            Date: new(2026, 1, 5), AllOpd: true, Covers: ["perencanaan", "pengadaan", "pemanfaatan", "penghapusan", "pengadaan"]);
        Assert.Empty(Errors(GovernanceRecordTypes.Policy, request));

        var decision = GovernanceDecider.Create(Guid.NewGuid(), GovernanceRecordTypes.Policy, request, Options, Today);
        var record = decision.Next!;
        Assert.IsType<GovernanceRecordCreated>(decision.Change);
        Assert.Equal(4, record.Covers.Count);
        Assert.Equal(new DateOnly(2026, 1, 5), record.ValidFrom);
        Assert.Null(record.Status);
    }

    [Fact]
    public void Each_type_requires_its_own_fields()
    {
        Assert.Equivalent(new[] { "kind", "number", "issuer", "date" },
            Errors(GovernanceRecordTypes.Policy, new(24, "x", AllOpd: true)), strict: true);
        Assert.Equivalent(new[] { "date", "endDate", "activities" },
            Errors(GovernanceRecordTypes.Programme, new(24, "x", AllOpd: true)), strict: true);
        Assert.Equivalent(new[] { "date", "reviewer", "findings" },
            Errors(GovernanceRecordTypes.Review, new(24, "x", AllOpd: true)), strict: true);
        Assert.Equivalent(new[] { "reviewId", "date" },
            Errors(GovernanceRecordTypes.FollowUp, new(24, "x", AllOpd: true)), strict: true);
    }

    [Fact]
    public void Scope_indicator_and_dates_are_checked()
    {
        Assert.Contains("scopeOpds", Errors(GovernanceRecordTypes.Programme, new(24, "x")));
        Assert.Contains("scopeOpds[0]", Errors(GovernanceRecordTypes.Programme, new(24, "x", ScopeOpds: ["Dinas Kesehatan"])));
        Assert.Contains("indicator", Errors(GovernanceRecordTypes.Programme, new(21, "x", AllOpd: true)));
        Assert.Contains("endDate", Errors(GovernanceRecordTypes.Programme,
            new(24, "x", Date: new(2026, 6, 1), EndDate: new(2026, 5, 1), AllOpd: true, Activities: ["a"])));
        Assert.Contains("date", Errors(GovernanceRecordTypes.Review,
            new(24, "x", Date: Today.AddDays(30), Reviewer: "r", Findings: ["f"], AllOpd: true)));
        Assert.Contains("validUntil", Errors(GovernanceRecordTypes.Policy,
            new(24, "x", Kind: "sop", Number: "1", Issuer: "walikota", Date: new(2026, 6, 1), ValidUntil: new(2026, 1, 1), AllOpd: true)));
        Assert.Contains("issuerOpd", Errors(GovernanceRecordTypes.Policy,
            new(24, "x", Kind: "strategi", Number: "1", Issuer: "kepala-perangkat-daerah", Date: new(2026, 6, 1), AllOpd: true)));
    }

    [Fact]
    public void Follow_up_is_completed_only_through_completion()
    {
        Assert.Contains("status", Errors(GovernanceRecordTypes.FollowUp,
            new(24, "x", Date: new(2026, 12, 1), ReviewId: Guid.NewGuid(), Status: "selesai", AllOpd: true)));

        var followUp = GovernanceDecider.Build(Guid.NewGuid(), GovernanceRecordTypes.FollowUp,
            new(24, "Perbaiki SOP", Date: new(2026, 12, 1), ReviewId: Guid.NewGuid(), AllOpd: true), null);
        Assert.Equal("direncanakan", followUp.Status);
        var done = GovernanceDecider.Complete(followUp, new(new(2026, 11, 20), "SOP direvisi"), Today).Next!;
        Assert.Equal("selesai", done.Status);
        Assert.Equal("direncanakan", followUp.Status); // the decider never mutates its input
        Assert.Equal("complete-once",
            Assert.IsType<Rejection.Conflict>(GovernanceDecider.Complete(done, new(new(2026, 11, 21), "lagi"), Today).Rejection).Rule);

        var revised = GovernanceDecider.Revise(done,
            new(24, "Perbaiki SOP (revisi)", Date: new(2026, 12, 1), ReviewId: done.ReviewId, AllOpd: true), Options, Today).Next!;
        Assert.Equal(new DateOnly(2026, 11, 20), revised.CompletedOn);
        Assert.Equal("selesai", revised.Status);
    }

    [Fact]
    public void Withdrawal_keeps_the_record_and_says_why()
    {
        var policy = GovernanceDecider.Build(Guid.NewGuid(), GovernanceRecordTypes.Policy,
            new(24, "SOP", Kind: "sop", Number: "1", Issuer: "walikota", Date: new(2026, 1, 1), AllOpd: true), null);
        var withdrawn = GovernanceDecider.Withdraw(policy, new("Diganti")).Next!;
        Assert.True(withdrawn.Withdrawn);
        Assert.Equal("Diganti", withdrawn.WithdrawnReason);
        Assert.False(policy.Withdrawn);
        Assert.IsType<Rejection.Conflict>(GovernanceDecider.Withdraw(withdrawn, new("lagi")).Rejection);
        Assert.IsType<Rejection.Conflict>(GovernanceDecider.Revise(withdrawn, new(24, "SOP"), Options, Today).Rejection);
    }
}
