using System.Diagnostics;

namespace SpbeOps.Testing;

/// <summary>What the opt-in list benchmarks print: p50 and p99 of one GET after a warm-up (no timed assertions).</summary>
public static class Latency
{
    public static async Task<string> MeasureAsync(HttpClient client, string label, string url, int warmUp = 10, int samples = 50)
    {
        var times = new List<double>();
        for (var i = 0; i < warmUp + samples; i++)
        {
            var sw = Stopwatch.StartNew();
            (await client.GetAsync(url)).EnsureSuccessStatusCode();
            if (i >= warmUp) times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return $"GET {label,-14} p50 {times[times.Count / 2],7:F1} ms  p99 {times[(int)(times.Count * 0.99)],7:F1} ms   {url}";
    }
}
