using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SpbeOps.LocalTool;

public enum SeedAction
{
    /// <summary>The record is not there: send the step.</summary>
    Create,
    /// <summary>The record is there but differs from the seed: PUT the seeded content.</summary>
    Revise,
    /// <summary>The record already holds the seeded content: nothing to send.</summary>
    Unchanged,
    /// <summary>The record is there and differs, but its type has no revision: left as it is.</summary>
    Keep,
}

/// <summary>What one step of the seed does, decided from what the API answered for its lookup (no I/O here).</summary>
public static class SeedPlanner
{
    /// <summary>
    /// The records a lookup answer holds: a list, a page (<c>{ items, total }</c>), or one record. A 404 is no answer.
    /// </summary>
    public static IReadOnlyList<JsonObject> Candidates(JsonNode? answer) => answer switch
    {
        JsonArray list => [.. list.OfType<JsonObject>()],
        JsonObject page when page["items"] is JsonArray items => [.. items.OfType<JsonObject>()],
        JsonObject one => [one],
        _ => [],
    };

    /// <summary>The candidates whose <paramref name="key"/> fields all hold the key's values (every candidate when there is no key).</summary>
    public static IReadOnlyList<JsonObject> Matching(IEnumerable<JsonObject> candidates, IReadOnlyDictionary<string, JsonNode?> key) =>
        [.. candidates.Where(c => key.All(k => Same(k.Value, c[k.Key])))];

    public static SeedAction Plan(JsonNode? body, JsonNode? found, IReadOnlyCollection<string> createOnly, bool canRevise)
    {
        if (found is null) return SeedAction.Create;
        var compared = body is JsonObject fields
            ? new JsonObject(fields.Where(f => !createOnly.Contains(f.Key)).Select(f => KeyValuePair.Create(f.Key, f.Value?.DeepClone())))
            : body;
        if (Holds(found, compared)) return SeedAction.Unchanged;
        return canRevise ? SeedAction.Revise : SeedAction.Keep;
    }

    /// <summary>
    /// Whether <paramref name="record"/> holds the <paramref name="seeded"/> content: every seeded field has the
    /// seeded value (fields the seed does not name, such as ids, versions and audit fields, are ignored), lists have
    /// the same items in the same order, numbers are compared by value (2.10 = 2.1).
    /// </summary>
    public static bool Holds(JsonNode? record, JsonNode? seeded) => (seeded, record) switch
    {
        (null, _) => record is null || record.GetValueKind() == JsonValueKind.Null,
        (JsonObject s, JsonObject r) => s.All(f => Holds(r[f.Key], f.Value)),
        (JsonArray s, JsonArray r) => s.Count == r.Count && s.Zip(r).All(p => Holds(p.Second, p.First)),
        (JsonValue, JsonValue) => Same(seeded, record),
        _ => false,
    };

    /// <summary>Two JSON values are the same: numbers by value, everything else by its JSON text.</summary>
    public static bool Same(JsonNode? a, JsonNode? b)
    {
        var (ka, kb) = (Kind(a), Kind(b));
        if (ka != kb) return false;
        return ka switch
        {
            JsonValueKind.Null => true,
            JsonValueKind.Number => decimal.Parse(a!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
                == decimal.Parse(b!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture),
            JsonValueKind.String => a!.GetValue<string>() == b!.GetValue<string>(),
            JsonValueKind.Object or JsonValueKind.Array => Holds(b, a) && Holds(a, b),
            _ => a!.ToJsonString() == b!.ToJsonString(),
        };
    }

    private static JsonValueKind Kind(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;
}
