using System.Diagnostics;
using System.Net.Http.Json;

namespace SpbeOps.LocalTool.Bench;

internal sealed record LoadResult(int Accepted, int Failed, TimeSpan Elapsed)
{
    public double PerSecond => Accepted / Elapsed.TotalSeconds;
}

/// <summary>
/// Asset registrations as load: <c>POST /api/assets</c> of an in-use asset to one of the perangkat daerah that
/// already have one, so the load feeds the maturity pipeline (one fact each) without moving a level.
/// </summary>
internal static class WriteLoad
{
    public const int LoadOpdCount = 16;

    public static string LoadOpd(int i) => $"beban-{i % LoadOpdCount + 1:00}";

    private static int _sequence;

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient client, CancellationToken ct)
    {
        var n = Interlocked.Increment(ref _sequence);
        return client.PostAsJsonAsync("api/assets", new { opd = LoadOpd(n), kind = "hardware", name = $"Laptop beban {n}", stage = "pemanfaatan" }, ct);
    }

    /// <summary>Each client writes as fast as it is answered (closed loop), for <paramref name="duration"/>.</summary>
    public static async Task<LoadResult> ClosedLoopAsync(IReadOnlyList<HttpClient> clients, TimeSpan duration)
    {
        int accepted = 0, failed = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(async client =>
        {
            while (clock.Elapsed < duration)
            {
                using var response = await RegisterAsync(client, CancellationToken.None);
                Interlocked.Increment(ref response.IsSuccessStatusCode ? ref accepted : ref failed);
            }
        }));
        return new LoadResult(accepted, failed, clock.Elapsed);
    }

    /// <summary>
    /// Writes at a fixed rate whatever the answers (open loop), spread over <paramref name="clients"/>, at most 256 in
    /// flight: when the suite cannot keep up the achieved rate falls below the target, which the caller reports.
    /// </summary>
    public static async Task<LoadResult> PacedAsync(IReadOnlyList<HttpClient> clients, double perSecond, TimeSpan duration)
    {
        int accepted = 0, failed = 0;
        using var inFlight = new SemaphoreSlim(256);
        var running = new List<Task>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; ; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond);
            if (due >= duration) break;
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            await inFlight.WaitAsync();
            var client = clients[i % clients.Count];
            running.Add(Task.Run(async () =>
            {
                try
                {
                    using var response = await RegisterAsync(client, CancellationToken.None);
                    Interlocked.Increment(ref response.IsSuccessStatusCode ? ref accepted : ref failed);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failed);
                }
                finally
                {
                    inFlight.Release();
                }
            }));
        }
        await Task.WhenAll(running);
        return new LoadResult(accepted, failed, clock.Elapsed);
    }
}
