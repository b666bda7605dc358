using System.Net.Http.Json;
using System.Text;
using static SpbeOps.LocalTool.Bench.Figures;

namespace SpbeOps.LocalTool.Bench;

/// <summary>
/// <c>./spbe bench</c>: measures the running suite as users and OPD systems use it, on fresh instansi, and prints one
/// Markdown table with the issue 8 targets beside the figures (docs/benchmarks.md keeps them). It starts nothing;
/// its data is deleted at the end unless --keep.
/// </summary>
internal static class BenchCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var a = new Arguments(args);
        string Need(string name) => a[name] ?? throw new ArgumentException($"--{name} is required (./spbe bench passes it)");
        var options = new BenchOptions(
            new Uri(Need("gateway").TrimEnd('/') + "/"), new Uri(Need("assets").TrimEnd('/') + "/"), new Uri(Need("rabbit-api").TrimEnd('/') + "/"),
            a["vhost"] ?? "spbeops",
            a["rabbit-user"] ?? "spbeops", Environment.GetEnvironmentVariable("SPBE_BENCH_RABBIT_PASSWORD") ?? "",
            Environment.GetEnvironmentVariable("SPBE_BENCH_POSTGRES") ?? throw new ArgumentException("SPBE_BENCH_POSTGRES is not set"),
            a["pgbench"], Need("run-dir"), Need("schemas").Split(',', StringSplitOptions.RemoveEmptyEntries), a.Has("quick"), a.Has("keep"));

        using var suite = new Suite(options, Arguments.SigningKey());
        if (a.Has("clean"))
        {
            await suite.DeleteBenchDataAsync();
            Console.Error.WriteLine("bench: the data of every bench-… instansi is deleted");
            return 0;
        }
        var report = new Report(options.Quick);
        Console.Error.WriteLine($"bench: instansi {suite.Instansi} (+ {suite.RegisterInstansi}); {(options.Quick ? "quick run" : "full run")}");
        try
        {
            report.MemoryIdle = suite.Memory();
            await new PipelineBench(suite, report).RunAsync();
            await RegisterBench.RunAsync(suite, report);
            report.MemoryAfter = suite.Memory();
            Console.WriteLine(report.ToMarkdown());
        }
        finally
        {
            if (!options.Keep)
            {
                Console.Error.WriteLine("bench: deleting the bench instansi's data (--keep keeps it)");
                await suite.DrainAsync(TimeSpan.FromMinutes(10));
                await suite.DeleteBenchDataAsync();
            }
        }
        return 0;
    }

    /// <summary>Writes <paramref name="line"/> to stderr as progress (stdout is the table).</summary>
    public static void Progress(string line) => Console.Error.WriteLine($"  {DateTime.Now:HH:mm:ss} {line}");
}

/// <summary>Freshness, throughput, the bounded rate and pgbench: the first instansi.</summary>
internal sealed class PipelineBench(Suite suite, Report report)
{
    private static readonly int[] Rates = [50, 100, 200, 300, 400, 600, 800];

    public async Task RunAsync()
    {
        var quick = suite.Options.Quick;
        using var admin = suite.Client(suite.Options.Gateway);
        await SetUpIndicator24Async(admin);
        await using var stream = await LevelStream.OpenAsync(admin, CancellationToken.None);

        BenchCommand.Progress("warming up: one in-use asset for each load OPD, and a few probes");
        for (var i = 0; i < WriteLoad.LoadOpdCount; i++)
            if (await stream.ProbeAsync(admin, WriteLoad.LoadOpd(i), CancellationToken.None) is null)
                throw new InvalidOperationException($"no level change arrived for {WriteLoad.LoadOpd(i)}: is the Indicators service consuming?");
        await stream.ProbeRepeatedlyAsync(admin, "panas", TimeSpan.FromMilliseconds(50), 10, CancellationToken.None);

        BenchCommand.Progress("freshness, idle");
        var idle = await stream.ProbeRepeatedlyAsync(admin, "segar", TimeSpan.FromMilliseconds(100), quick ? 20 : 60, CancellationToken.None);
        report.FreshnessIdle = new Latencies(idle.Select(p => p.Ms).OfType<double>());
        report.FreshnessIdleFailed = idle.Count(p => p.Ms is null);

        // Gateway and direct alternate in short slices (three rounds each), so load from elsewhere on the box falls
        // on both paths alike and the ratio compares like with like.
        var duration = TimeSpan.FromSeconds(quick ? 4 : 8);
        var slice = duration / 3;
        foreach (var clients in new[] { 1, 8, 16 })
        {
            await suite.DrainAsync(TimeSpan.FromMinutes(2));
            BenchCommand.Progress($"write throughput, {clients} client(s), gateway and direct alternating");
            var gateway = suite.Clients(suite.Options.Gateway, clients);
            var direct = suite.Clients(suite.Options.AssetsDirect, clients);
            for (var round = 0; round < 3; round++)
            {
                Add((clients, "gateway"), await WriteLoad.ClosedLoopAsync(gateway, slice));
                Add((clients, "direct"), await WriteLoad.ClosedLoopAsync(direct, slice));
            }
        }

        await suite.DrainAsync(TimeSpan.FromMinutes(2));
        BenchCommand.Progress("pgbench, Marten-shaped transaction, 16 clients");
        report.PgBenchTps = await PgBench.RunAsync(suite.Options.PgBench, suite.Options.Postgres, 16, duration);

        var step = TimeSpan.FromSeconds(quick ? 10 : 20);
        var writers = suite.Clients(suite.Options.Gateway, 16);
        foreach (var rate in quick ? Rates.Take(3) : Rates)
        {
            var result = await SustainAsync(stream, admin, $"{rate}/s", step, () => WriteLoad.PacedAsync(writers, rate, step), rate);
            if (!result.Bounded || result.Load.PerSecond < rate * 0.9) break;
        }
        if (!quick)
            await SustainAsync(stream, admin, "16 clients, closed loop", step, () => WriteLoad.ClosedLoopAsync(writers, step), null);
    }

    private void Add((int Clients, string Path) key, LoadResult slice) =>
        report.Throughput[key] = report.Throughput.TryGetValue(key, out var sum)
            ? new LoadResult(sum.Accepted + slice.Accepted, sum.Failed + slice.Failed, sum.Elapsed + slice.Elapsed)
            : slice;

    /// <summary>One sustained rate with probes every 250 ms; bounded when the backlog at its end is under two seconds of writes.</summary>
    private async Task<RateStep> SustainAsync(LevelStream stream, HttpClient prober, string label, TimeSpan step, Func<Task<LoadResult>> load, double? target)
    {
        await suite.DrainAsync(TimeSpan.FromMinutes(3));
        BenchCommand.Progress($"sustained write rate {label} for {step.TotalSeconds:0} s, probing freshness");
        using var stop = new CancellationTokenSource();
        var probes = stream.ProbeRepeatedlyAsync(prober, "beban-probe", TimeSpan.FromMilliseconds(250), int.MaxValue, stop.Token);
        var cpu = CpuShare.Start(suite.Options.RunDir);
        var result = await load();
        var cores = cpu.Stop();
        var backlog = await suite.BacklogAsync(CancellationToken.None);
        await stop.CancelAsync();
        var probed = await probes;
        var drained = await suite.DrainAsync(TimeSpan.FromMinutes(3));
        var rate = new RateStep(label, target, result, probed, backlog, drained, cores);
        report.Steps.Add(rate);
        BenchCommand.Progress($"  {F(result.PerSecond)}/s accepted, {result.Failed} failed; backlog at the end: {backlog}; freshness {rate.Freshness.P50P95P99}; drained in {(drained is null ? "> 3 min" : F(drained.Value, "0.0") + " s")}; cores: {CpuShare.Format(cores)}");
        return rate;
    }

    private static async Task SetUpIndicator24Async(HttpClient admin)
    {
        var today = DateTime.UtcNow;
        (await admin.PostAsJsonAsync("api/assets/governance/programmes", new
        {
            indicator = 24, title = "Program Pengelolaan Aset TIK (bench)", date = today.AddDays(-30).ToString("yyyy-MM-dd"),
            endDate = today.AddDays(300).ToString("yyyy-MM-dd"), allOpd = true, activities = new[] { "Inventarisasi" },
        })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("api/assets/governance/policies", new
        {
            indicator = 24, kind = "sop", number = "SOP-BENCH/01", title = "SOP Manajemen Aset TIK (bench)", issuer = "walikota",
            date = today.AddDays(-20).ToString("yyyy-MM-dd"), allOpd = true,
            covers = new[] { "perencanaan", "pengadaan", "pemanfaatan", "penghapusan" },
        })).EnsureSuccessStatusCode();
    }
}

/// <summary>The register at 1k, 10k and 100k assets in the second instansi: imports, list reads and the export.</summary>
internal static class RegisterBench
{
    public static async Task RunAsync(Suite suite, Report report)
    {
        var quick = suite.Options.Quick;
        using var admin = suite.Client(suite.Options.Gateway, suite.RegisterInstansi);
        var (warmUp, samples) = quick ? (5, 30) : (10, 100);
        // (imports of the step, the register's size after it)
        var plan = quick
            ? new[] { (new[] { 1_000 }, 1_000), (new[] { 9_000 }, 10_000) }
            : new[] { (new[] { 1_000 }, 1_000), (new[] { 9_000 }, 10_000), (new[] { 10_000, 20_000, 20_000, 20_000, 20_000 }, 100_000) };
        var count = 0;
        foreach (var (imports, size) in plan)
        {
            foreach (var rows in imports)
            {
                BenchCommand.Progress($"import of {rows} rows");
                report.Imports.Add((rows, await AssetRegister.ImportAsync(admin, count, rows)));
                count += rows;
            }
            BenchCommand.Progress($"register at {size}: waiting for the pipeline, then timing the list routes");
            await suite.DrainAsync(TimeSpan.FromMinutes(10));
            foreach (var (label, url) in AssetRegister.Queries(size))
                report.Lists[(size, label)] = await AssetRegister.TimeAsync(admin, url, warmUp, samples);
        }

        BenchCommand.Progress($"export of {count} assets");
        var before = suite.RssOf("assets") ?? 0;
        var (seconds, bytes, peak) = await AssetRegister.ExportAsync(admin, () => suite.RssOf("assets"));
        report.Export = (count, seconds, bytes, before, peak);
    }
}

internal sealed record RateStep(
    string Label, double? Target, LoadResult Load, List<(double At, double? Ms)> Probes, Backlog BacklogAtEnd, double? DrainedAfter,
    IReadOnlyList<(string Group, double Cores)> Cpu)
{
    public Latencies Freshness => new(Probes.Select(p => p.Ms).OfType<double>());

    public int FailedProbes => Probes.Count(p => p.Ms is null);

    /// <summary>Under two seconds of writes behind when the rate stops, and every probe answered within a minute.</summary>
    public bool Bounded => BacklogAtEnd.Total <= Math.Max(100, Load.PerSecond * 2) && FailedProbes == 0 && Load.Failed == 0;
}
