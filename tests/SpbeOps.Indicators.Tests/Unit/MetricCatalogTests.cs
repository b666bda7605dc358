using SpbeOps.Indicators.Api.Facts;
using SpbeOps.Indicators.Api.Maturity;
using SpbeOps.Indicators.Api.Metrics;
using SpbeOps.Indicators.Api.Organisation;
using SpbeOps.Indicators.Rubric;

namespace SpbeOps.Indicators.Tests.Unit;

/// <summary>How each metric is measured from facts, for the instansi and for one OPD.</summary>
public sealed class MetricCatalogTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly SpbeRubric Rubric = RubricLoader.LoadEmbedded();

    private static FactSet Facts(params IFact[] facts)
    {
        var set = new FactSet().With(new OrganisationProfile
        {
            IctUnitOpd = "diskominfo",
            PerangkatDaerah = [new("dinkes", "Dinas Kesehatan"), new("diskominfo", "Diskominfo"), new("dishub", "Dinas Perhubungan")],
        });
        foreach (var f in facts) set.With(f);
        return set;
    }

    private static object? Value(string metric, FactSet facts, string? opd = null, int indicator = 24) =>
        MetricCatalog.Measure(Rubric.Indicator(indicator), new MetricScope(indicator, opd, facts, Today))[metric].Value;

    private static GovernanceFact Record(string type, string? kind = null, bool allOpd = true, string[]? scope = null, DateOnly? date = null,
        string? issuer = null, string? issuerOpd = null, string[]? covers = null, int indicator = 24, DateOnly? endDate = null,
        Guid? reviewId = null, string? status = null, DateOnly? completedOn = null, bool withdrawn = false) => new()
    {
        Id = Guid.NewGuid(), Version = 1, Indicator = indicator, RecordType = type, Title = type, PolicyKind = kind, AllOpd = allOpd,
        ScopeOpds = [.. scope ?? []], Date = date ?? Today.AddDays(-10), ValidFrom = type == "policy" ? date ?? Today.AddDays(-10) : null,
        EndDate = endDate, Issuer = issuer, IssuerOpd = issuerOpd, Covers = [.. covers ?? []], ReviewId = reviewId, Status = status,
        CompletedOn = completedOn, Withdrawn = withdrawn,
    };

    private static AssetFact Asset(string opd, string stage = "pemanfaatan") =>
        new() { Id = Guid.NewGuid(), Version = 1, Opd = opd, Kind = "hardware", Name = "PC", Stage = stage };

    [Fact]
    public void Every_metric_the_rubric_names_is_measured()
    {
        var named = Rubric.Indicators.SelectMany(i => i.Levels).SelectMany(l => l.Criteria).Select(c => c.Metric).Distinct();
        Assert.All(named, m => Assert.Contains(m, MetricCatalog.Names));
    }

    [Fact]
    public void Register_coverage_is_the_share_of_the_instansi_opd_list_and_names_who_is_missing()
    {
        var facts = Facts(Asset("dinkes"), Asset("dinkes"), Asset("diskominfo", "penghapusan"));
        var coverage = MetricCatalog.Measure(Rubric.Indicator(24), new MetricScope(24, null, facts, Today))["assets.register.opdCoverage"];
        Assert.Equal(Math.Round(1 / 3.0, 4), coverage.Value);
        Assert.Contains(coverage.Evidence, e => e.Id == "diskominfo" && e.Kind == "perangkat-daerah.missing"); // disposed assets do not count
        Assert.Contains(coverage.Evidence, e => e.Id == "dishub");
        Assert.Equal(1.0, Value("assets.register.opdCoverage", facts, "dinkes"));
        Assert.Equal(0.0, Value("assets.register.opdCoverage", facts, "dishub"));
    }

    [Fact]
    public void Without_an_opd_list_coverage_counts_the_opd_seen_in_records()
    {
        var facts = new FactSet().With(Asset("dinkes")).With(Record("programme", allOpd: false, scope: ["dishub"]));
        Assert.Equal(0.5, Value("assets.register.opdCoverage", facts));
        Assert.Equal(0.0, Value("assets.register.opdCoverage", new FactSet()));
    }

    [Fact]
    public void For_the_instansi_a_guideline_must_cover_every_opd_but_an_opd_guideline_counts_for_that_opd()
    {
        var own = Record("policy", "sop", allOpd: false, scope: ["dinkes"], covers: ["perencanaan", "pengadaan"]);
        var facts = Facts(own);
        Assert.Empty((IReadOnlyList<string>)Value("governance.guideline.covers", facts)!);
        Assert.Equal(["pengadaan", "perencanaan"], (IReadOnlyList<string>)Value("governance.guideline.covers", facts, "dinkes")!);
        Assert.Empty((IReadOnlyList<string>)Value("governance.guideline.covers", facts, "dishub")!);
    }

    [Fact]
    public void Only_guidelines_in_force_and_not_withdrawn_count()
    {
        var future = Record("policy", "pedoman", date: Today.AddDays(5), covers: ["perencanaan"]);
        var expired = Record("policy", "pedoman", covers: ["pengadaan"]);
        expired.ValidUntil = Today.AddDays(-1);
        var withdrawn = Record("policy", "sop", covers: ["pemanfaatan"], withdrawn: true);
        var strategy = Record("policy", "strategi", covers: ["penghapusan"]);
        Assert.Empty((IReadOnlyList<string>)Value("governance.guideline.covers", Facts(future, expired, withdrawn, strategy))!);
    }

    [Fact]
    public void The_asset_strategy_counts_when_issued_by_the_ict_unit_or_the_tim_koordinasi()
    {
        Assert.Equal(true, Value("governance.strategy.byIctUnit", Facts(Record("policy", "strategi", issuer: "kepala-perangkat-daerah", issuerOpd: "diskominfo"))));
        Assert.Equal(true, Value("governance.strategy.byIctUnit", Facts(Record("policy", "strategi", issuer: "tim-koordinasi-spbe"))));
        Assert.Equal(false, Value("governance.strategy.byIctUnit", Facts(Record("policy", "strategi", issuer: "kepala-perangkat-daerah", issuerOpd: "dinkes"))));
        Assert.Equal(false, Value("governance.strategy.byIctUnit", Facts(Record("policy", "pedoman", issuer: "tim-koordinasi-spbe"))));
    }

    [Fact]
    public void Programmes_count_while_they_run_and_reviews_for_twelve_months()
    {
        Assert.Equal(1.0, Value("governance.programme.current", Facts(Record("programme", endDate: Today.AddDays(1)))));
        Assert.Equal(0.0, Value("governance.programme.current", Facts(Record("programme", date: Today.AddYears(-2), endDate: Today.AddYears(-1)))));
        Assert.Equal(0.0, Value("governance.programme.current", Facts(Record("programme", indicator: 21, endDate: Today.AddDays(1)))));
        Assert.Equal(1.0, Value("governance.review.last12Months", Facts(Record("review", date: Today.AddDays(-364)))));
        Assert.Equal(0.0, Value("governance.review.last12Months", Facts(Record("review", date: Today.AddDays(-366)))));
    }

    [Fact]
    public void A_completed_follow_up_counts_only_when_it_follows_up_a_review_of_the_same_indicator()
    {
        var review = Record("review");
        var otherIndicatorReview = Record("review", indicator: 21);
        Assert.Equal(1.0, Value("governance.followUp.completed", Facts(review, Record("follow-up", reviewId: review.Id, status: "selesai", completedOn: Today))));
        Assert.Equal(0.0, Value("governance.followUp.completed", Facts(review, Record("follow-up", reviewId: review.Id, status: "berjalan"))));
        Assert.Equal(0.0, Value("governance.followUp.completed", Facts(otherIndicatorReview, Record("follow-up", reviewId: otherIndicatorReview.Id, status: "selesai", completedOn: Today))));
    }

    [Fact]
    public void Risk_metrics_follow_the_current_period_and_every_upr()
    {
        RiskFact Risk(string opd, bool complete = true, bool above = false, bool treated = false, int year = 2026) => new()
        {
            Id = Guid.NewGuid(), Version = 1, Opd = opd, PeriodYear = year, Category = "Keamanan SPBE", Besaran = above ? 20 : 5,
            AboveAppetite = above, AssessmentComplete = complete, TreatmentDecided = treated, RiskType = "negatif",
        };
        RiskContextFact Context(string opd) => new() { Id = Guid.NewGuid(), Version = 1, Opd = opd, PeriodYear = 2026, Complete = true };
        RiskMonitoringFact Report(string opd, int daysAgo) => new() { Id = Guid.NewGuid(), Version = 1, Opd = opd, PeriodYear = 2026, Kind = "triwulan", ReportedOn = Today.AddDays(-daysAgo) };

        var facts = Facts(Context("dinkes"), Risk("dinkes", above: true, treated: true), Risk("dishub", complete: false, above: true), Report("dinkes", 30), Report("dishub", 200));
        Assert.Equal(false, Value("risk.context.set", facts, indicator: 21));            // dishub keeps a register without a context
        Assert.Equal(true, Value("risk.context.set", facts, "dinkes", 21));
        Assert.Equal(false, Value("risk.assessments.complete", facts, indicator: 21));
        Assert.Equal(true, Value("risk.assessments.complete", facts, "dinkes", 21));
        Assert.Equal(false, Value("risk.treatment.decidedAboveAppetite", facts, indicator: 21));
        Assert.Equal(true, Value("risk.treatment.decidedAboveAppetite", facts, "dinkes", 21));
        Assert.Equal(false, Value("risk.monitoring.onSchedule", facts, indicator: 21)); // dishub's last report is 200 days old
        Assert.Equal(true, Value("risk.monitoring.onSchedule", facts, "dinkes", 21));
        Assert.Equal(Math.Round(2 / 3.0, 4), Value("risk.register.opdCoverage", facts, indicator: 21));
        Assert.Equal(0.0, Value("risk.register.opdCoverage", Facts(Risk("dinkes", year: 2025)), "dinkes", 21)); // last year's register
    }

    [Fact]
    public void The_engine_assesses_indicator_24_per_scope()
    {
        var review = Record("review");
        var facts = Facts(
            Record("programme", endDate: Today.AddDays(30)),
            Record("policy", "sop", covers: ["perencanaan", "pengadaan", "pemanfaatan", "penghapusan"]),
            Record("policy", "strategi", issuer: "tim-koordinasi-spbe"),
            review,
            Asset("dinkes"), Asset("diskominfo"));
        var engine = new MaturityEngine(Rubric, new FixedClock(Today));
        Assert.Equal(3, engine.Assess(24, null, facts).Level);     // dishub keeps no register yet
        Assert.Equal(4, engine.Assess(24, "dinkes", facts).Level);
        Assert.Equal(1, engine.Assess(22, null, facts).Level);     // no service feeds 22 yet
    }

    private sealed class FixedClock(DateOnly day) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
    }
}
