namespace SpbeOps.Indicators.Api.Maturity;

/// <param name="Level">null when the caller may not see this OPD's level (an OPD operator looking at another OPD)</param>
/// <param name="Missing">how many criteria of the next level are unmet (null when hidden)</param>
public sealed record HeatmapCell(int Indicator, int? Level, int? Missing);

/// <param name="Visible">the caller reads this OPD in full; otherwise only the counts of <see cref="HeatmapView.Distribution"/></param>
public sealed record HeatmapRow(string Opd, string Name, bool Visible, IReadOnlyList<HeatmapCell> Cells);

/// <param name="Levels">per level 1–5, how many OPD hold it</param>
public sealed record LevelCount(int Indicator, IReadOnlyList<int> Levels);

public sealed record HeatmapView(IReadOnlyList<IndicatorSummary> Indicators, IReadOnlyList<HeatmapRow> Rows, IReadOnlyList<LevelCount> Distribution);

public sealed record WhatIfView(
    int Indicator, int CurrentLevel, int Level, decimal CurrentIndex, decimal Index, decimal Delta, string Predicate, string PredicateEn);

/// <summary>
/// The views the dashboard needs in one call each: the management domain per perangkat daerah (Peta OPD) and the
/// index an indicator's level would give (what-if). Both are the engine's own answers; the dashboard computes nothing.
/// </summary>
public static class DashboardViewsApi
{
    public static RouteGroupBuilder MapDashboardViewsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/maturity").WithTags("Maturity").RequireAuthorization(SpbePolicies.Member);
        api.MapGet("/heatmap", GetHeatmap).WithName("GetHeatmap")
            .WithSummary("Level indikator 21–31 setiap perangkat daerah / Indicators 21–31 for every perangkat daerah");
        api.MapGet("/what-if", GetWhatIf).WithName("GetWhatIf")
            .WithSummary("Indeks bila indikator N berada di level L / The index if indicator N were at level L");
        return api;
    }

    /// <summary>
    /// One FactSet load for every OPD of the organisation list. An OPD operator sees its own OPD's levels; of the
    /// others only how many OPD hold each level (<see cref="HeatmapView.Distribution"/>), never which.
    /// </summary>
    public static async Task<Ok<HeatmapView>> GetHeatmap(Caller caller, IQuerySession session, MaturityEngine engine, CancellationToken ct)
    {
        var facts = await FactSet.LoadAsync(session, ct);
        var indicators = engine.ComputedIndicators.ToList();
        var opds = facts.Organisation?.PerangkatDaerah ?? [];
        var levels = opds.ToDictionary(p => p.Code, p => indicators.Select(i => engine.Assess(i.Number, p.Code, facts)).ToList());

        var rows = opds.Select(p =>
        {
            var visible = caller.CanRead(p.Code);
            var cells = levels[p.Code].Select(a => visible
                ? new HeatmapCell(a.Indicator, a.Level, a.MissingForNextLevel.Count)
                : new HeatmapCell(a.Indicator, null, null)).ToList();
            return new HeatmapRow(p.Code, p.Name, visible, cells);
        }).ToList();
        var distribution = indicators.Select((i, k) => new LevelCount(i.Number,
            [.. Enumerable.Range(LevelEvaluator.Floor, LevelEvaluator.Top - LevelEvaluator.Floor + 1).Select(l => levels.Values.Count(v => v[k].Level == l))])).ToList();
        var summaries = indicators.Select(i => new IndicatorSummary(i.Number, i.Name.Id, i.Aspect, engine.Assess(i.Number, null, facts).Level, LevelSources.Computed)).ToList();
        return TypedResults.Ok(new HeatmapView(summaries, rows, distribution));
    }

    public static async Task<Results<Ok<WhatIfView>, ValidationProblem, ProblemHttpResult>> GetWhatIf(
        int? indicator, int? level, IQuerySession session, MaturityEngine engine, CancellationToken ct)
    {
        var errors = new FieldErrors().Range("indicator", indicator, 1, 99).Range("level", level, LevelEvaluator.Floor, LevelEvaluator.Top);
        if (errors.Any) return errors.ToProblem();
        if (engine.Rubric.Indicators.All(i => i.Number != indicator)) return Problem.NotFound("Indikator / Indicator", indicator!.Value);

        var levels = await MaturityApi.CurrentLevels(session, engine, ct);
        var current = IndexCalculator.Compute(engine.Rubric, levels.ToDictionary(l => l.Key, l => (decimal)l.Value));
        var currentLevel = levels[indicator!.Value];
        levels[indicator.Value] = level!.Value;
        var result = IndexCalculator.Compute(engine.Rubric, levels.ToDictionary(l => l.Key, l => (decimal)l.Value));
        return TypedResults.Ok(new WhatIfView(indicator.Value, currentLevel, level.Value, current.Index, result.Index,
            result.Index - current.Index, result.Predicate, result.PredicateEn));
    }
}
