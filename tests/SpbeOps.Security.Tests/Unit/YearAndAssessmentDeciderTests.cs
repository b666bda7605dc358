using SpbeOps.Audits;
using SpbeOps.Records;
using SpbeOps.Security.Api;
using SpbeOps.Security.Api.Assessments;
using SpbeOps.Security.Api.Programme;
using SpbeOps.Security.Api.Scope;

namespace SpbeOps.Security.Tests.Unit;

/// <summary>Vulnerability assessments, the work programme and the scope, without I/O.</summary>
public sealed class YearAndAssessmentDeciderTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static AssessmentRequest Pentest() => new("diskominfo", "uji-penetrasi", " Uji penetrasi portal ", Today.AddDays(-7), "Tim CSIRT Kota");

    private static VulnerabilityAssessment Assessment() => AssessmentDecider.Record(Guid.NewGuid(), Pentest(), Today).Next!;

    [Fact]
    public void An_assessment_names_every_bad_field_and_keeps_its_opd()
    {
        var refused = Assert.IsType<Rejection.Invalid>(AssessmentDecider.Record(Guid.NewGuid(), new AssessmentRequest("X", "tebak", "", Today.AddDays(3), null), Today).Rejection);
        Assert.Equivalent(new[] { "opd", "kind", "title", "conductedOn", "assessor" }, refused.Errors.ToDictionary().Keys, strict: true);
        var moved = Assert.IsType<Rejection.Invalid>(AssessmentDecider.Revise(Assessment(), Pentest() with { Opd = "dinkes" }, Today).Rejection);
        Assert.Equal(["opd"], moved.Errors.ToDictionary().Keys);
        Assert.Equal("Uji penetrasi portal", Assessment().Title);
    }

    [Fact]
    public void Open_findings_give_the_next_due_date_and_remediation_clears_it()
    {
        var id = Guid.NewGuid();
        var withFinding = AssessmentDecider.RecordFinding(Assessment(), new FindingRequest("SQL injection", "kritis", DueDate: Today.AddDays(-1)), id, Today).Next!;
        Assert.Equal(Today.AddDays(-1), withFinding.NextDueDate);
        Assert.True(withFinding.Findings[0].Late(Today));
        var fixedUp = AssessmentDecider.ReviseFinding(withFinding, id, new FindingRequest("SQL injection", "kritis", Status: "selesai", FollowUp: "Query berparameter"), Today).Next!;
        Assert.Null(fixedUp.NextDueDate);
        Assert.IsType<Rejection.NotFound>(AssessmentDecider.ReviseFinding(fixedUp, Guid.NewGuid(), new FindingRequest("x", "rendah"), Today).Rejection);
        var withdrawn = AssessmentDecider.Withdraw(fixedUp, new WithdrawAssessmentRequest("duplikat")).Next!;
        Assert.Equal(AssessmentDecider.WithdrawnRule, Assert.IsType<Rejection.Conflict>(
            AssessmentDecider.RecordFinding(withdrawn, new FindingRequest("x", "rendah"), Guid.NewGuid(), Today).Rejection).Rule);
    }

    private static ActivityRequest Activity(string key, bool done = false) =>
        new(key, new DateOnly(2026, 2, 1), new DateOnly(2026, 11, 30), done ? new DateOnly(2026, 6, 1) : null);

    [Fact]
    public void The_programme_holds_the_five_mandatory_activities()
    {
        var four = ProgrammeDecider.Mandatory.Take(4).Select(k => Activity(k)).ToList();
        var refused = Assert.IsType<Rejection.BreaksRule>(ProgrammeDecider.Set(Guid.NewGuid(), new ProgrammeRequest(2026, four), Today).Rejection);
        Assert.Equal((ProgrammeDecider.MandatoryRule, "activities"), (refused.Rule, refused.Field));
        Assert.Contains("audit-keamanan", refused.Detail);

        var all = ProgrammeDecider.Mandatory.Select((k, i) => Activity(k, done: i < 2)).Append(Activity("simulasi-insiden")).ToList();
        var programme = ProgrammeDecider.Set(Guid.NewGuid(), new ProgrammeRequest(2026, all), Today).Next!;
        Assert.Equal((6, 2), (programme.Activities.Count, programme.Done));
        Assert.IsType<Rejection.Invalid>(ProgrammeDecider.Revise(programme, new ProgrammeRequest(2027, all), Today).Rejection);
    }

    [Fact]
    public void A_bad_programme_names_each_activity_field()
    {
        var refused = Assert.IsType<Rejection.Invalid>(ProgrammeDecider.Set(Guid.NewGuid(),
            new ProgrammeRequest(1999, [new ActivityRequest("", null, new DateOnly(2026, 1, 1), Today.AddDays(5)), Activity("a"), Activity("a")]), Today).Rejection);
        Assert.Equivalent(new[] { "year", "activities[0].key", "activities[0].plannedFrom", "activities[0].doneOn", "activities" },
            refused.Errors.ToDictionary().Keys, strict: true);
    }

    [Fact]
    public void The_scope_names_who_is_responsible_and_keeps_its_year()
    {
        var refused = Assert.IsType<Rejection.Invalid>(ScopeDecider.Set(Guid.NewGuid(), new ScopeRequest(null, new ResponsibleRequest("", "Sekda"), null, Data: [" "]), Today).Rejection);
        Assert.Equivalent(new[] { "year", "penanggungJawab.name", "pelaksanaTeknis", "data[0]" }, refused.Errors.ToDictionary().Keys, strict: true);

        var request = new ScopeRequest(2026, new ResponsibleRequest("Sekretaris Daerah", "Koordinator SPBE"), new ResponsibleRequest("Kepala Diskominfo", "Pelaksana teknis"),
            Data: [" Data kependudukan "], Policies: ["Perwali 4/2022"]);
        var scope = ScopeDecider.Set(Guid.NewGuid(), request, Today).Next!;
        Assert.Equal(("Data kependudukan", "Sekretaris Daerah"), (scope.Data[0], scope.PenanggungJawab.Name));
        Assert.Equal(["year"], Assert.IsType<Rejection.Invalid>(ScopeDecider.Revise(scope, request with { Year = 2027 }, Today).Rejection).Errors.ToDictionary().Keys);
        var revised = ScopeDecider.Revise(scope, request with { Year = null, Policies = ["Perwali 4/2022", "SOP insiden"] }, Today).Next!;
        Assert.Equal(["policies"], RecordChanges.Between(scope, revised).Keys);
    }
}
