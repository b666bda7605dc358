using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace SpbeOps.LocalTool.Bench;

/// <summary>
/// Freshness as a user sees it: the time from a write's 2xx to its <c>level-changed</c> event on the live stream
/// (<c>/api/maturity/stream</c>, through the gateway). A probe registers the first in-use asset of a perangkat daerah
/// the instansi has never had; with a programme and a lifecycle guideline in place, that lifts the OPD's indicator 24
/// from 1 to 3, so every probe causes exactly one level change, whatever else is being written.
/// </summary>
internal sealed class LevelStream : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _waiting = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpResponseMessage _response;
    private readonly Task _reader;
    private int _probes;

    private LevelStream(HttpResponseMessage response, StreamReader body)
    {
        _response = response;
        _reader = Task.Run(() => ReadAsync(body, _stop.Token));
    }

    public static async Task<LevelStream> OpenAsync(HttpClient gateway, CancellationToken ct)
    {
        var response = await gateway.SendAsync(new HttpRequestMessage(HttpMethod.Get, "api/maturity/stream"), HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        var body = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
        await body.ReadLineAsync(ct);   // ": terhubung / connected": the subscription exists from here on
        return new LevelStream(response, body);
    }

    /// <summary>One probe: milliseconds from the write's response to its level change; null when it failed or took over 60 s.</summary>
    public async Task<double?> ProbeAsync(HttpClient writer, string prefix, CancellationToken ct)
    {
        var opd = $"{prefix}-{Interlocked.Increment(ref _probes):00000}";
        var arrival = _waiting.GetOrAdd(opd, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        using var response = await writer.PostAsJsonAsync("api/assets",
            new { opd, kind = "hardware", name = $"Server {opd}", stage = "pemanfaatan" }, ct);
        var accepted = Stopwatch.GetTimestamp();
        if (!response.IsSuccessStatusCode) return null;
        if (await Task.WhenAny(arrival, Task.Delay(TimeSpan.FromSeconds(60), ct)) != arrival) return null;
        return Math.Max(0, Stopwatch.GetElapsedTime(accepted, await arrival).TotalMilliseconds);
    }

    /// <summary>Probes one after another, <paramref name="gap"/> apart, until <paramref name="until"/> is cancelled or <paramref name="count"/> are done.</summary>
    public async Task<List<(double At, double? Ms)>> ProbeRepeatedlyAsync(HttpClient writer, string prefix, TimeSpan gap, int count, CancellationToken until)
    {
        var results = new List<(double, double?)>();
        var clock = Stopwatch.StartNew();
        while (results.Count < count && !until.IsCancellationRequested)
        {
            var at = clock.Elapsed.TotalSeconds;
            try
            {
                results.Add((at, await ProbeAsync(writer, prefix, CancellationToken.None)));
                await Task.Delay(gap, until);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        return results;
    }

    private async Task ReadAsync(StreamReader body, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested && await body.ReadLineAsync(ct) is { } line)
            {
                if (!line.StartsWith("data: ", StringComparison.Ordinal)) continue;
                var now = Stopwatch.GetTimestamp();
                var change = JsonSerializer.Deserialize<JsonElement>(line.AsSpan(6));
                if (change.TryGetProperty("opd", out var opd) && opd.ValueKind == JsonValueKind.String
                    && _waiting.TryGetValue(opd.GetString()!, out var waiting))
                    waiting.TrySetResult(now);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException)
        {
            // the run is over, or the stream broke: the probes still waiting time out and count as failed
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _response.Dispose();
        try { await _reader; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
