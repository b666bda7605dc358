using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SpbeOps.LocalTool;

/// <summary>
/// How a step finds the record it may have written before: <c>find</c> is a GET answering the record itself, or a
/// list or page of records among which <c>key</c> picks it; <c>at</c> names the part of the answer the body
/// describes; <c>revise</c> is where a record that differs from the seed is PUT (<c>{{id}}</c> = its id);
/// <c>createOnly</c> names body fields that only creation reads (they are not compared).
/// </summary>
/// <param name="Key">the natural key: body field names (their values come from the body), or field → value</param>
public sealed record SeedLookup(string Find, IReadOnlyDictionary<string, YamlNode?> Key, string? At, string? Revise, IReadOnlyList<string> CreateOnly);

public sealed record SeedStep(
    int Number, string Title, string Role, string? Opd, HttpMethod Method, string Path, YamlNode? Body, string? Save, SeedLookup? Lookup)
{
    public override string ToString() => $"step {Number} '{Title}'";
}

/// <summary>
/// A seed file: <c>instansi</c>, then <c>steps</c>, each <c>{ title, role, opd?, method, path, body?, save?, lookup? }</c>.
/// <c>save: name</c> keeps the record's <c>id</c> for later steps as <c>{{name}}</c>; <c>{{today}}</c>,
/// <c>{{today-N}}</c>, <c>{{today+N}}</c> and <c>{{year}}</c> are dates of the day of seeding; <c>!!int "{{year}}"</c> sends
/// the year as a number.
/// </summary>
/// <remarks>
/// Every step must be safe to send again (issue 7, row 2): a PUT to a fixed path is, and its <c>lookup</c> only saves
/// a write when the record already holds the seeded content; a POST creates a record, so it must say how the record
/// is found again (<c>lookup</c> with a <c>key</c>): a file with a POST step that does not is refused before
/// anything is sent.
/// </remarks>
public sealed partial record SeedFile(string Instansi, IReadOnlyList<SeedStep> Steps)
{
    public static SeedFile Load(string path) => Parse(File.ReadAllText(path), path);

    public static SeedFile Parse(string yaml, string source = "seed file")
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var instansi = Scalar(root, "instansi") ?? throw new FormatException($"{source}: 'instansi' is missing");
        if (!root.Children.TryGetValue("steps", out var stepsNode) || stepsNode is not YamlSequenceNode steps)
            throw new FormatException($"{source}: 'steps' is missing");

        var list = new List<SeedStep>();
        foreach (var node in steps.Children)
        {
            var number = list.Count + 1;
            if (node is not YamlMappingNode step) throw new FormatException($"{source}: step {number} is not a mapping");
            var title = Scalar(step, "title") ?? $"step {number}";
            FormatException Invalid(string why) => new($"{source}: step {number} '{title}': {why}");

            var method = new HttpMethod((Scalar(step, "method") ?? "POST").ToUpperInvariant());
            var path = Scalar(step, "path") ?? throw Invalid("'path' is missing");
            step.Children.TryGetValue("body", out var body);
            var lookup = step.Children.TryGetValue("lookup", out var l) ? Lookup(l, body, Invalid) : null;
            if (method != HttpMethod.Post && method != HttpMethod.Put)
                throw Invalid($"only POST and PUT steps are supported, not {method}");
            if (method == HttpMethod.Post && lookup is not { Key.Count: > 0 })
                throw Invalid("a POST creates a record, so it needs 'lookup' with a 'key' (the record's natural key): a rerun would create it again");
            list.Add(new SeedStep(number, title, Scalar(step, "role") ?? "diskominfo-admin", Scalar(step, "opd"), method, path, body,
                Scalar(step, "save"), lookup));
        }
        return new SeedFile(instansi, list);
    }

    private static SeedLookup Lookup(YamlNode node, YamlNode? body, Func<string, FormatException> invalid)
    {
        if (node is not YamlMappingNode lookup) throw invalid("'lookup' must be a mapping");
        var find = Scalar(lookup, "find") ?? throw invalid("'lookup' needs 'find' (the GET that answers the record or a list of them)");
        var key = new Dictionary<string, YamlNode?>();
        if (lookup.Children.TryGetValue("key", out var k))
        {
            switch (k)
            {
                case YamlSequenceNode fields:
                    foreach (var field in fields.Children.Select(f => ((YamlScalarNode)f).Value!))
                    {
                        if (body is not YamlMappingNode b || !b.Children.TryGetValue(field, out var value))
                            throw invalid($"key field '{field}' is not in the body");
                        key[field] = value;
                    }
                    break;
                case YamlMappingNode pairs:
                    foreach (var (field, value) in pairs.Children) key[((YamlScalarNode)field).Value!] = value;
                    break;
                default:
                    throw invalid("'key' must be a list of body fields or a mapping of field: value");
            }
        }
        var createOnly = lookup.Children.TryGetValue("createOnly", out var c) && c is YamlSequenceNode only
            ? only.Children.Select(f => ((YamlScalarNode)f).Value!).ToList()
            : [];
        return new SeedLookup(find, key, Scalar(lookup, "at"), Scalar(lookup, "revise"), createOnly);
    }

    private static string? Scalar(YamlMappingNode node, string name) =>
        node.Children.TryGetValue(name, out var v) ? (v as YamlScalarNode)?.Value : null;

    /// <summary>
    /// YAML to JSON, typing plain scalars (numbers, booleans, null) as YAML 1.2 does; quoted ones stay strings.
    /// Placeholders are replaced in the YAML values, before JSON escaping could hide them (e.g. '+').
    /// </summary>
    public static JsonNode? ToJson(YamlNode? node, Func<string, string> substitute) => node switch
    {
        null => null,
        YamlMappingNode map => new JsonObject(map.Children.Select(p => KeyValuePair.Create(((YamlScalarNode)p.Key).Value!, ToJson(p.Value, substitute)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(c => ToJson(c, substitute))]),
        // `!!int "{{year}}"`: a placeholder that stands for a number (a plain {{…}} would be a YAML flow mapping).
        YamlScalarNode s when !s.Tag.IsNonSpecific && !s.Tag.IsEmpty && s.Tag.Value == "tag:yaml.org,2002:int" =>
            JsonValue.Create(long.Parse(substitute(s.Value ?? ""), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)),
        YamlScalarNode { Style: ScalarStyle.Plain } s => s.Value switch
        {
            null or "~" or "null" => null,
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            var v when long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
            var v when decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
            var v => JsonValue.Create(substitute(v)),
        },
        YamlScalarNode s => JsonValue.Create(s.Value is null ? null : substitute(s.Value)),
        _ => throw new InvalidOperationException($"Unsupported YAML node {node.NodeType}."),
    };

    /// <summary>Replaces <c>{{name}}</c>: the dates of <paramref name="today"/>, else a value <paramref name="values"/> holds.</summary>
    public static string Substitute(string text, DateOnly today, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m =>
        {
            var name = m.Groups[1].Value;
            if (name == "today") return today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (name.StartsWith("today", StringComparison.Ordinal) && int.TryParse(name[5..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var days))
                return today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (name == "year") return today.Year.ToString(CultureInfo.InvariantCulture);
            return values.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"{{{{{name}}}}} is used before a step saved it.");
        });

    [GeneratedRegex(@"\{\{([a-z0-9+\-]+)\}\}", RegexOptions.IgnoreCase)]
    private static partial Regex Placeholder();
}
