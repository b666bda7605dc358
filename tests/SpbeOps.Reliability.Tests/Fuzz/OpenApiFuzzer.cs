using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace SpbeOps.Reliability.Tests.Fuzz;

/// <summary>One bad request: what to send, and a label that says how it was made (to reproduce a failure).</summary>
public sealed record FuzzRequest(string Operation, string Method, string Url, byte[]? Body, string? ContentType, string Label)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Url);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null) message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        }
        return message;
    }
}

/// <summary>
/// Bad inputs for every operation of a service's OpenAPI document, from a fixed seed (a failure reproduces): wrong
/// types, NUL and other control characters, invalid Unicode, huge strings, out-of-range numbers and dates, missing and
/// null fields, malformed JSON, a body of the wrong media type, malformed multipart uploads, <c>%00</c> in query values
/// and path segments, random GUIDs for ids. A body starts from a valid template where the test gives one (so the
/// mutation reaches the decider's rules) or from the schema; every JSON string of it gets a NUL, the rest is sampled
/// to at most <see cref="MaxPerOperation"/> requests per operation.
/// </summary>
public sealed class OpenApiFuzzer(JsonNode document, Random random)
{
    public const int MaxPerOperation = 120;
    private const int Huge = 10_000;
    private const string LoneSurrogate = "__lone_surrogate__";

    /// <summary>Valid values for path parameters by operation ("GET /api/assets/{id}") and name; else a random GUID or number.</summary>
    public Dictionary<string, Dictionary<string, string>> PathValues { get; } = [];

    /// <summary>Valid bodies by operation ("PUT /api/assets/{id}"), the starting point of the body's mutations.</summary>
    public Dictionary<string, JsonNode> Templates { get; } = [];

    /// <summary>The operations of the document, writes that end a record's life (withdrawal, approval, delete) last.</summary>
    public IReadOnlyList<(string Method, string Path, JsonNode Operation)> Operations() =>
        document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(m => (Method: m.Key.ToUpperInvariant(), Path: p.Key, Operation: m.Value!)))
            .OrderBy(o => o.Method == "DELETE" || o.Path.EndsWith("/withdrawal", StringComparison.Ordinal) || o.Path.EndsWith("/approval", StringComparison.Ordinal) ? 1 : 0)
            .ThenBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal)
            .ToList();

    public List<FuzzRequest> Requests(string method, string path, JsonNode operation)
    {
        var name = $"{method} {path}";
        var parameters = (operation["parameters"]?.AsArray() ?? []).Select(p => p!).ToList();
        var pathParams = parameters.Where(p => (string?)p["in"] == "path").ToList();
        var queryParams = parameters.Where(p => (string?)p["in"] == "query").ToList();
        var bodySchema = operation["requestBody"]?["content"]?["application/json"]?["schema"];

        string Url(Dictionary<string, string>? pathOverride = null, string? query = null)
        {
            var url = path;
            foreach (var p in pathParams)
            {
                var n = (string)p["name"]!;
                var value = pathOverride?.GetValueOrDefault(n) ?? ValidPathValue(name, n, p["schema"]);
                url = url.Replace("{" + n + "}", value);
            }
            return url.TrimStart('/') + (query is null ? "" : "?" + query);
        }

        var validBody = bodySchema is null ? null : Templates.GetValueOrDefault(name)?.DeepClone() ?? Build(bodySchema, 0);
        byte[]? Json(JsonNode? node) => node is null ? null : Encoding.UTF8.GetBytes(Serialize(node));
        var body = Json(validBody);
        var contentType = body is null ? null : "application/json";

        var always = new List<FuzzRequest>();
        var sampled = new List<FuzzRequest>();

        // Path segments: %00, not an id, a random id, out-of-range numbers.
        foreach (var p in pathParams)
        {
            var n = (string)p["name"]!;
            foreach (var bad in PathBadValues(p["schema"]))
                always.Add(new(name, method, Url(new() { [n] = bad }), body, contentType, $"path {n}={bad}"));
        }

        // Query values: %00, wrong types, out of range, huge, repeated.
        foreach (var p in queryParams)
        {
            var n = (string)p["name"]!;
            always.Add(new(name, method, Url(query: $"{n}=a%00b"), body, contentType, $"query {n}=a%00b"));
            foreach (var bad in QueryBadValues(p["schema"]))
                sampled.Add(new(name, method, Url(query: $"{n}={bad}"), body, contentType, $"query {n}={Short(bad)}"));
            sampled.Add(new(name, method, Url(query: $"{n}=1&{n}=2"), body, contentType, $"query {n} twice"));
        }
        if (queryParams.Count > 0) always.Add(new(name, method, Url(query: "%00=1"), body, contentType, "query key %00"));

        if (validBody is not null)
        {
            // Every string of the body once with a NUL (row 8), the other mutations sampled.
            foreach (var (position, node) in Positions(validBody))
            {
                var label = string.Join('.', position);
                foreach (var (what, replacement) in Mutations(node))
                {
                    var mutated = Replace(validBody, position, replacement);
                    var request = new FuzzRequest(name, method, Url(), Json(mutated), contentType, $"body {label} {what}");
                    (what == "nul" ? always : sampled).Add(request);
                }
                if (position.Count > 0)
                    sampled.Add(new(name, method, Url(), Json(Remove(validBody, position)), contentType, $"body {label} removed"));
            }
            foreach (var (what, raw, type) in WholeBodies(Serialize(validBody)))
                sampled.Add(new(name, method, Url(), raw, type, $"body {what}"));
            always.Add(new(name, method, Url(), Encoding.UTF8.GetBytes("{\"a\":"), "application/json", "body truncated JSON"));
        }
        else if (method is "POST" or "PUT")
        {
            // No JSON body: an upload (XLSX import) or a command without one. Malformed multipart and raw bytes.
            foreach (var (what, bytes, type) in Uploads())
                always.Add(new(name, method, Url(), bytes, type, $"upload {what}"));
        }

        var take = Math.Max(0, MaxPerOperation - always.Count);
        return [.. always, .. sampled.OrderBy(_ => random.Next()).Take(take)];
    }

    private string ValidPathValue(string operation, string name, JsonNode? schema) =>
        PathValues.GetValueOrDefault(operation)?.GetValueOrDefault(name)
        ?? (Format(schema) == "uuid" ? RandomGuid().ToString() : Type(schema) == "integer" ? "24" : "x");

    private IEnumerable<string> PathBadValues(JsonNode? schema)
    {
        yield return "%00";
        yield return "a%00b";
        yield return "%01";
        yield return RandomGuid().ToString();
        if (Type(schema) == "integer")
        {
            yield return "99999999999";
            yield return "-1";
        }
        else
        {
            yield return "not-a-guid";
        }
    }

    private IEnumerable<string> QueryBadValues(JsonNode? schema)
    {
        yield return "%00";
        yield return new string('x', 2000);
        yield return "9999-12-31";
        yield return "%E2%80%8F%F0%9F%98%80%FF";
        switch (Type(schema), Format(schema))
        {
            case ("integer", _):
                yield return "abc";
                yield return "2147483648";
                yield return "-2147483649";
                yield return "2147483647";
                yield return "0";
                yield return "-1";
                yield return "1.5";
                break;
            case ("boolean", _):
                yield return "maybe";
                yield return "1";
                break;
            case ("string", "date"):
                yield return "0001-01-01";
                yield return "2026-02-30";
                yield return "yesterday";
                break;
            case ("string", "uuid"):
                yield return "not-a-guid";
                break;
            default:
                yield return "0001-01-01";
                yield return "-";
                yield return "DINKES";
                yield return "a%20b";
                break;
        }
    }

    private static IEnumerable<(string What, JsonNode? Replacement)> Mutations(JsonNode? node)
    {
        switch (node)
        {
            case JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String:
                yield return ("nul", JsonValue.Create("a\u0000b"));
                yield return ("control", JsonValue.Create("a\u0001\u001Fb"));
                yield return ("lone surrogate", JsonValue.Create(LoneSurrogate));
                yield return ("U+FFFF", JsonValue.Create("a\uFFFFb"));
                yield return ("huge", JsonValue.Create(new string('x', Huge)));
                yield return ("blank", JsonValue.Create("   "));
                yield return ("date min", JsonValue.Create("0001-01-01"));
                yield return ("date max", JsonValue.Create("9999-12-31"));
                yield return ("bad date", JsonValue.Create("2026-02-30"));
                yield return ("number", JsonValue.Create(12345));
                yield return ("object", new JsonObject { ["a"] = 1 });
                yield return ("null", null);
                break;
            case JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number:
                yield return ("-1", JsonValue.Create(-1));
                yield return ("0", JsonValue.Create(0));
                yield return ("int max+1", JsonValue.Create(2147483648L));
                yield return ("int min-1", JsonValue.Create(-2147483649L));
                yield return ("1e30", JsonNode.Parse("1e30"));
                yield return ("1e300", JsonNode.Parse("1e300"));
                yield return ("fraction", JsonValue.Create(1.5));
                yield return ("decimal digits", JsonNode.Parse("79228162514264337593543950335"));
                yield return ("string", JsonValue.Create("12"));
                yield return ("text", JsonValue.Create("abc"));
                yield return ("null", null);
                break;
            case JsonValue:
                yield return ("string", JsonValue.Create("yes"));
                yield return ("number", JsonValue.Create(1));
                yield return ("null", null);
                break;
            case JsonArray a:
                yield return ("empty", new JsonArray());
                yield return ("null item", new JsonArray(null, a.Count > 0 ? a[0]?.DeepClone() : null));
                yield return ("long", new JsonArray([.. Enumerable.Range(0, 1000).Select(_ => a.Count > 0 ? a[0]?.DeepClone() : JsonValue.Create("x"))]));
                yield return ("string", JsonValue.Create("x"));
                yield return ("object", new JsonObject());
                yield return ("null", null);
                break;
            case JsonObject:
                yield return ("empty", new JsonObject());
                yield return ("array", new JsonArray());
                yield return ("string", JsonValue.Create("x"));
                yield return ("null", null);
                break;
        }
    }

    private static IEnumerable<(string What, byte[] Raw, string? ContentType)> WholeBodies(string valid)
    {
        byte[] Bytes(string s) => Encoding.UTF8.GetBytes(s);
        yield return ("empty", [], "application/json");
        yield return ("null", Bytes("null"), "application/json");
        yield return ("array", Bytes("[]"), "application/json");
        yield return ("number", Bytes("42"), "application/json");
        yield return ("garbage", Bytes("nul{"), "application/json");
        yield return ("deep", Bytes(new string('[', 500) + new string(']', 500)), "application/json");
        yield return ("duplicate keys", Bytes(valid.Length > 2 ? valid[..^1] + "," + valid[1..] : valid), "application/json");
        yield return ("text/plain", Bytes(valid), "text/plain");
        yield return ("no content type", Bytes(valid), null);
        yield return ("form", Bytes("a=1"), "application/x-www-form-urlencoded");
        yield return ("invalid UTF-8", [.. Bytes("{\"x\":\""), 0xFF, 0xFE, .. Bytes("\"}")], "application/json");
    }

    private static IEnumerable<(string What, byte[] Bytes, string? ContentType)> Uploads()
    {
        const string b = "fuzzboundary";
        byte[] Bytes(string s) => Encoding.UTF8.GetBytes(s);
        yield return ("multipart without boundary", Bytes("--x\r\n\r\nabc"), "multipart/form-data");
        yield return ("multipart garbage", Bytes("this is not multipart at all"), $"multipart/form-data; boundary={b}");
        yield return ("multipart cut", Bytes($"--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n\r\nPK\u0003\u0004"), $"multipart/form-data; boundary={b}");
        yield return ("multipart bad headers", Bytes($"--{b}\r\nContent-Disposition\r\n\r\nx\r\n--{b}--\r\n"), $"multipart/form-data; boundary={b}");
        yield return ("multipart not xlsx", Bytes($"--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\nnot a workbook\r\n--{b}--\r\n"), $"multipart/form-data; boundary={b}");
        yield return ("multipart no file", Bytes($"--{b}\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--{b}--\r\n"), $"multipart/form-data; boundary={b}");
        yield return ("raw garbage", Bytes("PK\u0003\u0004garbage"), "application/octet-stream");
        yield return ("empty", [], "application/octet-stream");
    }

    /// <summary>A plausible instance of a schema: strings, numbers, dates of today, one item per array.</summary>
    private JsonNode? Build(JsonNode schema, int depth)
    {
        schema = Resolve(schema);
        if (depth > 6) return null;
        switch (Type(schema), Format(schema))
        {
            case ("object", _):
                var o = new JsonObject();
                foreach (var (key, value) in schema["properties"]?.AsObject() ?? [])
                    o[key] = Build(value!, depth + 1);
                return o;
            case ("array", _):
                return new JsonArray(schema["items"] is { } items ? Build(items, depth + 1) : JsonValue.Create("x"));
            case ("integer", _): return JsonValue.Create(1);
            case ("number", _): return JsonValue.Create(1.5);
            case ("boolean", _): return JsonValue.Create(true);
            case ("string", "date"): return JsonValue.Create(DateTime.UtcNow.ToString("yyyy-MM-dd"));
            case ("string", "date-time"): return JsonValue.Create(DateTimeOffset.UtcNow);
            case ("string", "uuid"): return JsonValue.Create(RandomGuid());
            default: return JsonValue.Create("fuzz");
        }
    }

    private JsonNode Resolve(JsonNode schema)
    {
        for (var i = 0; i < 10; i++)
        {
            if (schema["$ref"] is { } reference)
                schema = document["components"]!["schemas"]![((string)reference!).Split('/')[^1]]!;
            else if (schema["oneOf"] is JsonArray oneOf && oneOf.FirstOrDefault(s => (string?)s?["type"] != "null") is { } choice)
                schema = choice;
            else return schema;
        }
        return schema;
    }

    private static string? Type(JsonNode? schema) => schema?["type"] switch
    {
        JsonArray types => types.Select(t => (string?)t).FirstOrDefault(t => t is not "null" and not "string") ?? types.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
        JsonValue type => (string?)type,
        _ => null,
    };

    private static string? Format(JsonNode? schema) => (string?)schema?["format"];

    /// <summary>Every value in the body (the root too), by its path of property names and indices.</summary>
    private static IEnumerable<(List<object> Position, JsonNode? Node)> Positions(JsonNode? node, List<object>? at = null)
    {
        at ??= [];
        if (at.Count > 0) yield return (at, node);
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                    foreach (var p in Positions(value, [.. at, key])) yield return p;
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                    foreach (var p in Positions(a[i], [.. at, i])) yield return p;
                break;
        }
    }

    private static JsonNode Replace(JsonNode root, List<object> position, JsonNode? replacement)
    {
        var copy = root.DeepClone();
        var parent = copy;
        foreach (var step in position[..^1]) parent = step is string k ? parent[k]! : parent[(int)step]!;
        if (position[^1] is string key) parent[key] = replacement?.DeepClone();
        else parent[(int)position[^1]] = replacement?.DeepClone();
        return copy;
    }

    private static JsonNode Remove(JsonNode root, List<object> position)
    {
        var copy = root.DeepClone();
        var parent = copy;
        foreach (var step in position[..^1]) parent = step is string k ? parent[k]! : parent[(int)step]!;
        if (position[^1] is string key) parent.AsObject().Remove(key);
        else parent.AsArray().RemoveAt((int)position[^1]);
        return copy;
    }

    /// <summary>Serialized; a lone surrogate is written as the JSON escape a client could send (no encoder writes one).</summary>
    private static string Serialize(JsonNode node) =>
        node.ToJsonString().Replace($"\"{LoneSurrogate}\"", "\"a\\ud800b\"", StringComparison.Ordinal);

    private Guid RandomGuid()
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static string Short(string s) => s.Length > 40 ? s[..40] + $"…({s.Length})" : s;
}
