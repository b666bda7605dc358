using SpbeOps.Indicators.Rubric;
using YamlDotNet.RepresentationModel;
using static SpbeOps.Indicators.Tests.Rubric.RubricYaml;

namespace SpbeOps.Indicators.Tests.Rubric;

public class RubricLoaderTests
{
    private static readonly SpbeRubric Rubric = RubricLoader.LoadEmbedded();

    [Fact]
    public void Shipped_rubric_has_the_P59_structure()
    {
        Assert.False(string.IsNullOrWhiteSpace(Rubric.Version));
        Assert.Contains("59/2020", Rubric.Source, StringComparison.Ordinal);
        Assert.Equal(47, Rubric.Indicators.Count);
        Assert.Equal(Enumerable.Range(1, 47), Rubric.Indicators.Select(i => i.Number).Order());
        Assert.Equal(100.00m, Rubric.Indicators.Sum(i => i.Weight));
        Assert.Equal([13m, 25m, 16.5m, 45.5m], Rubric.Domains.Select(d => d.Weight));
        Assert.Equal([13m, 10m, 10m, 5m, 12m, 4.5m, 27.5m, 18m], Rubric.Aspects.Select(a => a.Weight));
        Assert.Equal(["Rintisan", "Terkelola", "Terdefinisi", "Terpadu dan Terukur", "Optimum"],
            Enumerable.Range(1, 5).Select(l => Rubric.LevelNames[l].Id));
        Assert.Equal(["Memuaskan", "Sangat Baik", "Baik", "Cukup", "Kurang"], Rubric.Predicates.Select(p => p.Name.Id));
        Assert.All(Rubric.Indicators, i => Assert.StartsWith("Tingkat Kematangan ", i.Name.Id, StringComparison.Ordinal));
        Assert.All(Rubric.Indicators, i => Assert.False(string.IsNullOrWhiteSpace(i.Name.En)));
    }

    [Theory]
    [InlineData(1, 10, 1, 1.30)]
    [InlineData(11, 14, 2, 2.50)]
    [InlineData(15, 18, 3, 2.50)]
    [InlineData(19, 20, 4, 2.50)]
    [InlineData(21, 28, 5, 1.50)]
    [InlineData(29, 31, 6, 1.50)]
    [InlineData(32, 41, 7, 2.75)]
    [InlineData(42, 47, 8, 3.00)]
    public void Indicators_sit_in_their_aspect_with_their_weight(int first, int last, int aspect, double weight)
    {
        Assert.All(Enumerable.Range(first, last - first + 1).Select(Rubric.Indicator), indicator =>
        {
            Assert.Equal(aspect, indicator.Aspect);
            Assert.Equal((decimal)weight, indicator.Weight);
        });
    }

    [Fact]
    public void Management_indicators_carry_five_level_texts_and_the_served_ones_are_computed()
    {
        for (var n = 21; n <= 31; n++)
        {
            var indicator = Rubric.Indicator(n);
            Assert.Equal([1, 2, 3, 4, 5], indicator.Levels.Select(l => l.Level));
            Assert.All(indicator.Levels, l => Assert.False(string.IsNullOrWhiteSpace(l.Text.Id) || string.IsNullOrWhiteSpace(l.Text.En)));
            Assert.Empty(indicator.Levels[0].Criteria);
            Assert.Equal(n is >= 21 and <= 31, indicator.Computed);
            if (!indicator.Computed) Assert.All(indicator.Levels, l => Assert.Empty(l.Criteria));
        }

        Assert.All(Rubric.Indicators.Where(i => i.Number is < 21 or > 31), i =>
        {
            Assert.False(i.Computed);
            Assert.Empty(i.Levels);
        });
        Assert.Equal("Apakah IP/PD menerapkan Manajemen Risiko SPBE?", Rubric.Indicator(21).Question?.Id);
    }

    [Fact]
    public void Indicator_24_checks_the_agreed_metrics()
    {
        var criteria = Rubric.Indicator(24).Levels.SelectMany(l => l.Criteria.Select(c => (l.Level, c.Metric, c.Op))).ToArray();
        Assert.Equal(
        [
            (2, "governance.programme.current", ">="),
            (3, "governance.guideline.covers", "containsAll"),
            (3, "assets.lifecycle.inUse", "isTrue"),
            (4, "governance.strategy.byIctUnit", "isTrue"),
            (4, "assets.register.opdCoverage", ">="),
            (4, "governance.review.last12Months", ">="),
            (5, "governance.followUp.completed", ">="),
        ], criteria);
        var guideline = Rubric.Indicator(24).Levels[2].Criteria[0];
        Assert.Equal(["perencanaan", "pengadaan", "pemanfaatan", "penghapusan"], Assert.IsAssignableFrom<IReadOnlyList<string>>(guideline.Value));
        Assert.Equal(1.0, Rubric.Indicator(24).Levels[3].Criteria[1].Value);
    }

    [Fact]
    public void Indicator_21_checks_the_agreed_metrics()
    {
        var criteria = Rubric.Indicator(21).Levels.SelectMany(l => l.Criteria.Select(c => (l.Level, c.Metric))).ToArray();
        Assert.Equal(
        [
            (2, "governance.programme.current"),
            (3, "risk.context.set"),
            (3, "risk.assessments.complete"),
            (3, "risk.treatment.decidedAboveAppetite"),
            (4, "governance.strategy.byCommittee"),
            (4, "risk.register.opdCoverage"),
            (4, "risk.monitoring.onSchedule"),
            (5, "governance.followUp.completed"),
        ], criteria);
    }

    [Fact]
    public void Unchanged_round_trip_of_the_shipped_text_loads()
    {
        var rubric = RubricLoader.Parse(Mutate(_ => { }));
        Assert.Equal(47, rubric.Indicators.Count);
    }

    [Fact]
    public void Wrong_indicator_weight_is_rejected_naming_aspect_and_total()
    {
        var e = Rejected(root => Set(Indicator(root, 3), "weight", "1.40"));

        Assert.Contains(e.Problems, p => p.Contains("aspect 1", StringComparison.Ordinal) && p.Contains("13.10", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Contains("sum to 100.10", StringComparison.Ordinal));
        Assert.Contains("aspect 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_aspect_weight_is_rejected_naming_aspect_and_domain()
    {
        var e = Rejected(root => Set(Aspect(root, 5), "weight", "11.00"));

        Assert.Contains(e.Problems, p => p.StartsWith("aspect 5: weight 11.00 differs", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("domain 3:", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_level_of_a_computed_indicator_is_rejected()
    {
        var e = Rejected(root => Seq(Indicator(root, 24), "levels").Children.RemoveAt(4));

        Assert.Equal("indicator 24: needs levels 1, 2, 3, 4, 5 in order, found [1, 2, 3, 4]", Assert.Single(e.Problems));
        Assert.StartsWith("Invalid SPBE rubric: indicator 24", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Computed_indicator_without_levels_is_rejected()
    {
        var e = Rejected(root => Set(Indicator(root, 5), "computed", "true"));

        Assert.Equal("indicator 5: is computed but has no levels (needs levels 1-5)", Assert.Single(e.Problems));
    }

    [Fact]
    public void Computed_indicator_with_an_empty_level_is_rejected()
    {
        // Every management indicator is computed now: take one and empty its levels' criteria.
        var e = Rejected(root =>
        {
            foreach (var level in Seq(Indicator(root, 26), "levels").Children.Cast<YamlMappingNode>()) Seq(level, "criteria").Children.Clear();
        });

        Assert.Equal(4, e.Problems.Count);
        Assert.All(e.Problems, p => Assert.Contains("a computed indicator needs at least one criterion", p, StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_op_is_rejected()
    {
        var e = Rejected(root => Set(Criterion(root, 24, level: 2), "op", "~="));

        var problem = Assert.Single(e.Problems);
        Assert.Contains("criterion 24.2.programme", problem, StringComparison.Ordinal);
        Assert.Contains("unknown op '~='", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_of_the_wrong_type_for_the_op_is_rejected()
    {
        var e = Rejected(root => Set(Criterion(root, 24, level: 3), "value", "4"));

        Assert.Contains("op 'containsAll' needs a non-empty list of strings", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Level_1_criteria_are_rejected()
    {
        var e = Rejected(root =>
        {
            var copy = new YamlMappingNode(Criterion(root, 21, level: 2).Children);
            Set(copy, "id", "21.1.extra");
            Seq(Level(Indicator(root, 21), 1), "criteria").Children.Add(copy);
        });

        Assert.Equal("indicator 21 level 1: must have no criteria (level 1 is the floor)", Assert.Single(e.Problems));
    }

    [Fact]
    public void Missing_indicator_is_rejected()
    {
        var e = Rejected(root => Seq(root, "indicators").Children.Remove(Indicator(root, 47)));

        Assert.Contains("expected 47 indicators, found 46", e.Problems);
        Assert.Contains("indicators missing: 47", e.Problems);
    }

    [Fact]
    public void Predicate_gap_is_rejected()
    {
        var e = Rejected(root => Set((YamlMappingNode)Seq(root, "predicates").Children[2], "min", "2.7"));

        Assert.Contains("predicates 'Cukup' and 'Baik' leave a gap or overlap (2.6 vs 2.7)", e.Problems);
    }

    [Fact]
    public void Unknown_key_and_broken_yaml_are_rejected_with_a_position()
    {
        var unknownKey = Assert.Throws<InvalidRubricException>(() => RubricLoader.Parse(Shipped().Replace("version:", "versoin:", StringComparison.Ordinal)));
        Assert.Contains("YAML error at line", unknownKey.Message, StringComparison.Ordinal);

        var broken = Assert.Throws<InvalidRubricException>(() => RubricLoader.Parse("indicators: [ { number: 1"));
        Assert.Contains("YAML error at line", broken.Message, StringComparison.Ordinal);

        var empty = Assert.Throws<InvalidRubricException>(() => RubricLoader.Parse(""));
        Assert.Contains("empty", empty.Message, StringComparison.Ordinal);
    }
}
