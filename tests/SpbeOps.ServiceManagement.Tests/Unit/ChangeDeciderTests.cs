using SpbeOps.Contracts.Risk;
using SpbeOps.Contracts.ServiceManagement;
using SpbeOps.ServiceManagement.Api.Changes;
using SpbeOps.ServiceManagement.Api.Risks;
using static SpbeOps.ServiceManagement.Api.Changes.ChangeVocabulary;

namespace SpbeOps.ServiceManagement.Tests.Unit;

public class ChangeDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 2, 0, 0, TimeSpan.Zero);
    private static readonly ChangeActor Cab = new("diskominfo-admin", "Kabid Aptika", IsAdmin: true, IsSecurityOfficer: false);
    private static readonly ChangeActor Security = new("security-officer", "Petugas Keamanan", IsAdmin: false, IsSecurityOfficer: true);
    private static readonly Guid Service = Guid.NewGuid();

    public static ChangeRequestRequest Request(string type = Normal, string category = "aplikasi", string? template = null) => new(
        "dinkes", "Pembaruan SIMPUS ke versi 3", null, type, category, template, [Service], null, "Pasang rilis 3.0 di server aplikasi",
        "Kembalikan snapshot VM", null, null);

    private static ChangeRequest Accepted(Decision<ChangeRequest> d)
    {
        Assert.Null(d.Rejection);
        return d.Next!;
    }

    private static ChangeRequest Assessed(string category = "aplikasi", string[]? approvers = null, int quorum = 1) =>
        Accepted(ChangeDecider.Assess(Accepted(ChangeDecider.Submit(Guid.NewGuid(), Request(category: category), "operator", Now)),
            new AssessmentRequest(2, 4, null, "dampak ke layanan puskesmas", approvers ?? ["diskominfo-admin"], quorum), null, Cab, Now));

    [Fact]
    public void A_normal_change_goes_through_the_whole_flow()
    {
        var c = Assessed();
        Assert.Equal((Dinilai, 13, "sedang", "analisis"), (c.Status, c.Assessment!.Besaran, c.Assessment.RiskLevel, c.Phase));
        c = Accepted(ChangeDecider.CastVote(c, new VoteRequest(true, null), Cab, Now));
        Assert.Equal((Disetujui, true, ByCab), (c.Status, c.Approved, c.ApprovalKind));
        c = Accepted(ChangeDecider.Schedule(c, new ScheduleRequest(Now.AddDays(1), Now.AddDays(1).AddHours(2)), "op", Now));
        c = Accepted(ChangeDecider.Implement(c, new ImplementationRequest(null, "lancar"), "op", Now.AddDays(1).AddHours(1)));
        Assert.False(c.OutsideWindow);
        c = Accepted(ChangeDecider.ReviewAfter(c, new ReviewRequest(true, 0, "uji beban dulu"), "op", Now.AddDays(2)));
        // The PIR's lessons travel with the contract: the Knowledge service drafts an article from them.
        var published = (ChangeRequestChangedIntegrationEvent)c.ToIntegrationEvent("kota-x");
        Assert.Equal((true, "uji beban dulu"), (published.Reviewed, published.ReviewLessons));
        c = Accepted(ChangeDecider.Close(c, new CloseRequest(null), "op", Now.AddDays(2)));
        Assert.Equal((Ditutup, "pemantauan-dan-evaluasi"), (c.Status, c.Phase));
        Assert.Equal([Diajukan, Dinilai, Disetujui, Dijadwalkan, Diimplementasikan, Direviu, Ditutup], c.Flow.Select(f => f.To));
    }

    [Fact]
    public void Out_of_order_steps_are_409_and_only_the_cab_assesses()
    {
        var c = Accepted(ChangeDecider.Submit(Guid.NewGuid(), Request(), "operator", Now));
        Assert.Equal(ChangeDecider.FlowRule, Assert.IsType<Rejection.Conflict>(ChangeDecider.Implement(c, new ImplementationRequest(null, null), "op", Now).Rejection).Rule);
        Assert.Equal(ChangeDecider.FlowRule, Assert.IsType<Rejection.Conflict>(ChangeDecider.CastVote(c, new VoteRequest(true, null), Cab, Now).Rejection).Rule);
        var op = new ChangeActor("opd-operator@dinkes", "op", false, false);
        Assert.IsType<Rejection.Forbidden>(ChangeDecider.Assess(c, new AssessmentRequest(1, 1, null, null, ["x"], 1), null, op, Now).Rejection);
        var invalid = Assert.IsType<Rejection.Invalid>(ChangeDecider.Assess(c, new AssessmentRequest(0, 6, Guid.Empty, null, [], 3), null, Cab, Now).Rejection);
        Assert.Equivalent(new[] { "likelihood", "impact", "riskId", "approvers", "quorum" }, invalid.Errors.ToDictionary().Keys, strict: true);
    }

    [Fact]
    public void The_cab_quorum_decides_and_a_named_approver_votes_once()
    {
        var c = Assessed(approvers: ["diskominfo-admin", "kadis-kominfo", "sekda"], quorum: 2);
        c = Accepted(ChangeDecider.CastVote(c, new VoteRequest(true, null), Cab, Now));
        Assert.Equal(Dinilai, c.Status);
        Assert.Equal(ChangeDecider.AlreadyVotedRule, Assert.IsType<Rejection.Conflict>(ChangeDecider.CastVote(c, new VoteRequest(true, null), Cab, Now).Rejection).Rule);
        var stranger = Cab with { Subject = "admin-lain", Name = "Admin lain" };
        Assert.IsType<Rejection.Forbidden>(ChangeDecider.CastVote(c, new VoteRequest(true, null), stranger, Now).Rejection);
        var kadis = Cab with { Subject = "kadis-kominfo" };
        var rejected = Accepted(ChangeDecider.CastVote(c, new VoteRequest(false, "risiko terlalu tinggi"), kadis, Now));
        Assert.Equal(Dinilai, rejected.Status);
        rejected = Accepted(ChangeDecider.CastVote(rejected, new VoteRequest(false, "setuju menolak"), Cab with { Subject = "sekda" }, Now));
        Assert.Equal(Ditolak, rejected.Status);
        // A rejection needs its reason.
        Assert.IsType<Rejection.Invalid>(ChangeDecider.CastVote(c, new VoteRequest(false, null), kadis, Now).Rejection);
    }

    [Fact]
    public void A_security_change_needs_the_security_officers_approval()
    {
        var c = Assessed(category: Keamanan, approvers: ["diskominfo-admin", "security-officer"], quorum: 1);
        c = Accepted(ChangeDecider.CastVote(c, new VoteRequest(true, null), Cab, Now));
        Assert.Equal(Dinilai, c.Status);
        c = Accepted(ChangeDecider.CastVote(c, new VoteRequest(true, "kendali akses memadai"), Security, Now));
        Assert.Equal(Disetujui, c.Status);
        // On other categories the security officer is not a CAB member.
        var other = Assessed(approvers: ["security-officer"]);
        Assert.IsType<Rejection.Forbidden>(ChangeDecider.CastVote(other, new VoteRequest(true, null), Security, Now).Rejection);
    }

    [Fact]
    public void A_standard_change_is_pre_approved_by_its_template()
    {
        Assert.Contains("templateName", Assert.IsType<Rejection.Invalid>(ChangeDecider.Submit(Guid.NewGuid(), Request(Standar), "op", Now).Rejection).Errors.ToDictionary().Keys);
        var c = Accepted(ChangeDecider.Submit(Guid.NewGuid(), Request(Standar, template: "Pembaruan sertifikat TLS"), "op", Now));
        Assert.Equal((Disetujui, true, PreApproved, true), (c.Status, c.Approved, c.ApprovalKind, c.Assessed));
    }

    [Fact]
    public void An_emergency_change_is_implemented_first_and_reviewed_only_after_its_retrospective_approval()
    {
        var c = Assessed() is var normal ? Accepted(ChangeDecider.Submit(Guid.NewGuid(), Request(Darurat), "op", Now)) : null!;
        c = Accepted(ChangeDecider.Assess(c, new AssessmentRequest(5, 5, null, null, ["diskominfo-admin"], 1), null, Cab, Now));
        c = Accepted(ChangeDecider.Implement(c, new ImplementationRequest(Now, "tambal celah kritis"), "op", Now));
        Assert.False(c.OutsideWindow);
        Assert.Equal(ChangeDecider.RetrospectiveRule,
            Assert.IsType<Rejection.BreaksRule>(ChangeDecider.ReviewAfter(c, new ReviewRequest(true, 0, "x"), "op", Now).Rejection).Rule);
        c = Accepted(ChangeDecider.CastVote(c, new VoteRequest(true, "darurat dapat diterima"), Cab, Now));
        Assert.Equal((Diimplementasikan, Retrospective), (c.Status, c.ApprovalKind));
        Accepted(ChangeDecider.ReviewAfter(c, new ReviewRequest(true, 0, "siapkan prosedur darurat"), "op", Now));
        Assert.Equal(Dinilai, normal.Status);
    }

    [Fact]
    public void Implementation_outside_the_window_is_flagged_and_conflicts_are_shown()
    {
        var c = Accepted(ChangeDecider.CastVote(Assessed(), new VoteRequest(true, null), Cab, Now));
        c = Accepted(ChangeDecider.Schedule(c, new ScheduleRequest(Now.AddDays(1), Now.AddDays(1).AddHours(2)), "op", Now));
        var other = c.Copy();
        other.Id = Guid.NewGuid();
        other.WindowStart = Now.AddDays(1).AddHours(1);
        other.WindowEnd = Now.AddDays(1).AddHours(5);
        var elsewhere = other.Copy();
        elsewhere.Id = Guid.NewGuid();
        elsewhere.Services = [Guid.NewGuid()];
        Assert.Equal(other.Id, Assert.Single(ChangeDecider.ConflictsOf(c, [c, other, elsewhere])).Id);

        var late = Accepted(ChangeDecider.Implement(c, new ImplementationRequest(Now.AddDays(1).AddHours(3), null), "op", Now.AddDays(2)));
        Assert.True(late.OutsideWindow);
        Assert.IsType<Rejection.Invalid>(ChangeDecider.Schedule(c, new ScheduleRequest(Now.AddDays(2), Now.AddDays(1)), "op", Now).Rejection);
    }

    private static KnownRisk Risk(string opd, bool withdrawn = false) => KnownRisk.From(new RiskChangedIntegrationEvent(
        "kota-x", Guid.NewGuid(), 2, opd, 2026, "negatif", "keamanan-spbe", 15, null, true, true, true, "disetujui", withdrawn, Now));

    [Fact]
    public void An_assessment_links_only_a_learned_risk_not_withdrawn_of_an_opd_the_actor_reads()
    {
        var submitted = Accepted(ChangeDecider.Submit(Guid.NewGuid(), Request(), "operator", Now));
        Decision<ChangeRequest> Assess(Guid riskId, KnownRisk? risk, ChangeActor actor) =>
            ChangeDecider.Assess(submitted, new AssessmentRequest(2, 4, riskId, null, ["diskominfo-admin"], 1), risk, actor, Now);
        void Refused(Decision<ChangeRequest> d, string detail)
        {
            var rule = Assert.IsType<Rejection.BreaksRule>(d.Rejection);
            Assert.Equal((KnownRisk.UnknownRule, "riskId"), (rule.Rule, rule.Field));
            Assert.Contains(detail, rule.Detail);
        }

        var risk = Risk("dinkes");
        Assert.Equal(risk.Id, Accepted(Assess(risk.Id, risk, Cab)).Assessment!.RiskId);
        Refused(Assess(Guid.NewGuid(), null, Cab), "tidak dikenal");                 // not learned (yet)
        Refused(Assess(Guid.NewGuid(), risk, Cab), "tidak dikenal");                 // another risk's copy
        var withdrawn = Risk("dinkes", withdrawn: true);
        Refused(Assess(withdrawn.Id, withdrawn, Cab), "dicabut");

        // A CAB member confined to one OPD (none today: the CAB is Diskominfo) may not link another OPD's risk.
        var confined = Cab with { OnlyOpd = "dishub" };
        Refused(Assess(risk.Id, risk, confined), "tidak dikenal");
        Assert.True(new ChangeActor("op", "op", false, false, "dinkes").CanRead("dinkes"));
        Assert.False(new ChangeActor("op", "op", false, false, "dinkes").CanRead("dishub"));
    }
}
