namespace SpbeOps.Indicators.Rubric;

/// <summary>One aspect or domain with its index, rounded to 2 decimals for presentation.</summary>
public sealed record ScoreRow(int Number, string Name, decimal Weight, decimal Index);

/// <summary>The Indeks SPBE with its predicate and the aspect and domain indices (all rounded to 2 decimals).</summary>
/// <param name="Predicate">The predicate (P59 Tabel 13) of the index as reported (2 decimals).</param>
public sealed record IndexResult(
    decimal Index,
    string Predicate,
    string PredicateEn,
    IReadOnlyList<ScoreRow> Domains,
    IReadOnlyList<ScoreRow> Aspects);

/// <summary>The arithmetic of PermenPANRB 59/2020 Lampiran I B.3–B.5 (docs/architecture.md decision 7).</summary>
/// <remarks>
/// Indeks Aspek = Σ(NI×BI)/BA; Indeks Domain = Σ(NA×BA)/BD; Indeks SPBE = Σ(ND×BD)/100, weights in percent.
/// Intermediate values are not rounded; returned values are rounded to 2 decimals (away from zero). The predicate
/// is taken from the index as reported (2 decimals), as the LHE publishes them side by side: a reader who sees
/// 2.60 must see "Baik". Whether the ministry rounds before the band is not confirmed; this is the project's choice.
/// </remarks>
public static class IndexCalculator
{
    public const int Decimals = 2;

    /// <summary>Computes the index from indicator levels. An indicator absent from <paramref name="levels"/> counts as 1.</summary>
    /// <param name="levels">Indicator number → level (1–5).</param>
    /// <exception cref="ArgumentOutOfRangeException">A level is not 1–5, or an indicator number is not in the rubric.</exception>
    public static IndexResult Compute(SpbeRubric rubric, IReadOnlyDictionary<int, decimal> levels)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(levels);

        foreach (var (number, level) in levels)
        {
            if (rubric.Indicators.All(i => i.Number != number))
                throw new ArgumentOutOfRangeException(nameof(levels), number, $"Indicator {number} is not in the rubric.");
            if (level is < LevelEvaluator.Floor or > LevelEvaluator.Top || level != decimal.Truncate(level))
                throw new ArgumentOutOfRangeException(nameof(levels), level, $"Indicator {number}: a level is a whole number 1-5, got {level}.");
        }

        // Σ(NI×BI) per aspect. NA×BA is exactly this sum and ND×BD exactly the sum over the domain's aspects, so
        // the numerators are carried instead of multiplying a divided value back: that keeps every step exact in
        // decimal (13 × (x / 13) can come back as 2.9999…; a band edge must not depend on that).
        var aspectSum = new Dictionary<int, decimal>();
        foreach (var aspect in rubric.Aspects)
        {
            aspectSum[aspect.Number] = rubric.Indicators
                .Where(i => i.Aspect == aspect.Number)
                .Sum(i => (levels.TryGetValue(i.Number, out var ni) ? ni : LevelEvaluator.Floor) * i.Weight);
        }

        var domainSum = new Dictionary<int, decimal>();
        foreach (var domain in rubric.Domains)
        {
            domainSum[domain.Number] = rubric.Aspects.Where(a => a.Domain == domain.Number).Sum(a => aspectSum[a.Number]);
        }

        var aspectIndex = rubric.Aspects.ToDictionary(a => a.Number, a => aspectSum[a.Number] / a.Weight);
        var domainIndex = rubric.Domains.ToDictionary(d => d.Number, d => domainSum[d.Number] / d.Weight);
        var index = rubric.Domains.Sum(d => domainSum[d.Number]) / 100m;
        return Result(rubric, index, domainIndex, rubric.Aspects.Select(a => new ScoreRow(a.Number, a.Name.Id, a.Weight, Round(aspectIndex[a.Number]))).ToArray());
    }

    /// <summary>The index from given domain indices (e.g. to check a published LHE). Aspects are not known, so
    /// <see cref="IndexResult.Aspects"/> is empty.</summary>
    /// <param name="domainIndices">Domain number → domain index; all four domains are required.</param>
    public static IndexResult FromDomainIndices(SpbeRubric rubric, IReadOnlyDictionary<int, decimal> domainIndices)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(domainIndices);

        foreach (var number in domainIndices.Keys.Where(n => rubric.Domains.All(d => d.Number != n)))
            throw new ArgumentOutOfRangeException(nameof(domainIndices), number, $"Domain {number} is not in the rubric.");
        foreach (var domain in rubric.Domains.Where(d => !domainIndices.ContainsKey(d.Number)))
            throw new ArgumentException($"Domain {domain.Number} ({domain.Name.Id}) has no index.", nameof(domainIndices));

        var index = rubric.Domains.Sum(d => domainIndices[d.Number] * d.Weight) / 100m;
        return Result(rubric, index, domainIndices, []);
    }

    /// <summary>The index reported to two decimals, and its predicate taken from that reported value (decision 7).</summary>
    private static IndexResult Result(SpbeRubric rubric, decimal index, IReadOnlyDictionary<int, decimal> domainIndex, ScoreRow[] aspects)
    {
        var predicate = rubric.PredicateFor(Round(index));
        return new IndexResult(Round(index), predicate.Name.Id, predicate.Name.En,
            rubric.Domains.Select(d => new ScoreRow(d.Number, d.Name.Id, d.Weight, Round(domainIndex[d.Number]))).ToArray(), aspects);
    }

    /// <summary>The predicate band (P59 Tabel 13) of an index, using the shipped rubric's bands.</summary>
    public static PredicateBand Predicate(decimal index) => RubricLoader.LoadEmbedded().PredicateFor(index);

    /// <summary>Rounds for presentation: 2 decimals, half away from zero.</summary>
    public static decimal Round(decimal value) => Math.Round(value, Decimals, MidpointRounding.AwayFromZero);
}
