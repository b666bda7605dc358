namespace SpbeOps.LocalTool.Bench;

/// <summary>
/// Where the CPU went during a step: each process's user + system time from /proc, grouped as the suite's services
/// (their pid files), PostgreSQL, RabbitMQ, this benchmark and everything else on the box. The "profile" beside a
/// figure: on 2 cores, a rate the pipeline cannot hold shows who ran out of CPU.
/// </summary>
internal sealed class CpuShare
{
    private const double TicksPerSecond = 100;   // USER_HZ on Linux
    private readonly Dictionary<int, string> _services;
    private readonly Dictionary<int, (string Group, long Ticks)> _start;
    private readonly DateTime _startedAt = DateTime.UtcNow;

    private CpuShare(Dictionary<int, string> services)
    {
        _services = services;
        _start = Read(services);
    }

    public static CpuShare Start(string runDir)
    {
        var services = new Dictionary<int, string>();
        if (Directory.Exists(runDir))
            foreach (var file in Directory.GetFiles(runDir, "*.pid"))
                if (int.TryParse(File.ReadAllText(file).Trim(), out var pid)) services[pid] = Path.GetFileNameWithoutExtension(file);
        return new CpuShare(services);
    }

    /// <summary>Cores used per group since <see cref="Start"/> (1.0 = one core busy all the time), busiest first.</summary>
    public IReadOnlyList<(string Group, double Cores)> Stop()
    {
        var seconds = (DateTime.UtcNow - _startedAt).TotalSeconds;
        var end = Read(_services);
        return end.Select(e => (e.Value.Group, Ticks: e.Value.Ticks - (_start.TryGetValue(e.Key, out var s) && s.Group == e.Value.Group ? s.Ticks : 0)))
            .GroupBy(e => e.Group)
            .Select(g => (g.Key, g.Sum(e => e.Ticks) / TicksPerSecond / seconds))
            .Where(g => g.Item2 >= 0.01)
            .OrderByDescending(g => g.Item2)
            .ToList();
    }

    private static Dictionary<int, (string Group, long Ticks)> Read(Dictionary<int, string> services)
    {
        var result = new Dictionary<int, (string Group, long Ticks)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var afterName = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = long.Parse(afterName[11]) + long.Parse(afterName[12]);   // utime, stime (fields 14, 15)
                result[pid] = (GroupOf(pid, stat, services), ticks);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException)
            {
                // the process ended meanwhile
            }
        }
        return result;
    }

    private static string GroupOf(int pid, string stat, Dictionary<int, string> services)
    {
        if (services.TryGetValue(pid, out var service)) return service;
        if (pid == Environment.ProcessId) return "bench";
        var name = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
        return name switch
        {
            "postgres" => "postgresql",
            "beam.smp" or "erl_child_setup" or "epmd" or "inet_gethost" => "rabbitmq",
            _ => "other",
        };
    }

    public static string Format(IReadOnlyList<(string Group, double Cores)> shares) =>
        string.Join(", ", shares.Select(s => $"{s.Group} {Figures.F(s.Cores, "0.00")}"));
}
