using System.Text.RegularExpressions;
using Npgsql;

namespace SpbeOps.Reliability.Tests.Faults;

public sealed record ProducerAsset(Guid Id, string Opd, string Name, string Stage, long Version);

public sealed record ProducerRecord(Guid Id, string Opd, string Label, long Version);

/// <summary>Every record of the stream's instansi as the producing services hold it, read through the gateway.</summary>
public sealed record Producers(IReadOnlyList<ProducerAsset> Assets, IReadOnlyList<ProducerRecord> Contexts, IReadOnlyList<ProducerRecord> Risks)
{
    public static async Task<Producers> ReadAsync(HttpClient admin)
    {
        var assets = new List<ProducerAsset>();
        var contexts = new List<ProducerRecord>();
        var risks = new List<ProducerRecord>();
        foreach (var opd in WriteStream.Opds)
        {
            for (var page = 1; ; page++)
            {
                var body = await Get(admin, $"api/assets?opd={opd}&pageSize=200&page={page}");
                var items = body.GetProperty("items").EnumerateArray().ToList();
                assets.AddRange(items.Select(a => new ProducerAsset(a.GetProperty("id").GetGuid(), a.GetProperty("opd").GetString()!,
                    a.GetProperty("name").GetString()!, a.GetProperty("stage").GetString()!, a.GetProperty("version").GetInt64())));
                if (items.Count < 200) break;
            }
            contexts.AddRange((await Get(admin, $"api/risks/contexts?opd={opd}")).EnumerateArray().Select(c => new ProducerRecord(
                c.GetProperty("id").GetGuid(), c.GetProperty("opd").GetString()!, $"context {opd} {c.GetProperty("periodYear").GetInt32()}",
                c.GetProperty("version").GetInt64())));
            risks.AddRange((await Get(admin, $"api/risks?opd={opd}&pageSize=500&includeWithdrawn=true")).GetProperty("items").EnumerateArray()
                .Select(r => new ProducerRecord(r.GetProperty("id").GetGuid(), r.GetProperty("opd").GetString()!, r.GetProperty("event").GetString()!,
                    r.GetProperty("version").GetInt64())));
        }
        return new Producers(assets, contexts, risks);
    }

    private static async Task<JsonElement> Get(HttpClient client, string url) =>
        await (await client.GetAsync(url).ShouldBe(HttpStatusCode.OK)).ReadJson();

    /// <summary>
    /// Every planned write, acknowledged or found applied, is in its service exactly once with the state the stream
    /// left it in, and nothing else is: per OPD the count, the ids, the names, the stage and the version.
    /// </summary>
    public IReadOnlyList<string> Problems(WriteStream stream)
    {
        var problems = new List<string>();
        foreach (var opd in WriteStream.Opds)
        {
            var planned = stream.Assets.Where(a => a.Opd == opd).ToList();
            var held = Assets.Where(a => a.Opd == opd).ToList();
            if (held.Count != planned.Count) problems.Add($"assets of {opd}: {held.Count} in the service, {planned.Count} written");
            var plannedRisks = stream.Risks.Where(r => r.Opd == opd).ToList();
            var heldRisks = Risks.Where(r => r.Opd == opd).ToList();
            if (heldRisks.Count != plannedRisks.Count) problems.Add($"risks of {opd}: {heldRisks.Count} in the service, {plannedRisks.Count} written");
            var heldContexts = Contexts.Where(c => c.Opd == opd).ToList();
            if (heldContexts.Count != 1) problems.Add($"risk contexts of {opd}: {heldContexts.Count} in the service, 1 written");
        }

        var byId = Assets.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.ToList());
        var byName = Assets.GroupBy(a => a.Name).ToDictionary(g => g.Key, g => g.Count());
        foreach (var a in stream.Assets)
        {
            if (a.Id is not { } id) { problems.Add($"{a.Name}: the stream has no id for it"); continue; }
            if (!byId.TryGetValue(id, out var copies)) { problems.Add($"LOST: asset {a.Name} ({id}), written, is not in the service"); continue; }
            if (copies.Count > 1) problems.Add($"asset {id} listed {copies.Count} times");
            var held = copies[0];
            if (held.Stage != a.Stage || held.Version != a.Version)
                problems.Add($"asset {a.Name} ({id}): stage {held.Stage} v{held.Version} in the service, {a.Stage} v{a.Version} written");
            if (byName.GetValueOrDefault(a.Name) > 1) problems.Add($"DUPLICATE: asset {a.Name} exists {byName[a.Name]} times");
        }
        var plannedIds = stream.Assets.Where(a => a.Id is not null).Select(a => a.Id!.Value).ToHashSet();
        problems.AddRange(Assets.Where(a => !plannedIds.Contains(a.Id)).Take(20).Select(a => $"EXTRA: asset {a.Name} ({a.Id}) was never acknowledged"));

        var risks = Risks.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var r in stream.Risks)
        {
            if (r.Id is not { } id || !risks.TryGetValue(id, out var copies)) { problems.Add($"LOST: risk {r.Event} ({r.Id})"); continue; }
            if (copies.Count > 1) problems.Add($"risk {id} listed {copies.Count} times");
            if (copies[0].Version != r.Version) problems.Add($"risk {r.Event}: v{copies[0].Version} in the service, v{r.Version} written");
        }
        if (Risks.GroupBy(r => r.Label).FirstOrDefault(g => g.Count() > 1) is { } twice) problems.Add($"DUPLICATE: risk {twice.Key} ×{twice.Count()}");
        foreach (var c in stream.Contexts)
            if (Contexts.All(h => h.Id != c.Id)) problems.Add($"LOST: risk context of {c.Opd} ({c.Id})");
        return problems;
    }
}

/// <summary>
/// The Indicators service's facts about one instansi against the producers' records, all of them: the asset facts
/// (id, OPD, stage, version), the per-OPD register summaries (count by stage), the risk and risk-context facts
/// (id, version) from its schema, and the per-OPD active asset counts its indicator 24 shows through the API.
/// </summary>
public sealed partial class FactsComparison(string postgres, string instansi, HttpClient admin)
{
    public async Task<IReadOnlyList<string>> DifferencesAsync(Producers producers)
    {
        try
        {
            return await CompareAsync(producers);
        }
        catch (Exception e) when (e is NpgsqlException or HttpRequestException or TaskCanceledException)
        {
            return [$"facts unreadable: {e.GetType().Name}: {e.Message}"];
        }
    }

    private async Task<IReadOnlyList<string>> CompareAsync(Producers producers)
    {
        var differences = new List<string>();
        await using var db = new NpgsqlConnection(postgres);
        await db.OpenAsync();

        var facts = await DocumentsAsync(db, "mt_doc_assetfact");
        Compare(differences, "asset", producers.Assets.ToDictionary(a => a.Id, a => $"{a.Opd}/{a.Stage}/v{a.Version}"),
            facts.ToDictionary(f => Guid.Parse(f.Id), f => $"{Text(f.Data, "opd")}/{Text(f.Data, "stage")}/v{Number(f.Data, "version")}"));

        var summaries = (await DocumentsAsync(db, "mt_doc_assetregistersummary")).ToDictionary(s => s.Id, s => Prop(s.Data, "byStage"));
        foreach (var opd in WriteStream.Opds)
        {
            var expected = producers.Assets.Where(a => a.Opd == opd).GroupBy(a => a.Stage).ToDictionary(g => g.Key, g => g.Count());
            var actual = summaries.TryGetValue(opd, out var byStage) && byStage is { } b
                ? b.EnumerateObject().Where(p => p.Value.GetInt32() != 0).ToDictionary(p => p.Name, p => p.Value.GetInt32())
                : [];
            if (!Same(expected, actual)) differences.Add($"register summary of {opd}: {Show(actual)}, producers {Show(expected)}");
        }

        Compare(differences, "risk", producers.Risks.ToDictionary(r => r.Id, r => $"v{r.Version}"),
            (await DocumentsAsync(db, "mt_doc_riskfact")).ToDictionary(f => Guid.Parse(f.Id), f => $"v{Number(f.Data, "version")}"));
        Compare(differences, "risk context", producers.Contexts.ToDictionary(c => c.Id, c => $"v{c.Version}"),
            (await DocumentsAsync(db, "mt_doc_riskcontextfact")).ToDictionary(f => Guid.Parse(f.Id), f => $"v{Number(f.Data, "version")}"));

        if (differences.Count == 0) differences.AddRange(await IndicatorDifferencesAsync(producers));
        return differences;
    }

    /// <summary>What the API shows: indicator 24's coverage criterion names each OPD with its count of active assets.</summary>
    private async Task<IReadOnlyList<string>> IndicatorDifferencesAsync(Producers producers)
    {
        using var response = await admin.GetAsync("api/maturity/indicators/24");
        if (response.StatusCode != HttpStatusCode.OK) return [$"GET api/maturity/indicators/24: {(int)response.StatusCode}"];
        var detail = await response.ReadJson();
        var coverage = detail.GetProperty("levels").EnumerateArray().SelectMany(l => l.GetProperty("criteria").EnumerateArray())
            .First(c => c.GetProperty("metric").GetString() == "assets.register.opdCoverage");
        var shown = coverage.GetProperty("evidence").EnumerateArray().Select(e => CoverageLabel().Match(e.GetProperty("label").GetString() ?? ""))
            .Where(m => m.Success).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value));
        var expected = producers.Assets.Where(a => a.Stage != "penghapusan").GroupBy(a => a.Opd).ToDictionary(g => g.Key, g => g.Count());
        return Same(expected, shown) ? [] : [$"indicator 24 shows active assets {Show(shown)}, producers hold {Show(expected)}"];
    }

    [GeneratedRegex(@"^([a-z0-9-]+): (\d+) aset / assets$")]
    private static partial Regex CoverageLabel();

    private async Task<List<(string Id, JsonElement Data)>> DocumentsAsync(NpgsqlConnection db, string table)
    {
        await using var command = new NpgsqlCommand($"SELECT id::text, data::text FROM indicators.{table} WHERE tenant_id = @t", db);
        command.Parameters.AddWithValue("t", instansi);
        var rows = new List<(string, JsonElement)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), JsonDocument.Parse(reader.GetString(1)).RootElement.Clone()));
        return rows;
    }

    private static void Compare(List<string> differences, string what, Dictionary<Guid, string> expected, Dictionary<Guid, string> actual)
    {
        var missing = expected.Keys.Where(id => !actual.ContainsKey(id)).ToList();
        var extra = actual.Keys.Where(id => !expected.ContainsKey(id)).ToList();
        var stale = expected.Where(e => actual.TryGetValue(e.Key, out var a) && a != e.Value).ToList();
        if (missing.Count > 0) differences.Add($"{missing.Count} of {expected.Count} {what} records have no fact (e.g. {string.Join(", ", missing.Take(3))})");
        if (extra.Count > 0) differences.Add($"{extra.Count} {what} facts have no record (e.g. {string.Join(", ", extra.Take(3))})");
        if (stale.Count > 0)
            differences.Add($"{stale.Count} {what} facts differ from their record (e.g. {string.Join("; ", stale.Take(3).Select(s => $"{s.Key}: fact {actual[s.Key]}, record {s.Value}"))})");
    }

    private static bool Same(Dictionary<string, int> a, Dictionary<string, int> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private static string Show(Dictionary<string, int> d) => "{" + string.Join(", ", d.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}: {kv.Value}")) + "}";

    /// <summary>A member of a stored document, whatever casing the serializer used.</summary>
    private static JsonElement? Prop(JsonElement e, string name) =>
        e.EnumerateObject().Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Select(p => (JsonElement?)p.Value).FirstOrDefault();

    private static string? Text(JsonElement e, string name) => Prop(e, name)?.GetString();
    private static long? Number(JsonElement e, string name) => Prop(e, name)?.GetInt64();

    /// <summary>
    /// Gaps in each service's event sequence (a crash of PostgreSQL loses the sequence numbers it had cached, and
    /// every rolled-back append leaves one): the forwarder must move past them.
    /// </summary>
    public static async Task<string> SequenceGapsAsync(string postgres)
    {
        var lines = new List<string>();
        await using var db = new NpgsqlConnection(postgres);
        await db.OpenAsync();
        foreach (var schema in new[] { "assets", "risk", "indicators" })
        {
            await using var command = new NpgsqlCommand(
                $"SELECT count(*) FILTER (WHERE d > 1), coalesce(sum(d - 1) FILTER (WHERE d > 1), 0), count(*) " +
                $"FROM (SELECT seq_id - lag(seq_id) OVER (ORDER BY seq_id) AS d FROM {schema}.mt_events) x", db);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            lines.Add($"{schema} {reader.GetInt64(2)} events, {reader.GetInt64(0)} sequence gaps ({reader.GetInt64(1)} numbers skipped)");
        }
        return string.Join("; ", lines);
    }

    /// <summary>Where each service's forwarder stands against its event store: for a failure message.</summary>
    public static async Task<string> ForwarderProgressAsync(string postgres)
    {
        var lines = new List<string>();
        try
        {
            await using var db = new NpgsqlConnection(postgres);
            await db.OpenAsync();
            foreach (var schema in new[] { "assets", "risk", "indicators" })
            {
                await using var command = new NpgsqlCommand(
                    $"SELECT (SELECT max(seq_id) FROM {schema}.mt_events), " +
                    $"(SELECT string_agg(name || '=' || last_seq_id, ', ') FROM {schema}.mt_event_progression)", db);
                await using var reader = await command.ExecuteReaderAsync();
                await reader.ReadAsync();
                lines.Add($"{schema}: last event {(reader.IsDBNull(0) ? "none" : reader.GetInt64(0))}, progress {(reader.IsDBNull(1) ? "none" : reader.GetString(1))}");
            }
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            lines.Add($"(progress unknown: {e.Message})");
        }
        return string.Join("\n", lines);
    }
}
