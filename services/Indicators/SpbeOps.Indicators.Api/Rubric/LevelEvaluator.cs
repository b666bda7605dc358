namespace SpbeOps.Indicators.Rubric;

/// <summary>One criterion checked against the metrics.</summary>
/// <param name="Expected">The rubric's value (double, bool, list of strings, or null for <c>isTrue</c>).</param>
/// <param name="Actual">The metric's value, or null when the metric is missing (then <paramref name="Met"/> is false).</param>
/// <param name="Evidence">The facts behind the metric.</param>
public sealed record CriterionResult(
    string Id,
    LocalizedText Text,
    string Metric,
    string Op,
    object? Expected,
    object? Actual,
    bool Met,
    IReadOnlyList<Evidence> Evidence);

/// <summary>One level of an indicator.</summary>
/// <param name="Met">All of this level's own criteria hold (level 1, the floor, is always met).</param>
/// <param name="Attained">This level and every level below it are met (levels are cumulative).</param>
public sealed record LevelResult(
    int Level,
    LocalizedText Text,
    bool Met,
    bool Attained,
    IReadOnlyList<CriterionResult> Criteria);

/// <summary>The level of one indicator and why.</summary>
/// <param name="Level">The highest attained level, 1–5 (1 is the floor).</param>
/// <param name="MissingForNextLevel">The unmet criteria of level <c>Level + 1</c>; empty at level 5 and for a non-computed indicator.</param>
/// <param name="Note">Set when the level is not computed from metrics.</param>
public sealed record LevelAssessment(
    int Indicator,
    int Level,
    IReadOnlyList<LevelResult> Levels,
    IReadOnlyList<CriterionResult> MissingForNextLevel,
    LocalizedText? Note);

/// <summary>Turns metrics into an indicator level using the rubric's criteria (docs/architecture.md decision 6).</summary>
public static class LevelEvaluator
{
    public const int Floor = 1;
    public const int Top = 5;

    public static LevelAssessment Evaluate(RubricIndicator indicator, IReadOnlyDictionary<string, MetricValue> metrics)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(metrics);

        if (!indicator.Computed || indicator.Levels.Count == 0)
        {
            var levels = indicator.Levels
                .Select(l => new LevelResult(l.Level, l.Text, l.Level == Floor, l.Level == Floor, []))
                .ToArray();
            return new LevelAssessment(indicator.Number, Floor, levels, [], NotComputedNote(indicator));
        }

        var results = new List<LevelResult>(indicator.Levels.Count);
        var attained = true;
        var level = Floor;
        foreach (var rubricLevel in indicator.Levels.OrderBy(l => l.Level))
        {
            var criteria = rubricLevel.Criteria.Select(c => Check(c, metrics)).ToArray();
            var met = rubricLevel.Level == Floor || criteria.All(c => c.Met);
            attained = attained && met;
            if (attained) level = rubricLevel.Level;
            results.Add(new LevelResult(rubricLevel.Level, rubricLevel.Text, met, attained, criteria));
        }

        var next = results.FirstOrDefault(r => r.Level == level + 1);
        var missing = next is null ? [] : next.Criteria.Where(c => !c.Met).ToArray();
        return new LevelAssessment(indicator.Number, level, results, missing, null);
    }

    /// <summary>Checks one criterion. A missing metric, or one whose value has the wrong type, is not met.</summary>
    public static CriterionResult Check(RubricCriterion criterion, IReadOnlyDictionary<string, MetricValue> metrics)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        ArgumentNullException.ThrowIfNull(metrics);

        metrics.TryGetValue(criterion.Metric, out var metric);
        var actual = metric?.Value;
        var met = actual is not null && Holds(criterion.Op, criterion.Value, actual);
        return new CriterionResult(
            criterion.Id, criterion.Text, criterion.Metric, criterion.Op, criterion.Value, actual, met,
            metric?.Evidence ?? []);
    }

    private static bool Holds(string op, object? expected, object actual) => op switch
    {
        CriterionOps.GreaterOrEqual => actual is double a && expected is double e && a >= e,
        CriterionOps.LessOrEqual => actual is double a && expected is double e && a <= e,
        CriterionOps.EqualTo => (actual, expected) switch
        {
            (double a, double e) => a.Equals(e),
            (bool a, bool e) => a == e,
            _ => false,
        },
        CriterionOps.IsTrue => actual is true,
        CriterionOps.ContainsAll => actual is IReadOnlyList<string> have && expected is IReadOnlyList<string> want
            && want.All(w => have.Contains(w, StringComparer.OrdinalIgnoreCase)),
        _ => false,
    };

    private static LocalizedText NotComputedNote(RubricIndicator indicator) => indicator.Levels.Count > 0
        ? new LocalizedText(
            $"Indikator {indicator.Number} belum dihitung otomatis: belum ada layanan yang menyediakan datanya, sehingga tetap pada tingkat 1 (Rintisan).",
            $"Indicator {indicator.Number} is not computed yet: no service feeds it, so it stays at level 1 (the floor).")
        : new LocalizedText(
            $"Indikator {indicator.Number} berada di luar domain Manajemen SPBE dan diisi oleh Diskominfo (penilaian mandiri); nilai terhitung adalah tingkat 1.",
            $"Indicator {indicator.Number} is outside the SPBE management domain and is entered by Diskominfo (self-assessment); the computed value is level 1.");
}
