using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace SpbeOps.Records;

/// <summary>
/// The fields a change set, found by comparing a record's JSON before and after, and the fold that turns a
/// record's events back into its state. The audit fields (id, version, updatedBy, updatedAt) are the event's own
/// metadata, and computed (read-only) properties are derived, so neither is carried.
/// </summary>
public static class RecordChanges
{
    private static readonly HashSet<string> Audit = ["id", "version", "updatedBy", "updatedAt"];

    /// <summary>camelCase like the API; computed properties (no setter) are left out, they follow from the rest.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { SettableOnly } },
    };

    /// <summary>The top-level fields of <paramref name="next"/> that differ from <paramref name="current"/> (all of them for a new record).</summary>
    public static Dictionary<string, JsonElement> Between<T>(T? current, T next) where T : class, IRecord
    {
        var before = current is null ? null : JsonSerializer.SerializeToNode(current, Json)!.AsObject();
        var after = JsonSerializer.SerializeToNode(next, Json)!.AsObject();
        var changes = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, value) in after)
        {
            if (Audit.Contains(name)) continue;
            if (before is not null && JsonNode.DeepEquals(before[name], value)) continue;
            changes[name] = JsonSerializer.SerializeToElement(value, Json);
        }
        return changes;
    }

    /// <summary>The record after <paramref name="change"/>, as version <paramref name="version"/> of stream <paramref name="id"/>.</summary>
    public static T Apply<T>(T? state, RecordEvent change, Guid id, long version) where T : class, IRecord
    {
        var node = state is null ? new JsonObject() : JsonSerializer.SerializeToNode(state, Json)!.AsObject();
        foreach (var (name, value) in change.Changes) node[name] = JsonNode.Parse(value.GetRawText());
        var next = node.Deserialize<T>(Json) ?? throw new InvalidOperationException($"{typeof(T).Name} {id} v{version} folded to nothing.");
        next.Id = id;
        next.Version = version;
        next.UpdatedBy = change.Actor;
        next.UpdatedAt = change.At;
        return next;
    }

    private static void SettableOnly(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            var property = type.Properties[i];
            // Constructor parameters of positional records are settable through the constructor.
            if (property.Set is null && property.AssociatedParameter is null) type.Properties.RemoveAt(i);
        }
    }
}
