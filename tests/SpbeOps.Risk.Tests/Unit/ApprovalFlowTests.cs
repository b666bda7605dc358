using SpbeOps.Records;
using SpbeOps.Risk.Api.Approval;
using SpbeOps.Risk.Api.Contexts;
using static SpbeOps.Risk.Tests.Unit.Builders;

namespace SpbeOps.Risk.Tests.Unit;

public sealed class ApprovalFlowTests
{
    private static readonly ApprovalActor Operator = new("opd-operator@diskominfo", IsAdmin: false, IsOperator: true, "diskominfo");
    private static readonly ApprovalActor OtherOperator = new("opd-operator@dinkes", false, true, "dinkes");
    private static readonly ApprovalActor Admin = new("diskominfo-admin", true, false, null);
    private static readonly ApprovalActor Auditor = new("auditor", false, false, null);

    [Theory]
    [InlineData("draft", "ajukan", "diajukan", "pengelola")]
    [InlineData("dikembalikan", "ajukan", "diajukan", "pengelola")]
    [InlineData("diajukan", "verifikasi", "diverifikasi", "koordinator")]
    [InlineData("diverifikasi", "setujui", "disetujui", "pemilik")]
    [InlineData("diajukan", "kembalikan", "dikembalikan", "koordinator")]
    [InlineData("diverifikasi", "kembalikan", "dikembalikan", "pemilik")]
    public void Each_step_moves_in_the_order_Pengelola_Koordinator_Pemilik(string from, string action, string to, string role)
    {
        var moved = ApprovalFlow.Next(from, action)!;
        Assert.Equal((to, role), (moved.To, moved.Role));
    }

    [Theory]
    [InlineData("draft", "verifikasi")]
    [InlineData("draft", "setujui")]
    [InlineData("draft", "kembalikan")]
    [InlineData("diajukan", "setujui")]   // the Koordinator cannot be skipped
    [InlineData("diajukan", "ajukan")]
    [InlineData("diverifikasi", "verifikasi")]
    [InlineData("disetujui", "setujui")]
    [InlineData("disetujui", "kembalikan")]
    [InlineData("dikembalikan", "verifikasi")]
    public void Steps_out_of_order_are_refused(string from, string action) =>
        Assert.Null(ApprovalFlow.Next(from, action));

    [Fact]
    public void Without_named_accounts_an_operator_is_Pengelola_and_Koordinator_of_its_own_OPD_but_never_Pemilik()
    {
        var structure = Context().Structure;
        Assert.True(ApprovalFlow.Holds(Operator, UprRoles.Pengelola, "diskominfo", structure));
        Assert.True(ApprovalFlow.Holds(Operator, UprRoles.Koordinator, "diskominfo", structure));
        Assert.False(ApprovalFlow.Holds(Operator, UprRoles.Pemilik, "diskominfo", structure));
        Assert.False(ApprovalFlow.Holds(OtherOperator, UprRoles.Pengelola, "diskominfo", structure));
        Assert.False(ApprovalFlow.Holds(Auditor, UprRoles.Pengelola, "diskominfo", structure));
    }

    [Fact]
    public void Diskominfo_acts_in_every_role_for_every_OPD()
    {
        foreach (var role in new[] { UprRoles.Pengelola, UprRoles.Koordinator, UprRoles.Pemilik })
            Assert.True(ApprovalFlow.Holds(Admin, role, "dinkes", null));
    }

    [Fact]
    public void Named_accounts_in_the_structure_are_the_only_holders_of_their_role()
    {
        var structure = new RiskStructure(
            new RoleHolder("Kepala Dinas", "Kepala", "kadis@diskominfo"),
            new RoleHolder("Sekretaris", "Sekretaris", "sekdis@diskominfo"),
            [new RoleHolder("Staf", "Pengelola", null)]);
        var kadis = Operator with { Subject = "kadis@diskominfo" };
        Assert.True(ApprovalFlow.Holds(kadis, UprRoles.Pemilik, "diskominfo", structure));
        Assert.False(ApprovalFlow.Holds(Operator, UprRoles.Pemilik, "diskominfo", structure));
        Assert.False(ApprovalFlow.Holds(Operator, UprRoles.Koordinator, "diskominfo", structure));
        Assert.True(ApprovalFlow.Holds(Operator, UprRoles.Pengelola, "diskominfo", structure)); // no account named for Pengelola
        Assert.False(ApprovalFlow.Holds(kadis with { Opd = "dinkes" }, UprRoles.Pemilik, "diskominfo", structure));
    }

    [Fact]
    public void A_step_records_who_in_which_role_and_the_comment()
    {
        var ctx = Context();
        var decision = ApprovalFlow.Decide(ctx, new ApprovalRequest("ajukan", "mohon diverifikasi"), Operator, "Operator Diskominfo", ctx.Structure, Now);
        var step = Assert.IsType<RiskContextApprovalRecorded>(decision.Change).Step;
        Assert.Equal(("ajukan", "draft", "diajukan", "pengelola", "Operator Diskominfo", "mohon diverifikasi"),
            (step.Action, step.From, step.To, step.Role, step.Actor, step.Comment));
        Assert.Equal("diajukan", decision.Next!.ApprovalStatus);
        Assert.Single(decision.Next.ApprovalLog);
        Assert.Equal("draft", ctx.ApprovalStatus); // the decider never mutates its input
    }

    [Fact]
    public void Returning_needs_a_reason_and_unknown_actions_are_field_errors()
    {
        var ctx = Context();
        ctx.ApprovalStatus = ApprovalFlow.Submitted;
        var noReason = Rejected<Rejection.Invalid, RiskContext>(ApprovalFlow.Decide(ctx, new ApprovalRequest("kembalikan", " "), Operator, "op", null, Now));
        Assert.Equal(["comment"], noReason.Errors.ToDictionary().Keys);
        var unknown = Rejected<Rejection.Invalid, RiskContext>(ApprovalFlow.Decide(ctx, new ApprovalRequest("tolak", null), Operator, "op", null, Now));
        Assert.Equal(["action"], unknown.Errors.ToDictionary().Keys);
        Assert.Equal(ApprovalFlow.Submitted, ctx.ApprovalStatus);
    }

    [Fact]
    public void An_operator_cannot_approve_but_Diskominfo_can()
    {
        var ctx = Context();
        ctx.ApprovalStatus = ApprovalFlow.Verified;
        Rejected<Rejection.Forbidden, RiskContext>(ApprovalFlow.Decide(ctx, new ApprovalRequest("setujui", null), Operator, "op", ctx.Structure, Now));
        var approved = Accepted(ApprovalFlow.Decide(ctx, new ApprovalRequest("setujui", "disetujui"), Admin, "admin", ctx.Structure, Now));
        Assert.Equal(ApprovalFlow.Approved, approved.ApprovalStatus);
        Assert.Equal("approval-order",
            Rejected<Rejection.Conflict, RiskContext>(ApprovalFlow.Decide(approved, new ApprovalRequest("setujui", null), Admin, "admin", null, Now)).Rule);
    }

    [Theory]
    [InlineData("draft", true, "draft")]
    [InlineData("dikembalikan", true, "dikembalikan")]
    [InlineData("disetujui", true, "draft")]
    [InlineData("diajukan", false, null)]
    [InlineData("diverifikasi", false, null)]
    public void Records_are_frozen_under_review_and_an_edit_reopens_an_approved_one(string status, bool editable, string? after)
    {
        Assert.Equal(editable, ApprovalFlow.IsEditable(status));
        if (after is not null) Assert.Equal(after, ApprovalFlow.AfterEdit(status));
    }
}
