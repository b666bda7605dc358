using SpbeOps.Indicators.Api.Metrics;

namespace SpbeOps.Indicators.Api.Maturity;

/// <summary>
/// Turns facts into levels: measures the metrics an indicator's criteria name, evaluates the rubric, and records
/// every change of level as an event. It never increments anything, so recomputing is always safe.
/// </summary>
public sealed class MaturityEngine(SpbeRubric rubric, TimeProvider clock)
{
    public SpbeRubric Rubric => rubric;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public IEnumerable<RubricIndicator> ComputedIndicators => rubric.Indicators.Where(IsEngineIndicator);

    /// <summary>Indicators 21–31 belong to the engine (computed or, until their service exists, held at level 1).</summary>
    public static bool IsEngineIndicator(RubricIndicator i) => i.Number is >= 21 and <= 31;

    public LevelAssessment Assess(int indicator, string? opd, FactSet facts) =>
        LevelEvaluator.Evaluate(rubric.Indicator(indicator), MetricCatalog.Measure(rubric.Indicator(indicator), new MetricScope(indicator, opd, facts, Today)));

    /// <summary>Recomputes <paramref name="indicators"/> for the instansi and each OPD, recording what changed.</summary>
    /// <param name="reason">what caused the recalculation, kept with each level change (e.g. the record that changed)</param>
    /// <param name="opds">
    /// the OPD scopes to recompute besides the instansi (always recomputed): null for every OPD (periodic
    /// recalculation, a new organisation list), else the OPDs the changed facts touch. An OPD's levels depend only
    /// on its own records and on records that apply to it, so the others cannot have moved.
    /// </param>
    public async Task<IReadOnlyList<IndicatorLevelChanged>> RecalculateAsync(
        IDocumentSession session, FactSet facts, IEnumerable<int> indicators, string reason, CancellationToken ct,
        IReadOnlyCollection<string>? opds = null)
    {
        var numbers = indicators.Distinct().Where(n => IsEngineIndicator(rubric.Indicator(n))).ToList();
        if (numbers.Count == 0) return [];

        Dictionary<string, IndicatorState> states;
        var scopes = new List<string?> { null };
        if (opds is null)
        {
            states = (await session.Query<IndicatorState>().Where(s => numbers.Contains(s.Indicator)).ToListAsync(ct)).ToDictionary(s => s.Id);
            // OPDs that once had a level keep being recomputed, so a drop is recorded too.
            scopes.AddRange(facts.PerangkatDaerah().Concat(states.Values.Select(s => s.Opd).OfType<string>()).Distinct(StringComparer.OrdinalIgnoreCase));
        }
        else
        {
            var touched = opds.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var ids = numbers.SelectMany(n => touched.Select(o => IndicatorState.IdFor(n, o)).Prepend(IndicatorState.IdFor(n, null))).ToList();
            states = (await session.LoadManyAsync<IndicatorState>(ct, ids)).ToDictionary(s => s.Id);
            // The same scopes as a full recalculation would take, restricted to the touched OPDs: listed ones, and
            // those that once had a level (so a drop is recorded too).
            var listed = facts.PerangkatDaerah().ToHashSet(StringComparer.OrdinalIgnoreCase);
            var withState = states.Values.Select(s => s.Opd).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
            scopes.AddRange(touched.Where(o => listed.Contains(o) || withState.Contains(o)));
        }

        var changes = new List<IndicatorLevelChanged>();
        foreach (var number in numbers)
        {
            foreach (var opd in scopes)
            {
                var level = Assess(number, opd, facts).Level;
                states.TryGetValue(IndicatorState.IdFor(number, opd), out var state);
                if (Record(session, state, number, opd, level, LevelSources.Computed, reason, "spbeops") is { } change)
                    changes.Add(change);
            }
        }
        return changes;
    }

    /// <summary>Stores the level of one scope and appends a level-change event when it moved.</summary>
    public IndicatorLevelChanged? Record(
        IDocumentSession session, IndicatorState? state, int indicator, string? opd, int level, string source, string reason, string actor)
    {
        var previous = state?.Level ?? LevelEvaluator.Floor;
        // A computed level that did not move needs no write (the floor needs no record at all); a self-assessment
        // is recorded every time, because its explanation is the point.
        if (source == LevelSources.Computed && previous == level) return null;

        var now = clock.GetUtcNow();
        state ??= new IndicatorState { Id = IndicatorState.IdFor(indicator, opd), Indicator = indicator, Opd = opd };
        state.Level = level;
        state.Source = source;
        state.Explanation = reason;
        state.ChangedBy = actor;
        state.ChangedAt = now;
        session.Store(state);

        var change = new IndicatorLevelChanged(indicator, opd, previous, level, source, reason, actor, now);
        session.Events.Append(IndicatorState.StreamFor(session.TenantId, indicator, opd), change);
        return change;
    }
}
