using SpbeOps.Indicators.Rubric;

namespace SpbeOps.Indicators.Tests.Rubric;

public class LevelEvaluatorTests
{
    private static readonly SpbeRubric Rubric = RubricLoader.LoadEmbedded();
    private static readonly RubricIndicator Assets = Rubric.Indicator(24);
    private static readonly RubricIndicator Risk = Rubric.Indicator(21);

    private static readonly string[] Lifecycle = ["perencanaan", "pengadaan", "pemanfaatan", "penghapusan"];

    private static MetricValue M(object value, string evidenceId = "ev-1") =>
        new(value, [new Evidence(evidenceId, "test", $"evidence {evidenceId}")]);

    private static Dictionary<string, MetricValue> AssetsL2L3() => new()
    {
        ["governance.programme.current"] = M(1),
        ["governance.guideline.covers"] = M(Lifecycle),
        ["assets.lifecycle.inUse"] = M(true),
    };

    private static Dictionary<string, MetricValue> AssetsAll()
    {
        var metrics = AssetsL2L3();
        metrics["governance.strategy.byIctUnit"] = M(true);
        metrics["assets.register.opdCoverage"] = M(1.0);
        metrics["governance.review.last12Months"] = M(2);
        metrics["governance.followUp.completed"] = M(1);
        return metrics;
    }

    private static string[] MissingIds(LevelAssessment a) => a.MissingForNextLevel.Select(c => c.Id).ToArray();

    [Fact]
    public void Indicator_24_reaches_5_with_every_metric_satisfied_and_nothing_is_missing()
    {
        var a = LevelEvaluator.Evaluate(Assets, AssetsAll());

        Assert.Equal(5, a.Level);
        Assert.Empty(a.MissingForNextLevel);
        Assert.Null(a.Note);
        Assert.All(a.Levels, l => Assert.True(l.Met && l.Attained));
        Assert.All(a.Levels.SelectMany(l => l.Criteria), c => Assert.True(c.Met));
    }

    [Fact]
    public void Indicator_24_with_only_level_2_and_3_metrics_is_3_and_lists_all_of_level_4()
    {
        var a = LevelEvaluator.Evaluate(Assets, AssetsL2L3());

        Assert.Equal(3, a.Level);
        Assert.Equal(["24.4.strategy", "24.4.coverage", "24.4.review"], MissingIds(a));
        Assert.All(a.MissingForNextLevel, c => Assert.Null(c.Actual));
        Assert.Equal([true, true, true, false, false], a.Levels.Select(l => l.Attained));
    }

    [Fact]
    public void Missing_for_next_level_lists_exactly_the_unmet_criteria_of_that_level()
    {
        var metrics = AssetsL2L3();
        metrics["governance.strategy.byIctUnit"] = M(true);
        metrics["assets.register.opdCoverage"] = M(0.9);

        var a = LevelEvaluator.Evaluate(Assets, metrics);

        Assert.Equal(3, a.Level);
        Assert.Equal(["24.4.coverage", "24.4.review"], MissingIds(a));
        Assert.Equal(0.9, a.MissingForNextLevel[0].Actual);
        Assert.Equal(1.0, a.MissingForNextLevel[0].Expected);
    }

    [Fact]
    public void Levels_are_cumulative_higher_criteria_do_not_count_without_the_lower_ones()
    {
        var metrics = AssetsAll();
        metrics["governance.programme.current"] = M(0);

        var a = LevelEvaluator.Evaluate(Assets, metrics);

        Assert.Equal(1, a.Level);
        Assert.Equal(["24.2.programme"], MissingIds(a));
        Assert.Equal([true, false, true, true, true], a.Levels.Select(l => l.Met));
        Assert.Equal([true, false, false, false, false], a.Levels.Select(l => l.Attained));
    }

    [Fact]
    public void A_gap_in_the_middle_stops_at_the_level_below_it()
    {
        var metrics = AssetsAll();
        metrics["assets.lifecycle.inUse"] = M(false);

        var a = LevelEvaluator.Evaluate(Assets, metrics);

        Assert.Equal(2, a.Level);
        Assert.Equal(["24.3.lifecycle"], MissingIds(a));
    }

    [Fact]
    public void Missing_metric_counts_as_not_met_with_null_actual()
    {
        var a = LevelEvaluator.Evaluate(Assets, new Dictionary<string, MetricValue>());

        Assert.Equal(1, a.Level);
        var missing = Assert.Single(a.MissingForNextLevel);
        Assert.Equal("governance.programme.current", missing.Metric);
        Assert.Null(missing.Actual);
        Assert.False(missing.Met);
        Assert.Empty(missing.Evidence);
        Assert.All(a.Levels.Skip(1).SelectMany(l => l.Criteria), c => Assert.False(c.Met));

        var nullValue = LevelEvaluator.Evaluate(Assets, new Dictionary<string, MetricValue> { ["governance.programme.current"] = new(null, []) });
        Assert.Equal(1, nullValue.Level);
    }

    [Fact]
    public void Criterion_results_carry_the_metric_evidence()
    {
        var metrics = AssetsL2L3();
        metrics["governance.guideline.covers"] = M(Lifecycle, "pedoman-aset-2026");

        var a = LevelEvaluator.Evaluate(Assets, metrics);

        var guideline = a.Levels[2].Criteria.Single(c => c.Id == "24.3.guideline");
        Assert.Equal("pedoman-aset-2026", Assert.Single(guideline.Evidence).Id);
        Assert.Equal(Lifecycle, Assert.IsAssignableFrom<IReadOnlyList<string>>(guideline.Actual));
        Assert.Equal(Assets.Levels[2].Criteria[0].Text, guideline.Text);
        Assert.Equal("containsAll", guideline.Op);
    }

    [Theory]
    [InlineData(new[] { "perencanaan", "pengadaan", "pemanfaatan", "penghapusan" }, true)]
    [InlineData(new[] { "penghapusan", "pemanfaatan", "pengadaan", "perencanaan", "pemeliharaan" }, true)]
    [InlineData(new[] { "PERENCANAAN", "Pengadaan", "pemanfaatan", "penghapusan" }, true)]
    [InlineData(new[] { "perencanaan", "pengadaan", "pemanfaatan" }, false)]
    [InlineData(new string[0], false)]
    public void ContainsAll_needs_every_expected_item(string[] covers, bool met)
    {
        var criterion = Assets.Levels[2].Criteria.Single(c => c.Op == CriterionOps.ContainsAll);
        var result = LevelEvaluator.Check(criterion, new Dictionary<string, MetricValue> { [criterion.Metric] = M(covers) });
        Assert.Equal(met, result.Met);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(1.0, false)]
    public void IsTrue_needs_a_true_bool(object actual, bool met)
    {
        var criterion = Assets.Levels[2].Criteria.Single(c => c.Op == CriterionOps.IsTrue);
        Assert.Equal(met, LevelEvaluator.Check(criterion, new Dictionary<string, MetricValue> { [criterion.Metric] = M(actual) }).Met);
    }

    [Theory]
    [InlineData(1.0, true)]
    [InlineData(1.5, true)]
    [InlineData(0.999, false)]
    [InlineData(0.0, false)]
    public void GreaterOrEqual_compares_numbers(double actual, bool met)
    {
        var criterion = Assets.Levels[3].Criteria.Single(c => c.Metric == "assets.register.opdCoverage");
        Assert.Equal(met, LevelEvaluator.Check(criterion, new Dictionary<string, MetricValue> { [criterion.Metric] = M(actual) }).Met);
    }

    [Fact]
    public void GreaterOrEqual_with_a_non_number_is_not_met()
    {
        var criterion = Assets.Levels[1].Criteria[0];
        Assert.False(LevelEvaluator.Check(criterion, new Dictionary<string, MetricValue> { [criterion.Metric] = M(true) }).Met);
    }

    [Theory]
    [InlineData("<=", 3.0, 2.0, true)]
    [InlineData("<=", 3.0, 3.0, true)]
    [InlineData("<=", 3.0, 3.5, false)]
    [InlineData("==", 2.0, 2.0, true)]
    [InlineData("==", 2.0, 2.5, false)]
    public void LessOrEqual_and_equal_compare_numbers(string op, double expected, double actual, bool met)
    {
        var criterion = new RubricCriterion("x.1", new LocalizedText("x", "x"), "open.incidents", op, expected);
        Assert.Equal(met, LevelEvaluator.Check(criterion, new Dictionary<string, MetricValue> { ["open.incidents"] = M(actual) }).Met);
    }

    [Fact]
    public void Equal_compares_bools()
    {
        var criterion = new RubricCriterion("x.1", new LocalizedText("x", "x"), "flag", "==", false);
        Assert.True(LevelEvaluator.Check(criterion, new Dictionary<string, MetricValue> { ["flag"] = M(false) }).Met);
        Assert.False(LevelEvaluator.Check(criterion, new Dictionary<string, MetricValue> { ["flag"] = M(true) }).Met);
        Assert.False(LevelEvaluator.Check(criterion, new Dictionary<string, MetricValue> { ["flag"] = M(0.0) }).Met);
    }

    [Fact]
    public void Indicator_21_climbs_with_the_risk_metrics()
    {
        var metrics = new Dictionary<string, MetricValue>
        {
            ["governance.programme.current"] = M(1),
            ["risk.context.set"] = M(true),
            ["risk.assessments.complete"] = M(true),
            ["risk.treatment.decidedAboveAppetite"] = M(false),
        };
        var a = LevelEvaluator.Evaluate(Risk, metrics);
        Assert.Equal(2, a.Level);
        Assert.Equal(["21.3.treatment"], MissingIds(a));

        metrics["risk.treatment.decidedAboveAppetite"] = M(true);
        metrics["governance.strategy.byCommittee"] = M(true);
        metrics["risk.register.opdCoverage"] = M(1.0);
        metrics["risk.monitoring.onSchedule"] = M(true);
        Assert.Equal(4, LevelEvaluator.Evaluate(Risk, metrics).Level);

        metrics["governance.followUp.completed"] = M(3);
        var top = LevelEvaluator.Evaluate(Risk, metrics);
        Assert.Equal(5, top.Level);
        Assert.Empty(top.MissingForNextLevel);
    }

    [Fact]
    public void Indicator_outside_the_management_domain_is_1_with_a_note()
    {
        var a = LevelEvaluator.Evaluate(Rubric.Indicator(32), AssetsAll());

        Assert.Equal(1, a.Level);
        Assert.Empty(a.Levels);
        Assert.Empty(a.MissingForNextLevel);
        Assert.Contains("Diskominfo", a.Note?.En, StringComparison.Ordinal);
    }

    [Fact]
    public void MetricValue_normalises_numbers_and_rejects_other_types()
    {
        Assert.Equal(1.0, new MetricValue(1, []).Value);
        Assert.Equal(0.5, new MetricValue(0.5m, []).Value);
        Assert.Equal(["a"], Assert.IsAssignableFrom<IReadOnlyList<string>>(MetricValue.Of(new HashSet<string> { "a" }).Value));
        Assert.Throws<ArgumentException>(() => new MetricValue("yes", []));
        Assert.Throws<ArgumentException>(() => new MetricValue(DateTime.UnixEpoch, []));
    }
}
