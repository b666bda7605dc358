namespace SpbeOps.Indicators.Rubric;

/// <summary>A text in Indonesian (<see cref="Id"/>, the regulation's language) and English (<see cref="En"/>).</summary>
public sealed record LocalizedText(string Id, string En);

/// <summary>The SPBE rubric of PermenPANRB 59/2020, loaded from <c>Rubric/rubric.yaml</c>.</summary>
public sealed record SpbeRubric(
    string Version,
    string Source,
    IReadOnlyDictionary<int, LocalizedText> LevelNames,
    IReadOnlyList<RubricDomain> Domains,
    IReadOnlyList<RubricAspect> Aspects,
    IReadOnlyList<PredicateBand> Predicates,
    IReadOnlyList<RubricIndicator> Indicators)
{
    /// <summary>The indicator with this regulation number (1–47).</summary>
    /// <exception cref="KeyNotFoundException">No such indicator.</exception>
    public RubricIndicator Indicator(int number) =>
        Indicators.FirstOrDefault(i => i.Number == number)
        ?? throw new KeyNotFoundException($"The rubric has no indicator {number}.");

    public RubricAspect Aspect(int number) =>
        Aspects.FirstOrDefault(a => a.Number == number)
        ?? throw new KeyNotFoundException($"The rubric has no aspect {number}.");

    public RubricDomain Domain(int number) =>
        Domains.FirstOrDefault(d => d.Number == number)
        ?? throw new KeyNotFoundException($"The rubric has no domain {number}.");

    /// <summary>The predicate band (P59 Tabel 13) holding <paramref name="index"/>; bands are half-open, the top one closed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside every band (below 0 or above 5).</exception>
    public PredicateBand PredicateFor(decimal index) =>
        Predicates.FirstOrDefault(p => p.Contains(index))
        ?? throw new ArgumentOutOfRangeException(nameof(index), index, "No predicate band holds this index.");
}

public sealed record RubricDomain(int Number, LocalizedText Name, decimal Weight);

public sealed record RubricAspect(int Number, int Domain, LocalizedText Name, decimal Weight);

/// <summary>One of the 47 indicators. Weight is in percent of the Indeks SPBE (P59 Tabel 9).</summary>
/// <param name="Computed">True when SpbeOps computes the level from metrics; false when it stays at the floor
/// (management indicators whose service does not exist yet) or is entered by Diskominfo (indicators outside Domain 3).</param>
/// <param name="Question">The questionnaire's Pertanyaan, where known.</param>
/// <param name="Levels">Levels 1–5 in order for the management indicators 21–31; empty for the others.</param>
public sealed record RubricIndicator(
    int Number,
    int Aspect,
    LocalizedText Name,
    decimal Weight,
    bool Computed,
    LocalizedText? Question,
    IReadOnlyList<RubricLevel> Levels);

/// <summary>One maturity level of an indicator: the regulation's criterion text and the machine-checkable criteria.</summary>
public sealed record RubricLevel(int Level, LocalizedText Text, IReadOnlyList<RubricCriterion> Criteria);

/// <summary>A machine-checkable criterion: <c>metric op value</c>.</summary>
/// <param name="Op">One of <see cref="CriterionOps.All"/>.</param>
/// <param name="Value">The expected value: a <see cref="double"/> for <c>&gt;=</c>/<c>&lt;=</c>, a double or bool for
/// <c>==</c>, an <see cref="IReadOnlyList{T}"/> of strings for <c>containsAll</c>, null for <c>isTrue</c>.</param>
public sealed record RubricCriterion(string Id, LocalizedText Text, string Metric, string Op, object? Value);

/// <summary>A predicate band of P59 Tabel 13: <c>[Min, Max)</c>, or <c>[Min, Max]</c> when <see cref="MaxInclusive"/>.</summary>
public sealed record PredicateBand(LocalizedText Name, decimal Min, decimal Max, bool MaxInclusive)
{
    public bool Contains(decimal index) => index >= Min && (MaxInclusive ? index <= Max : index < Max);
}

/// <summary>The comparison operators a rubric criterion may use.</summary>
public static class CriterionOps
{
    public const string GreaterOrEqual = ">=";
    public const string LessOrEqual = "<=";
    public const string EqualTo = "==";
    public const string IsTrue = "isTrue";
    public const string ContainsAll = "containsAll";

    public static IReadOnlyList<string> All { get; } = [GreaterOrEqual, LessOrEqual, EqualTo, IsTrue, ContainsAll];
}
