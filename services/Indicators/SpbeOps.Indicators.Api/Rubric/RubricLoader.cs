using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SpbeOps.Indicators.Rubric;

/// <summary>Loads and validates the rubric (docs/architecture.md decision 5: the rubric is data).</summary>
public static class RubricLoader
{
    /// <summary>Logical name of the embedded <c>Rubric/rubric.yaml</c> (see the Api csproj).</summary>
    public const string ResourceName = "SpbeOps.Indicators.rubric.yaml";

    /// <summary>The number of indicators in PermenPANRB 59/2020.</summary>
    public const int IndicatorCount = 47;

    private static readonly Lazy<SpbeRubric> Embedded = new(() =>
    {
        using var stream = typeof(RubricLoader).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidRubricException([$"embedded resource '{ResourceName}' not found in {typeof(RubricLoader).Assembly.GetName().Name}"]);
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    });

    /// <summary>The rubric shipped inside this assembly. Parsed and validated once; the result is immutable.</summary>
    /// <exception cref="InvalidRubricException">The shipped file is broken.</exception>
    public static SpbeRubric LoadEmbedded() => Embedded.Value;

    /// <summary>Parses and validates a rubric document.</summary>
    /// <exception cref="InvalidRubricException">The document is not valid YAML for the schema, or breaks a rule.</exception>
    public static SpbeRubric Parse(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        RubricDto dto;
        try
        {
            var deserializer = new DeserializerBuilder()
                .WithNamingConvention(CamelCaseNamingConvention.Instance)
                .Build();
            dto = deserializer.Deserialize<RubricDto?>(yaml)
                ?? throw new InvalidRubricException(["the document is empty"]);
        }
        catch (YamlException e)
        {
            var detail = e.InnerException is { } inner ? $"{e.Message} {inner.Message}" : e.Message;
            throw new InvalidRubricException([$"YAML error at line {e.Start.Line}, column {e.Start.Column}: {detail}"], e);
        }

        var problems = new List<string>();
        var rubric = Build(dto, problems);
        if (problems.Count == 0)
        {
            Validate(rubric, problems);
        }

        return problems.Count == 0 ? rubric : throw new InvalidRubricException(problems);
    }

    // ---- mapping (reports missing fields) ----

    private static SpbeRubric Build(RubricDto dto, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(dto.Version)) problems.Add("'version' is missing");
        if (string.IsNullOrWhiteSpace(dto.Source)) problems.Add("'source' is missing");

        var levelNames = new Dictionary<int, LocalizedText>();
        foreach (var (level, text) in dto.LevelNames ?? [])
        {
            levelNames[level] = Text(text, $"levelNames.{level}", problems);
        }

        var domains = (dto.Domains ?? []).Select((d, i) => new RubricDomain(
            d.Number ?? Missing<int>(problems, $"domains[{i}].number"),
            Text(d.Name, $"domain {d.Number}: name", problems),
            d.Weight ?? Missing<decimal>(problems, $"domain {d.Number}: weight"))).ToArray();

        var aspects = (dto.Aspects ?? []).Select((a, i) => new RubricAspect(
            a.Number ?? Missing<int>(problems, $"aspects[{i}].number"),
            a.Domain ?? Missing<int>(problems, $"aspect {a.Number}: domain"),
            Text(a.Name, $"aspect {a.Number}: name", problems),
            a.Weight ?? Missing<decimal>(problems, $"aspect {a.Number}: weight"))).ToArray();

        var predicates = (dto.Predicates ?? []).Select((p, i) => new PredicateBand(
            Text(p.Name, $"predicates[{i}].name", problems),
            p.Min ?? Missing<decimal>(problems, $"predicates[{i}].min"),
            p.Max ?? Missing<decimal>(problems, $"predicates[{i}].max"),
            p.MaxInclusive ?? false)).ToArray();

        var indicators = (dto.Indicators ?? []).Select((ind, i) =>
        {
            var where = ind.Number is { } n ? $"indicator {n}" : $"indicators[{i}]";
            var levels = (ind.Levels ?? []).Select((l, j) =>
            {
                var levelWhere = $"{where} level {(l.Level is { } lv ? lv : j + 1)}";
                return new RubricLevel(
                    l.Level ?? Missing<int>(problems, $"{where}: levels[{j}].level"),
                    Text(l.Text, $"{levelWhere}: text", problems),
                    (l.Criteria ?? []).Select((c, k) => Criterion(c, $"{levelWhere} criterion {c.Id ?? k.ToString(CultureInfo.InvariantCulture)}", problems)).ToArray());
            }).ToArray();
            return new RubricIndicator(
                ind.Number ?? Missing<int>(problems, $"{where}: number"),
                ind.Aspect ?? Missing<int>(problems, $"{where}: aspect"),
                Text(ind.Name, $"{where}: name", problems),
                ind.Weight ?? Missing<decimal>(problems, $"{where}: weight"),
                ind.Computed ?? false,
                ind.Question is null ? null : Text(ind.Question, $"{where}: question", problems),
                levels);
        }).ToArray();

        return new SpbeRubric(dto.Version ?? "", dto.Source ?? "", levelNames, domains, aspects, predicates, indicators);
    }

    private static RubricCriterion Criterion(CriterionDto c, string where, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(c.Id)) problems.Add($"{where}: 'id' is missing");
        if (string.IsNullOrWhiteSpace(c.Metric)) problems.Add($"{where}: 'metric' is missing");
        var op = c.Op ?? "";
        object? value = null;
        switch (op)
        {
            case CriterionOps.GreaterOrEqual or CriterionOps.LessOrEqual:
                value = AsNumber(c.Value);
                if (value is null) problems.Add($"{where}: op '{op}' needs a numeric value, got '{Show(c.Value)}'");
                break;
            case CriterionOps.EqualTo:
                value = (object?)AsNumber(c.Value) ?? AsBool(c.Value);
                if (value is null) problems.Add($"{where}: op '==' needs a numeric or true/false value, got '{Show(c.Value)}'");
                break;
            case CriterionOps.IsTrue:
                if (c.Value is not null && AsBool(c.Value) is not true)
                    problems.Add($"{where}: op 'isTrue' takes no value (or true), got '{Show(c.Value)}'");
                break;
            case CriterionOps.ContainsAll:
                var list = AsStringList(c.Value);
                if (list is null || list.Length == 0) problems.Add($"{where}: op 'containsAll' needs a non-empty list of strings, got '{Show(c.Value)}'");
                value = list;
                break;
            default:
                problems.Add($"{where}: unknown op '{op}' (known: {string.Join(", ", CriterionOps.All)})");
                break;
        }

        return new RubricCriterion(c.Id ?? "", Text(c.Text, $"{where}: text", problems), c.Metric ?? "", op, value);
    }

    private static LocalizedText Text(TextDto? t, string where, List<string> problems)
    {
        if (t is null || string.IsNullOrWhiteSpace(t.Id) || string.IsNullOrWhiteSpace(t.En))
        {
            problems.Add($"{where}: needs both 'id' (Indonesian) and 'en' (English) text");
        }

        return new LocalizedText(t?.Id ?? "", t?.En ?? "");
    }

    private static T Missing<T>(List<string> problems, string what) where T : struct
    {
        problems.Add($"{what} is missing");
        return default;
    }

    private static double? AsNumber(object? raw) => raw switch
    {
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) => d,
        int or long or double or float or decimal => Convert.ToDouble(raw, CultureInfo.InvariantCulture),
        _ => null,
    };

    private static bool? AsBool(object? raw) => raw switch
    {
        bool b => b,
        string s when bool.TryParse(s, out var b) => b,
        _ => null,
    };

    private static string[]? AsStringList(object? raw)
    {
        if (raw is string || raw is not IEnumerable<object?> items) return null;
        var strings = new List<string>();
        foreach (var item in items)
        {
            if (item is not string s || string.IsNullOrWhiteSpace(s)) return null;
            strings.Add(s);
        }

        return [.. strings];
    }

    private static string Show(object? raw) => raw switch
    {
        null => "(none)",
        string s => s,
        IEnumerable<object> items => "[" + string.Join(", ", items) + "]",
        _ => Convert.ToString(raw, CultureInfo.InvariantCulture) ?? "",
    };

    // ---- rules ----

    private static void Validate(SpbeRubric r, List<string> problems)
    {
        for (var level = 1; level <= 5; level++)
        {
            if (!r.LevelNames.ContainsKey(level)) problems.Add($"levelNames: level {level} is missing");
        }

        foreach (var extra in r.LevelNames.Keys.Where(k => k is < 1 or > 5)) problems.Add($"levelNames: level {extra} is not 1-5");

        Duplicates(r.Domains.Select(d => d.Number), "domain", problems);
        Duplicates(r.Aspects.Select(a => a.Number), "aspect", problems);
        Duplicates(r.Indicators.Select(i => i.Number), "indicator", problems);

        if (r.Domains.Count != 4) problems.Add($"expected 4 domains, found {r.Domains.Count}");
        if (r.Aspects.Count != 8) problems.Add($"expected 8 aspects, found {r.Aspects.Count}");
        if (r.Indicators.Count != IndicatorCount) problems.Add($"expected {IndicatorCount} indicators, found {r.Indicators.Count}");
        var missingNumbers = Enumerable.Range(1, IndicatorCount).Except(r.Indicators.Select(i => i.Number)).ToArray();
        if (missingNumbers.Length > 0) problems.Add($"indicators missing: {string.Join(", ", missingNumbers)}");
        foreach (var stray in r.Indicators.Where(i => i.Number is < 1 or > IndicatorCount))
            problems.Add($"indicator {stray.Number}: number must be 1-{IndicatorCount}");

        foreach (var d in r.Domains.Where(d => d.Weight <= 0)) problems.Add($"domain {d.Number}: weight must be positive");
        foreach (var a in r.Aspects.Where(a => a.Weight <= 0)) problems.Add($"aspect {a.Number}: weight must be positive");
        foreach (var i in r.Indicators.Where(i => i.Weight <= 0)) problems.Add($"indicator {i.Number}: weight must be positive");

        var total = r.Indicators.Sum(i => i.Weight);
        if (total != 100m) problems.Add($"indicator weights sum to {total:0.00####}, not 100.00");

        foreach (var aspect in r.Aspects)
        {
            if (r.Domains.All(d => d.Number != aspect.Domain)) problems.Add($"aspect {aspect.Number}: unknown domain {aspect.Domain}");
            var indicators = r.Indicators.Where(i => i.Aspect == aspect.Number).ToArray();
            if (indicators.Length == 0) problems.Add($"aspect {aspect.Number}: has no indicators");
            var sum = indicators.Sum(i => i.Weight);
            if (sum != aspect.Weight)
                problems.Add($"aspect {aspect.Number}: weight {aspect.Weight:0.00##} differs from the sum of its indicators' weights {sum:0.00##} (indicators {string.Join(", ", indicators.Select(i => i.Number))})");
        }

        foreach (var domain in r.Domains)
        {
            var sum = r.Aspects.Where(a => a.Domain == domain.Number).Sum(a => a.Weight);
            if (sum != domain.Weight)
                problems.Add($"domain {domain.Number}: weight {domain.Weight:0.00##} differs from the sum of its aspects' weights {sum:0.00##}");
        }

        foreach (var ind in r.Indicators.Where(i => r.Aspects.All(a => a.Number != i.Aspect)))
            problems.Add($"indicator {ind.Number}: unknown aspect {ind.Aspect}");

        ValidateLevels(r, problems);
        ValidatePredicates(r.Predicates, problems);
    }

    private static void ValidateLevels(SpbeRubric r, List<string> problems)
    {
        var criterionIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ind in r.Indicators)
        {
            var where = $"indicator {ind.Number}";
            if (ind.Computed && ind.Levels.Count == 0)
            {
                problems.Add($"{where}: is computed but has no levels (needs levels 1-5)");
                continue;
            }

            if (ind.Levels.Count == 0) continue;

            var numbers = ind.Levels.Select(l => l.Level).ToArray();
            if (!numbers.SequenceEqual([1, 2, 3, 4, 5]))
            {
                problems.Add($"{where}: needs levels 1, 2, 3, 4, 5 in order, found [{string.Join(", ", numbers)}]");
            }

            foreach (var level in ind.Levels)
            {
                if (level.Level == 1 && level.Criteria.Count > 0)
                    problems.Add($"{where} level 1: must have no criteria (level 1 is the floor)");
                if (ind.Computed && level.Level > 1 && level.Criteria.Count == 0)
                    problems.Add($"{where} level {level.Level}: a computed indicator needs at least one criterion per level 2-5 (an empty level would always hold)");
                foreach (var c in level.Criteria.Where(c => c.Id.Length > 0 && !criterionIds.Add(c.Id)))
                    problems.Add($"{where} level {level.Level}: criterion id '{c.Id}' is used twice");
            }
        }
    }

    private static void ValidatePredicates(IReadOnlyList<PredicateBand> bands, List<string> problems)
    {
        if (bands.Count == 0)
        {
            problems.Add("predicates: none defined");
            return;
        }

        var ordered = bands.OrderBy(b => b.Min).ToArray();
        foreach (var b in ordered.Where(b => b.Max <= b.Min)) problems.Add($"predicate '{b.Name.Id}': max {b.Max} must exceed min {b.Min}");
        for (var i = 0; i + 1 < ordered.Length; i++)
        {
            if (ordered[i].Max != ordered[i + 1].Min)
                problems.Add($"predicates '{ordered[i].Name.Id}' and '{ordered[i + 1].Name.Id}' leave a gap or overlap ({ordered[i].Max} vs {ordered[i + 1].Min})");
            if (ordered[i].MaxInclusive)
                problems.Add($"predicate '{ordered[i].Name.Id}': only the top band may include its max");
        }

        var top = ordered[^1];
        if (top.Max != 5m || !top.MaxInclusive) problems.Add($"predicate '{top.Name.Id}': the top band must end at 5.0 inclusive");
        if (ordered[0].Min > 1m) problems.Add($"predicate '{ordered[0].Name.Id}': the lowest band must start at or below 1.0 (the floor index)");
    }

    private static void Duplicates(IEnumerable<int> numbers, string what, List<string> problems)
    {
        foreach (var g in numbers.GroupBy(n => n).Where(g => g.Count() > 1)) problems.Add($"{what} {g.Key} is defined {g.Count()} times");
    }

    // ---- YAML shape (camelCase keys; unknown keys are rejected by the deserializer) ----

    private sealed class RubricDto
    {
        public string? Version { get; set; }
        public string? Source { get; set; }
        public Dictionary<int, TextDto>? LevelNames { get; set; }
        public List<DomainDto>? Domains { get; set; }
        public List<AspectDto>? Aspects { get; set; }
        public List<PredicateDto>? Predicates { get; set; }
        public List<IndicatorDto>? Indicators { get; set; }
    }

    private sealed class TextDto
    {
        public string? Id { get; set; }
        public string? En { get; set; }
    }

    private sealed class DomainDto
    {
        public int? Number { get; set; }
        public TextDto? Name { get; set; }
        public decimal? Weight { get; set; }
    }

    private sealed class AspectDto
    {
        public int? Number { get; set; }
        public int? Domain { get; set; }
        public TextDto? Name { get; set; }
        public decimal? Weight { get; set; }
    }

    private sealed class PredicateDto
    {
        public TextDto? Name { get; set; }
        public decimal? Min { get; set; }
        public decimal? Max { get; set; }
        public bool? MaxInclusive { get; set; }
    }

    private sealed class IndicatorDto
    {
        public int? Number { get; set; }
        public int? Aspect { get; set; }
        public TextDto? Name { get; set; }
        public decimal? Weight { get; set; }
        public bool? Computed { get; set; }
        public TextDto? Question { get; set; }
        public List<LevelDto>? Levels { get; set; }
    }

    private sealed class LevelDto
    {
        public int? Level { get; set; }
        public TextDto? Text { get; set; }
        public List<CriterionDto>? Criteria { get; set; }
    }

    private sealed class CriterionDto
    {
        public string? Id { get; set; }
        public TextDto? Text { get; set; }
        public string? Metric { get; set; }
        public string? Op { get; set; }
        public object? Value { get; set; }
    }
}
