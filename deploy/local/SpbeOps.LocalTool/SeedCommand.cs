using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SpbeOps.ServiceDefaults.Auth;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SpbeOps.LocalTool;

/// <summary>
/// Seeds a demo instansi by sending the requests of a seed file through the gateway, each as the role a real user
/// would have: the demo data goes through the same validation and events as everything else.
/// </summary>
/// <remarks>
/// File shape: <c>instansi</c>, then <c>steps</c>, each <c>{ title, role, opd?, method, path, body?, save? }</c>.
/// <c>save: name</c> keeps the response's <c>id</c>, which later steps use as <c>{{name}}</c>; <c>{{today}}</c>,
/// <c>{{today-N}}</c> and <c>{{today+N}}</c> are dates relative to the day of seeding.
/// </remarks>
internal static partial class SeedCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var a = new Arguments(args);
        if (a["gateway"] is not { } gateway || a["file"] is not { } file)
        {
            Console.Error.WriteLine("usage: seed --gateway URL --file FILE [--force]");
            return 2;
        }

        var yaml = new YamlStream();
        yaml.Load(new StringReader(await File.ReadAllTextAsync(file)));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var instansi = ((YamlScalarNode)root["instansi"]).Value!;
        var key = Arguments.SigningKey();
        using var http = new HttpClient { BaseAddress = new Uri(gateway), Timeout = TimeSpan.FromSeconds(30) };

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DevelopmentTokens.Create(key, SpbeRoles.DiskominfoAdmin, instansi));
        // The perangkat daerah list is the seed's last step, so it exists only after a complete seed.
        if (!args.Contains("--force") && (await http.GetAsync("api/maturity/organisation")).StatusCode == HttpStatusCode.OK)
        {
            Console.WriteLine($"{instansi} is already seeded (its perangkat daerah list exists); use --force to send the steps again.");
            return 0;
        }

        var saved = new Dictionary<string, string>();
        var steps = (YamlSequenceNode)root["steps"];
        var number = 0;
        foreach (var step in steps.Children.Cast<YamlMappingNode>())
        {
            number++;
            string? Text(string name) => step.Children.TryGetValue(name, out var v) ? ((YamlScalarNode)v).Value : null;
            var role = Text("role") ?? SpbeRoles.DiskominfoAdmin;
            var method = new HttpMethod(Text("method") ?? "POST");
            var path = Substitute(Text("path")!, saved).TrimStart('/');

            using var request = new HttpRequestMessage(method, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DevelopmentTokens.Create(key, role, instansi, Text("opd")));
            if (step.Children.TryGetValue("body", out var body))
                request.Content = new StringContent(ToJson(body, saved)!.ToJsonString(), Encoding.UTF8, "application/json");

            using var response = await http.SendAsync(request);
            var content = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                Console.Error.WriteLine($"step {number} '{Text("title")}' failed: {method} /{path} → {(int)response.StatusCode}: {content}");
                return 1;
            }
            if (Text("save") is { } name) saved[name] = JsonNode.Parse(content)!["id"]!.GetValue<string>();
            Console.WriteLine($"  ✓ {Text("title") ?? $"{method} /{path}"}");
        }
        Console.WriteLine($"seeded {instansi}: {number} steps");
        return 0;
    }

    private static string Substitute(string text, IReadOnlyDictionary<string, string> saved) =>
        Placeholder().Replace(text, m =>
        {
            var name = m.Groups[1].Value;
            if (name == "today") return DateTime.UtcNow.ToString("yyyy-MM-dd");
            if (name.StartsWith("today", StringComparison.Ordinal) && int.TryParse(name[5..], out var days))
                return DateTime.UtcNow.AddDays(days).ToString("yyyy-MM-dd");
            if (name == "year") return DateTime.UtcNow.Year.ToString();
            return saved.TryGetValue(name, out var id) ? id : throw new InvalidOperationException($"{{{{{name}}}}} is used before a step saved it.");
        });

    /// <summary>YAML to JSON, typing plain scalars (numbers, booleans, null) as YAML 1.2 does; quoted ones stay strings.</summary>
    /// <remarks>Placeholders are replaced in the YAML values, before JSON escaping could hide them (e.g. '+').</remarks>
    private static JsonNode? ToJson(YamlNode node, IReadOnlyDictionary<string, string> saved) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(p => KeyValuePair.Create(((YamlScalarNode)p.Key).Value!, ToJson(p.Value, saved)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(c => ToJson(c, saved))]),
        YamlScalarNode { Style: ScalarStyle.Plain } s => s.Value switch
        {
            null or "~" or "null" => null,
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            var v when long.TryParse(v, out var l) => JsonValue.Create(l),
            var v when decimal.TryParse(v, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
            var v => JsonValue.Create(Substitute(v, saved)),
        },
        YamlScalarNode s => JsonValue.Create(s.Value is null ? null : Substitute(s.Value, saved)),
        _ => throw new InvalidOperationException($"Unsupported YAML node {node.NodeType}."),
    };

    [GeneratedRegex(@"\{\{([a-z0-9+\-]+)\}\}", RegexOptions.IgnoreCase)]
    private static partial Regex Placeholder();
}
