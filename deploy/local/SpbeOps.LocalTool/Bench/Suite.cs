using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using SpbeOps.ServiceDefaults.Auth;

namespace SpbeOps.LocalTool.Bench;

internal sealed record Backlog(long Forwarder, IReadOnlyDictionary<string, long> Queues)
{
    public long Total => Forwarder + Queues.Values.Sum();

    public override string ToString() =>
        $"forwarder {Forwarder}" + string.Concat(Queues.Where(q => q.Value > 0).Select(q => $", {q.Key} {q.Value}"));
}

internal sealed record BenchOptions(
    Uri Gateway, Uri AssetsDirect, Uri RabbitApi, string RabbitVhost, string RabbitUser, string RabbitPassword,
    string Postgres, string? PgBench, string RunDir, IReadOnlyList<string> Schemas, bool Quick, bool Keep);

/// <summary>
/// The running suite as the benchmark sees it: clients for one fresh instansi (through the gateway or straight to the
/// Assets service), how far the pipeline is behind, and the memory of each process. It starts nothing.
/// </summary>
internal sealed class Suite(BenchOptions options, string signingKey) : IDisposable
{
    private readonly SocketsHttpHandler _handler = new() { MaxConnectionsPerServer = 256, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) };
    private readonly HttpClient _monitor = new() { Timeout = TimeSpan.FromSeconds(10) };
    private int _subjects;

    public BenchOptions Options => options;

    /// <summary>A fresh instansi per run: nothing of the demo or of an earlier run is in its numbers.</summary>
    public string Instansi { get; } = $"bench-{DateTime.UtcNow:yyyyMMddHHmmss}";

    /// <summary>A second fresh instansi for the register at 1k/10k/100k: the load phases leave thousands of assets in the first.</summary>
    public string RegisterInstansi => Instansi + "-register";

    /// <summary>
    /// A Diskominfo integration client (an OPD system registering in bulk) with a subject of its own, so every client
    /// has its own rate-limit bucket at the gateway, as separate systems would.
    /// </summary>
    public HttpClient Client(Uri baseAddress, string? instansi = null)
    {
        var token = DevelopmentTokens.Create(signingKey, SpbeRoles.DiskominfoAdmin, instansi ?? Instansi,
            subject: $"bench-client-{Interlocked.Increment(ref _subjects)}", lifetime: TimeSpan.FromHours(4),
            extraClaims: [new Claim("client_type", "integration")]);
        var client = new HttpClient(_handler, disposeHandler: false) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient[] Clients(Uri baseAddress, int count) => [.. Enumerable.Range(0, count).Select(_ => Client(baseAddress))];

    /// <summary>
    /// Events the Assets forwarder has not published yet, and messages waiting in each consumer queue
    /// (RabbitMQ's management API refreshes its counts every few seconds: good for a trend, not for a single message).
    /// </summary>
    public async Task<Backlog> BacklogAsync(CancellationToken ct)
    {
        long forwarder = 0;
        var queues = new Dictionary<string, long>();
        using (var health = await _monitor.GetAsync(new Uri(options.AssetsDirect, "health"), ct))
        {
            var json = await health.Content.ReadFromJsonAsync<JsonElement>(ct);
            if (json.TryGetProperty("checks", out var checks) && checks.TryGetProperty("broker-forwarder", out var f)
                && f.TryGetProperty("data", out var data) && data.TryGetProperty("pendingEvents", out var pending))
                forwarder = pending.GetInt64();
        }
        // Every consumer queue of the vhost (the dead-letter queues are not a backlog).
        using var request = new HttpRequestMessage(HttpMethod.Get,
            new Uri(options.RabbitApi, $"queues/{Uri.EscapeDataString(options.RabbitVhost)}?columns=name,messages"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{options.RabbitUser}:{options.RabbitPassword}")));
        using var response = await _monitor.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        foreach (var q in (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).EnumerateArray())
        {
            var name = q.GetProperty("name").GetString()!;
            if (name.EndsWith("_error", StringComparison.Ordinal) || name.EndsWith("_skipped", StringComparison.Ordinal)) continue;
            queues[name] = q.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Number ? messages.GetInt64() : 0;
        }
        return new Backlog(forwarder, queues);
    }

    /// <summary>
    /// Waits until nothing is behind: the forwarder has published everything and every queue is empty in two readings
    /// (the management API's counts lag). Returns the seconds it took, or null when it did not drain within <paramref name="max"/>.
    /// </summary>
    public async Task<double?> DrainAsync(TimeSpan max)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var empty = 0;
        while (clock.Elapsed < max)
        {
            empty = (await BacklogAsync(CancellationToken.None)).Total == 0 ? empty + 1 : 0;
            if (empty >= 2) return clock.Elapsed.TotalSeconds;
            await Task.Delay(1000);
        }
        return null;
    }

    /// <summary>Resident memory of every process ./spbe started (its pid files), in bytes.</summary>
    public IReadOnlyList<(string Name, long Rss)> Memory()
    {
        var result = new List<(string, long)>();
        if (!Directory.Exists(options.RunDir)) return result;
        foreach (var file in Directory.GetFiles(options.RunDir, "*.pid").Order(StringComparer.Ordinal))
        {
            if (int.TryParse(File.ReadAllText(file).Trim(), out var pid) && Rss(pid) is { } rss)
                result.Add((Path.GetFileNameWithoutExtension(file), rss));
        }
        return result;
    }

    public long? RssOf(string name) => Memory().Where(m => m.Name == name).Select(m => (long?)m.Rss).FirstOrDefault();

    private static long? Rss(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// Deletes every bench instansi (<c>bench-…</c>: this run's, and those of runs kept or aborted before) from every
    /// service schema: conjoined tenancy keeps a tenant's rows under its tenant_id.
    /// </summary>
    public async Task DeleteBenchDataAsync()
    {
        var schemas = string.Join(", ", options.Schemas.Select(s => $"'{s.Replace("'", "''")}'"));
        await PgBench.ExecuteAsync(options.Postgres, $$"""
            DO $$
            DECLARE t record;
            BEGIN
              FOR t IN SELECT table_schema, table_name FROM information_schema.columns
                       WHERE column_name = 'tenant_id' AND table_schema IN ({{schemas}})
                       ORDER BY table_name = 'mt_streams'   -- last: events reference their stream
              LOOP
                EXECUTE format('DELETE FROM %I.%I WHERE tenant_id LIKE ''bench-%%''', t.table_schema, t.table_name);
              END LOOP;
              FOR t IN SELECT table_schema, table_name FROM information_schema.tables
                       WHERE table_name = 'mt_doc_knowntenant' AND table_schema IN ({{schemas}})
              LOOP
                EXECUTE format('DELETE FROM %I.%I WHERE id LIKE ''bench-%%''', t.table_schema, t.table_name);
              END LOOP;
            END $$;
            """);
    }

    public void Dispose()
    {
        _monitor.Dispose();
        _handler.Dispose();
    }
}
