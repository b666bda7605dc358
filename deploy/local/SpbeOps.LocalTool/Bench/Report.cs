using System.Text;
using static SpbeOps.LocalTool.Bench.Figures;

namespace SpbeOps.LocalTool.Bench;

/// <summary>Every figure of one run, and the Markdown that puts them beside the issue 8 targets.</summary>
internal sealed class Report(bool quick)
{
    public IReadOnlyList<(string Name, long Rss)> MemoryIdle { get; set; } = [];
    public IReadOnlyList<(string Name, long Rss)> MemoryAfter { get; set; } = [];
    public Latencies FreshnessIdle { get; set; } = new([]);
    public int FreshnessIdleFailed { get; set; }
    public Dictionary<(int Clients, string Path), LoadResult> Throughput { get; } = [];
    public double? PgBenchTps { get; set; }
    public List<RateStep> Steps { get; } = [];
    public List<(int Rows, double Seconds)> Imports { get; } = [];
    public Dictionary<(int Size, string Query), Latencies> Lists { get; } = [];
    public (int Assets, double Seconds, long Bytes, long RssBefore, long RssPeak)? Export { get; set; }

    private const double FreshP50 = 60, FreshP99 = 250, ListP99 = 50;

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine($"### Run of {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC{(quick ? " (quick: shorter steps, no 100k register)" : "")}");
        md.AppendLine();
        md.AppendLine($"Machine: {Machine()}");
        md.AppendLine();
        md.AppendLine("| what | measured | target | |");
        md.AppendLine("|---|---|---|---|");

        var fresh = (FreshnessIdle.P(50) <= FreshP50 && FreshnessIdle.P(99) <= FreshP99 && FreshnessIdleFailed == 0);
        md.AppendLine($"| freshness idle (write 2xx → `level-changed` on the stream, p50 / p95 / p99) | {FreshnessIdle.P50P95P99} ({FreshnessIdle.Count} probes{(FreshnessIdleFailed > 0 ? $", {FreshnessIdleFailed} failed" : "")}) | p50 ≤ 60 ms, p99 ≤ 250 ms | {Met(fresh)} |");
        var highest = Steps.Where(s => s.Target is not null && s.Bounded && s.Load.PerSecond >= s.Target * 0.9).LastOrDefault();
        if (highest is not null)
        {
            var ok = highest.Freshness.P(50) <= FreshP50 && highest.Freshness.P(99) <= FreshP99;
            md.AppendLine($"| freshness at the highest bounded rate ({F(highest.Load.PerSecond)} writes/s) | {highest.Freshness.P50P95P99} ({highest.Freshness.Count} probes) | p50 ≤ 60 ms, p99 ≤ 250 ms | {Met(ok)} |");
            var saturated = Steps.LastOrDefault(s => s.Target is null);
            var beyond = Steps.FirstOrDefault(s => s.Target is not null && !(s.Bounded && s.Load.PerSecond >= s.Target * 0.9));
            var why = beyond is null ? "every paced rate held"
                : beyond.Bounded ? $"at {beyond.Label} the writes themselves reached {F(beyond.Load.PerSecond)}/s (the write path, not the pipeline, is the limit)"
                : $"at {beyond.Label}: backlog {beyond.BacklogAtEnd.Total} at the end";
            md.AppendLine($"| highest write rate with a bounded backlog | {F(highest.Load.PerSecond)} writes/s; {why}" +
                          (saturated is null ? "" : $"; at write-path saturation ({F(saturated.Load.PerSecond)}/s) the backlog at the end was {saturated.BacklogAtEnd.Total}, freshness {saturated.Freshness.P50P95P99}") +
                          $" | bounded at any sustained rate | {Met(saturated?.Bounded ?? beyond is null || beyond.Bounded)} |");
        }

        foreach (var clients in new[] { 1, 8, 16 })
        {
            if (!Throughput.TryGetValue((clients, "gateway"), out var g) || !Throughput.TryGetValue((clients, "direct"), out var d)) continue;
            var ratio = g.PerSecond / d.PerSecond;
            md.AppendLine($"| `POST /api/assets`, {clients} client{(clients > 1 ? "s" : "")}: gateway / direct | {F(g.PerSecond)} / {F(d.PerSecond)} per s = **{F(ratio, "0.00")}**{Failures(g, d)} | gateway ÷ direct ≥ 0.9 | {Met(ratio >= 0.9)} |");
        }
        if (PgBenchTps is { } tps && Throughput.TryGetValue((16, "direct"), out var direct16))
        {
            var ratio = direct16.PerSecond / tps;
            md.AppendLine($"| service (16 clients, direct) ÷ pgbench Marten-shaped transaction (16 clients) | {F(direct16.PerSecond)} / {F(tps)} tps = **{F(ratio, "0.00")}** | ≥ 0.5 | {Met(ratio >= 0.5)} |");
        }
        else md.AppendLine("| pgbench Marten-shaped transaction | not run (pgbench not found) | | |");

        foreach (var size in Lists.Keys.Select(k => k.Size).Distinct().Order())
        {
            var rows = Lists.Where(l => l.Key.Size == size).ToList();
            var worst = rows.Max(r => r.Value.P(99));
            var detail = string.Join("; ", rows.Select(r => $"{r.Key.Query} {r.Value.P50P99}"));
            md.AppendLine($"| `GET /api/assets` through the gateway at {size:N0} assets (p50 / p99) | {detail} | p99 ≤ 50 ms at 100k | {(size >= 100_000 ? Met(worst <= ListP99) : worst <= ListP99 ? "met" : "(not a target)")} |");
        }

        foreach (var (rows, seconds) in Imports.Where(i => i.Rows >= 10_000).GroupBy(i => i.Rows).Select(g => (g.Key, g.Average(i => i.Seconds))))
            md.AppendLine($"| XLSX import, {rows:N0} rows, all or none | {F(seconds, "0.0")} s{(rows > 10_000 ? " (mean)" : "")} | 10k rows ≤ 10 s | {Met(seconds * 10_000 / rows <= 10)} |");
        if (Export is { } e)
        {
            var growth = e.RssPeak - e.RssBefore;
            md.AppendLine($"| XLSX export, {e.Assets:N0} assets ({Mb(e.Bytes)}) | {F(e.Seconds, "0.0")} s; Assets process {Mb(e.RssBefore)} → peak {Mb(e.RssPeak)} (+{Mb(growth)}) | streamed, growth ≤ 50 MB at 100k | {(e.Assets >= 100_000 ? Met(growth <= 50L * 1024 * 1024) : "(not at 100k)")} |");
        }

        var idleTotal = MemoryIdle.Sum(m => m.Rss);
        var perProcess = MemoryIdle.Count == 0 ? 0 : idleTotal / MemoryIdle.Count;
        md.AppendLine($"| RSS idle per process | {string.Join(", ", MemoryIdle.Select(m => $"{m.Name} {Mb(m.Rss)}"))}; total {Mb(idleTotal)} for {MemoryIdle.Count} (≈ {Mb(perProcess * 9)} for 9) | suite idle ≤ 1.5 GB with 9 processes | {Met(perProcess * 9 <= 1536L * 1024 * 1024)} |");
        md.AppendLine($"| RSS after the run | {string.Join(", ", MemoryAfter.Select(m => $"{m.Name} {Mb(m.Rss)}"))} | (information) | |");

        md.AppendLine();
        md.AppendLine("Sustained write rates (16 integration clients through the gateway, a freshness probe every 250 ms):");
        md.AppendLine();
        md.AppendLine("| rate | accepted | failed | backlog at the end | freshness p50 / p95 / p99 | drained after | bounded | CPU (cores) during the step |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var s in Steps)
            md.AppendLine($"| {s.Label} | {F(s.Load.PerSecond)}/s | {s.Load.Failed} | {s.BacklogAtEnd} | {s.Freshness.P50P95P99}{(s.FailedProbes > 0 ? $" ({s.FailedProbes} failed)" : "")} | {(s.DrainedAfter is { } dr ? F(dr, "0.0") + " s" : "> 3 min")} | {(s.Bounded ? "yes" : "no")} | {CpuShare.Format(s.Cpu)} |");
        md.AppendLine();
        md.AppendLine("XLSX imports (through the gateway, one transaction each): " + string.Join(", ", Imports.Select(i => $"{i.Rows:N0} rows {F(i.Seconds, "0.0")} s")));
        return md.ToString();
    }

    private static string Failures(LoadResult g, LoadResult d) =>
        g.Failed + d.Failed == 0 ? "" : $" ({g.Failed} + {d.Failed} failed)";

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{Environment.ProcessorCount} cores ({cpu ?? "unknown CPU"}), {memory ?? "unknown"} memory, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}";
    }
}
