using SpbeOps.Records;
using SpbeOps.Risk.Api.Contexts;
using SpbeOps.Risk.Api.Risks;
using static SpbeOps.Risk.Tests.Unit.Builders;

namespace SpbeOps.Risk.Tests.Unit;

public sealed class RiskDeciderTests
{
    [Fact]
    public void Assessment_derives_besaran_level_appetite_and_decision_from_the_context()
    {
        var risk = NewRisk(Context(), Assessment(likelihood: 4, impact: 4));
        Assert.Equal(19, risk.Besaran);
        Assert.Equal(4, risk.Level);
        Assert.Equal("Tinggi", risk.LevelName);
        Assert.Equal("jingga", risk.LevelColour);
        Assert.Equal(11, risk.Appetite); // defaultAppetite negative
        Assert.True(risk.AboveAppetite);
        Assert.Equal("Ya", risk.Decision);
        Assert.True(risk.AssessmentComplete);
    }

    [Theory]
    [InlineData(10, 11, false)]
    [InlineData(11, 11, true)] // the appetite is the minimum besaran that must be treated
    [InlineData(12, 11, true)]
    public void Decision_to_treat_is_besaran_at_or_above_the_appetite(int besaran, int appetite, bool treat) =>
        Assert.Equal(treat, RiskDecider.IsAboveAppetite(besaran, appetite));

    [Fact]
    public void Appetite_is_per_category_and_per_type()
    {
        // The regulation's example: Rencana dan Anggaran +16 / −6.
        var ctx = Context();
        var negative = NewRisk(ctx, Assessment(likelihood: 2, impact: 1, type: "negatif", category: "rencana-dan-anggaran")); // besaran 2
        var negativeAbove = NewRisk(ctx, Assessment(likelihood: 2, impact: 2, type: "negatif", category: "rencana-dan-anggaran")); // besaran 7
        var positive = NewRisk(ctx, Assessment(likelihood: 2, impact: 2, type: "positif", category: "rencana-dan-anggaran")); // besaran 7
        Assert.Equal((6, false), (negative.Appetite, negative.AboveAppetite));
        Assert.Equal((6, true), (negativeAbove.Appetite, negativeAbove.AboveAppetite));
        Assert.Equal((16, false), (positive.Appetite, positive.AboveAppetite));
    }

    [Fact]
    public void Priority_is_descending_besaran_with_ties_broken_by_impact_then_code()
    {
        var ctx = Context();
        var low = NewRisk(ctx, Assessment(1, 1), "R-001");          // 1
        var l5i1 = NewRisk(ctx, Assessment(5, 1), "R-002");         // 9
        var l1i5 = NewRisk(ctx, Assessment(1, 5), "R-003");         // 20
        var top = NewRisk(ctx, Assessment(5, 5), "R-004");          // 25
        var tieA = NewRisk(ctx, Assessment(3, 2), "R-006");         // 10
        var tieB = NewRisk(ctx, Assessment(3, 2), "R-005");         // 10, same impact: code decides
        var withdrawn = Accepted(RiskDecider.Withdraw(NewRisk(ctx, Assessment(5, 5), "R-007"), "duplikat"));

        var p = RiskDecider.Priorities([low, l5i1, l1i5, top, tieA, tieB, withdrawn]);

        Assert.Equal([top.Id, l1i5.Id, tieB.Id, tieA.Id, l5i1.Id, low.Id], p.OrderBy(kv => kv.Value).Select(kv => kv.Key));
        Assert.False(p.ContainsKey(withdrawn.Id));
        Assert.Equal(1, p[top.Id]);
    }

    [Fact]
    public void Same_besaran_prefers_the_higher_impact()
    {
        // No two cells of the official matrix share a besaran, so build the tie directly.
        var ctx = Context();
        var a = NewRisk(ctx, Assessment(4, 2), "R-001");
        var b = NewRisk(ctx, Assessment(2, 3), "R-002");
        b.Besaran = a.Besaran;
        var p = RiskDecider.Priorities([a, b]);
        Assert.Equal(1, p[b.Id]);
    }

    [Theory]
    [InlineData("positif", "eskalasi")]
    [InlineData("positif", "eksploitasi")]
    [InlineData("positif", "peningkatan")]
    [InlineData("positif", "pembagian")]
    [InlineData("positif", "penerimaan")]
    [InlineData("negatif", "eskalasi")]
    [InlineData("negatif", "mitigasi")]
    [InlineData("negatif", "transfer")]
    [InlineData("negatif", "penghindaran")]
    [InlineData("negatif", "penerimaan")]
    public void Options_allowed_for_the_risk_type_are_accepted(string type, string option)
    {
        var ctx = Context();
        var risk = NewRisk(ctx, Assessment(4, 4, type));
        var decision = RiskDecider.Treat(risk, Treatment(option, 2, 2), ctx, Guid.NewGuid(), null, "tester", Now);
        var planned = Accepted(decision);
        Assert.IsType<RiskTreatmentPlanned>(decision.Change);
        Assert.Equal(option, Assert.Single(planned.Treatments).Option);
        Assert.True(planned.TreatmentDecided);
        Assert.Equal(7, planned.ResidualBesaran);
    }

    [Theory]
    [InlineData("positif", "mitigasi")]
    [InlineData("positif", "transfer")]
    [InlineData("positif", "penghindaran")]
    [InlineData("negatif", "eksploitasi")]
    [InlineData("negatif", "peningkatan")]
    [InlineData("negatif", "pembagian")]
    public void Options_of_the_other_type_break_the_option_rule(string type, string option)
    {
        var ctx = Context();
        var broken = Rejected<Rejection.BreaksRule, RegisteredRisk>(
            RiskDecider.Treat(NewRisk(ctx, Assessment(4, 4, type)), Treatment(option), ctx, Guid.NewGuid(), null, "tester", Now));
        Assert.Equal(("option-fits-risk-type", "option"), (broken.Rule, broken.Field));
    }

    [Fact]
    public void Unknown_option_and_missing_fields_are_field_errors()
    {
        var ctx = Context();
        var invalid = Rejected<Rejection.Invalid, RegisteredRisk>(RiskDecider.Treat(NewRisk(ctx),
            new TreatmentRequest("abaikan", "", null, new DateOnly(2026, 9, 1), new DateOnly(2026, 8, 1), null, 6, null), ctx, Guid.NewGuid(), null, "tester", Now));
        Assert.Equivalent(new[] { "option", "actionPlan", "output", "personInCharge", "residualLikelihoodLevel", "residualImpactLevel", "scheduleEnd" },
            invalid.Errors.ToDictionary().Keys, strict: true);
    }

    [Fact]
    public void Residual_of_a_negative_risk_cannot_exceed_its_besaran()
    {
        var ctx = Context();
        Assert.Equal("residual-not-above-inherent", Rejected<Rejection.BreaksRule, RegisteredRisk>(
            RiskDecider.Treat(NewRisk(ctx, Assessment(2, 2)), Treatment("mitigasi", 5, 5), ctx, Guid.NewGuid(), null, "tester", Now)).Rule);
    }

    [Fact]
    public void Residual_within_appetite_is_flagged_and_the_latest_plan_counts()
    {
        var ctx = Context();
        var risk = NewRisk(ctx, Assessment(5, 5));
        var first = Accepted(RiskDecider.Treat(risk, Treatment("mitigasi", 4, 4), ctx, Guid.NewGuid(), null, "tester", Now));
        Assert.True(first.ResidualAboveAppetite); // 19 ≥ 11: treat again
        var secondPlan = Guid.NewGuid();
        var second = Accepted(RiskDecider.Treat(first, Treatment("transfer", 2, 2), ctx, secondPlan, null, "tester", Now));
        Assert.Equal((7, false, 2), (second.ResidualBesaran!.Value, second.ResidualAboveAppetite!.Value, second.Treatments.Count));
        var removed = Accepted(RiskDecider.RemoveTreatment(second, secondPlan, ctx));
        Assert.Equal(19, removed.ResidualBesaran);
        Rejected<Rejection.NotFound, RegisteredRisk>(RiskDecider.RemoveTreatment(removed, secondPlan, ctx));
    }

    [Fact]
    public void Assessment_lists_the_formulir_3_fields_still_missing()
    {
        var risk = NewRisk(Context(), new RiskRequest("diskominfo", 2026, "negatif", "Kebocoran data", "keamanan-spbe", "reputasi", 3, 3));
        Assert.False(risk.AssessmentComplete);
        Assert.Equal(["cause", "impact", "existingControls", "likelihoodExplanation", "impactExplanation"], risk.MissingForAssessment);
    }

    [Fact]
    public void Unknown_category_area_type_and_levels_outside_the_scale_are_field_errors()
    {
        var errors = RiskDecider.Validate(
            new RiskRequest("diskominfo", 2026, "netral", "", "cuaca", "moral", 6, 0, Code: "kode salah!"), Context());
        Assert.Equivalent(new[] { "riskType", "event", "category", "impactArea", "likelihoodLevel", "impactLevel", "code" },
            errors.ToDictionary().Keys, strict: true);
    }

    [Fact]
    public void A_category_without_appetite_cannot_be_assessed_yet()
    {
        var ctx = Context(CompleteContextRequest() with { DefaultAppetite = null }); // only the regulation's three examples
        Assert.Contains("category", RiskDecider.Validate(Assessment(category: "keamanan-spbe"), ctx).ToDictionary().Keys);
        Assert.False(RiskDecider.Validate(Assessment(category: "sdm-spbe"), ctx).Any);
    }

    [Fact]
    public void Editing_an_approved_risk_makes_it_a_draft_again()
    {
        var ctx = Context();
        var risk = NewRisk(ctx);
        risk.ApprovalStatus = "disetujui";
        var revised = Accepted(RiskDecider.Revise(risk, Assessment(3, 3), ctx, "api"));
        Assert.Equal(("draft", 14), (revised.ApprovalStatus, revised.Besaran));
        Assert.Equal("disetujui", risk.ApprovalStatus); // the current state is untouched

        risk.ApprovalStatus = "diajukan";
        Assert.Equal("locked-in-review", Rejected<Rejection.Conflict, RegisteredRisk>(RiskDecider.Revise(risk, Assessment(3, 3), ctx, "api")).Rule);
        var withdrawn = Accepted(RiskDecider.Withdraw(NewRisk(ctx), "duplikat"));
        Assert.Equal("withdrawn-is-final", Rejected<Rejection.Conflict, RegisteredRisk>(RiskDecider.Revise(withdrawn, Assessment(3, 3), ctx, "api")).Rule);
    }

    [Fact]
    public void Next_code_fills_the_first_free_number()
    {
        Assert.Equal("R-001", RiskDecider.NextCode([]));
        Assert.Equal("R-003", RiskDecider.NextCode(["R-001", "R-002", "X-9"]));
    }

    [Fact]
    public void Derive_reports_whether_a_context_change_moved_anything()
    {
        var ctx = Context();
        var risk = NewRisk(ctx, Assessment(3, 3, category: "keamanan-spbe"));
        Assert.False(RiskDecider.Derive(risk.Copy(), ctx));
        ctx.Appetite = ctx.Appetite.Select(a => a.Category == "keamanan-spbe" ? a with { Negative = 20 } : a).ToList();
        var copy = risk.Copy();
        Assert.True(RiskDecider.Derive(copy, ctx));
        Assert.False(copy.AboveAppetite);
    }
}
