using SpbeOps.Indicators.Api.Facts;
using SpbeOps.Indicators.Api.Maturity;
using SpbeOps.Indicators.Api.Metrics;
using SpbeOps.Indicators.Api.Organisation;
using SpbeOps.Indicators.Rubric;

namespace SpbeOps.Indicators.Tests.Unit;

/// <summary>Indicators 22 and 29–31 from the Security and audit facts: the metrics, and the levels they reach.</summary>
public sealed class SecurityMetricsTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly SpbeRubric Rubric = RubricLoader.LoadEmbedded();

    private static FactSet Facts(params IFact[] facts)
    {
        var set = new FactSet().With(new OrganisationProfile
        {
            IctUnitOpd = "diskominfo",
            PerangkatDaerah = [new("dinkes", "Dinas Kesehatan"), new("diskominfo", "Diskominfo")],
        });
        foreach (var f in facts) set.With(f);
        return set;
    }

    private static IReadOnlyDictionary<string, MetricValue> Measure(int indicator, FactSet facts, string? opd = null) =>
        MetricCatalog.Measure(Rubric.Indicator(indicator), new MetricScope(indicator, opd, facts, Today));

    private static int Level(int indicator, FactSet facts, string? opd = null) =>
        LevelEvaluator.Evaluate(Rubric.Indicator(indicator), Measure(indicator, facts, opd)).Level;

    private static ControlImplementationFact Control(string opd, bool implemented = true, bool riskBased = true, string code = "APL-01") =>
        new() { Id = Guid.NewGuid(), Version = 1, Opd = opd, ControlCode = code, Implemented = implemented, RiskBased = riskBased };

    private static AuditFact Audit(string auditorType, string[] covers, DateOnly? reportedOn = null, bool certified = false,
        int findings = 1, int open = 0, string stage = "pelaporan", bool withdrawn = false, int indicator = 31) => new()
    {
        Id = Guid.NewGuid(), Version = 1, Indicator = indicator, Title = $"Audit {auditorType}", AuditorType = auditorType, CertifiedOnStart = certified, Stage = stage,
        PlannedStart = (reportedOn ?? Today).AddDays(-30), ReportedOn = reportedOn, Covers = [.. covers], FindingsTotal = findings,
        FindingsOpen = open, Withdrawn = withdrawn,
    };

    private static GovernanceFact Governance(int indicator, string type, string? kind = null, string? issuer = null, string[]? covers = null,
        Guid? reviewId = null, string? status = null) => new()
    {
        Id = Guid.NewGuid(), Version = 1, Indicator = indicator, RecordType = type, Title = type, PolicyKind = kind, AllOpd = true,
        Date = Today.AddDays(-10), EndDate = type == "programme" ? Today.AddDays(100) : null, ValidFrom = type == "policy" ? Today.AddDays(-10) : null,
        Issuer = issuer, Covers = [.. covers ?? []], ReviewId = reviewId, Status = status, CompletedOn = status == "selesai" ? Today.AddDays(-1) : null,
    };

    private static readonly string[] Both = ["keamanan-aplikasi", "keamanan-infrastruktur"];

    [Fact]
    public void Controls_in_some_opd_make_22_level_2_and_every_opd_with_risks_level_3()
    {
        Assert.Equal(1, Level(22, Facts(Control("dinkes", implemented: false))));
        Assert.Equal(2, Level(22, Facts(Control("dinkes"))));
        Assert.Equal(2, Level(22, Facts(Control("dinkes"), Control("diskominfo", riskBased: false))));
        Assert.Equal(3, Level(22, Facts(Control("dinkes"), Control("diskominfo"))));
    }

    [Fact]
    public void A_control_without_a_risk_is_named_as_the_reason()
    {
        var unlinked = Control("diskominfo", riskBased: false, code: "JIN-01");
        var riskBased = Measure(22, Facts(Control("dinkes"), unlinked))["security.controls.riskBased"];
        Assert.Equal(false, riskBased.Value);
        Assert.Contains(riskBased.Evidence, e => e.Id == unlinked.Id.ToString() && e.Kind == "security.control.withoutRisk");
        // For one OPD only its own implementations count.
        Assert.Equal(true, Measure(22, Facts(Control("dinkes"), unlinked), "dinkes")["security.controls.riskBased"].Value);
    }

    [Fact]
    public void The_summary_moves_an_implementation_between_its_counts()
    {
        var summary = new SecurityControlSummary { Id = "dinkes" };
        var before = Control("dinkes", riskBased: false);
        summary.Add(before);
        Assert.Equal((1, 1), (summary.Implemented, summary.WithoutRisk));
        summary.Remove(before);
        var after = Control("dinkes");
        after.Id = before.Id;
        summary.Add(after);
        Assert.Equal((1, 0), (summary.Implemented, summary.WithoutRisk));
        Assert.Empty(summary.NotRiskBased);
        summary.Remove(after);
        summary.Add(Control("dinkes", implemented: false));
        Assert.Equal((0, 0), (summary.Implemented, summary.WithoutRisk));
    }

    [Fact]
    public void Strategy_by_the_coordination_team_and_a_review_make_22_level_4_and_a_follow_up_level_5()
    {
        var review = Governance(22, "review");
        var facts = Facts(Control("dinkes"), Control("diskominfo"), Governance(22, "policy", "strategi", "walikota"), review);
        Assert.Equal(3, Level(22, facts));
        facts.With(Governance(22, "policy", "strategi", "tim-koordinasi-spbe"));
        Assert.Equal(4, Level(22, facts));
        facts.With(Governance(22, "follow-up", reviewId: review.Id, status: "selesai"));
        Assert.Equal(5, Level(22, facts));
    }

    [Fact]
    public void Audit_31_climbs_with_plan_guideline_internal_external_and_follow_up()
    {
        var facts = Facts(Audit("internal", Both, stage: "perencanaan", findings: 0));
        Assert.Equal(1, Level(31, facts));
        facts.With(Governance(31, "programme"));
        Assert.Equal(2, Level(31, facts));

        facts.With(Governance(31, "policy", "pedoman", covers: Both));
        facts.With(Audit("internal", ["keamanan-aplikasi"], Today.AddDays(-20)));
        Assert.Equal(2, Level(31, facts));
        Assert.Equal(new[] { "keamanan-aplikasi" }, Measure(31, facts)["audit.internalCovers"].Value);
        facts.With(Audit("internal", ["keamanan-infrastruktur"], Today.AddDays(-10)));
        Assert.Equal(3, Level(31, facts));

        facts.With(Audit("eksternal", Both, Today.AddDays(-5), certified: false));
        Assert.Equal(3, Level(31, facts));
        var external = Audit("eksternal", Both, Today.AddDays(-3), certified: true, findings: 3, open: 2);
        facts.With(external);
        Assert.Equal(4, Level(31, facts));

        var followUp = Measure(31, facts)["audit.findingsFollowedUp"];
        Assert.Equal(false, followUp.Value);
        Assert.Contains(followUp.Evidence, e => e.Id == external.Id.ToString() && e.Kind == "audit.openFindings");
        external.Version = 2;
        external.FindingsOpen = 0;
        facts.With(external);
        Assert.Equal(5, Level(31, facts));
    }

    [Fact]
    public void Audits_outside_the_two_year_cycle_or_withdrawn_do_not_count()
    {
        var facts = Facts(Governance(31, "programme"), Governance(31, "policy", "pedoman", covers: Both),
            Audit("internal", Both, Today.AddDays(-800)), Audit("internal", Both, Today.AddDays(-10), withdrawn: true));
        Assert.Equal(Array.Empty<string>(), Measure(31, facts)["audit.internalCovers"].Value);
        Assert.Equal(0.0, Measure(31, facts)["audit.cycle"].Value);
        // An audit covers every OPD: an OPD's level is the instansi's.
        facts.With(Audit("internal", Both, Today.AddDays(-10)));
        Assert.Equal(3, Level(31, facts, "dinkes"));
    }

    [Fact]
    public void Each_audit_indicator_counts_only_its_own_audits_over_its_own_subjects()
    {
        string[] infrastructure = ["tata-kelola", "infrastruktur", "kinerja"];
        string[] applications = ["aplikasi-umum", "aplikasi-khusus"];
        var facts = Facts(
            Governance(29, "programme"), Governance(29, "policy", "pedoman", covers: infrastructure),
            Governance(30, "programme"), Governance(30, "policy", "pedoman", covers: applications),
            Audit("internal", infrastructure, Today.AddDays(-10), indicator: 29),
            Audit("eksternal", infrastructure, Today.AddDays(-5), certified: true, indicator: 29),
            Audit("internal", applications, Today.AddDays(-10), indicator: 30));
        Assert.Equal(5, Level(29, facts));
        Assert.Equal(3, Level(30, facts));
        Assert.Equal(1, Level(31, facts)); // no security audit, no security programme
        facts.With(Audit("eksternal", applications, Today.AddDays(-4), certified: true, open: 1, indicator: 30));
        Assert.Equal(4, Level(30, facts));
    }
}
