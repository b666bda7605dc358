using System.Globalization;

namespace SpbeOps.LocalTool.Bench;

/// <summary>Percentiles of a sample of latencies in milliseconds (nearest-rank).</summary>
internal sealed class Latencies(IEnumerable<double> milliseconds)
{
    private readonly double[] _sorted = [.. milliseconds.Order()];

    public int Count => _sorted.Length;

    public double P(double percentile) =>
        _sorted.Length == 0 ? double.NaN : _sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    public string P50P95P99 => Count == 0 ? "–" : $"{Ms(P(50))} / {Ms(P(95))} / {Ms(P(99))} ms";

    public string P50P99 => Count == 0 ? "–" : $"{Ms(P(50))} / {Ms(P(99))} ms";

    public static string Ms(double value) => double.IsNaN(value) ? "–" : value.ToString(value < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);
}

internal static class Figures
{
    public static string F(double value, string format = "0") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Mb(long bytes) => F(bytes / 1024.0 / 1024.0) + " MB";

    public static string Met(bool met) => met ? "met" : "**not met**";
}
