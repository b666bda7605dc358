using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace SpbeOps.Reliability.Tests.Faults;

/// <summary>
/// The fault tests' own deployment, on 127.0.0.1 only: a PostgreSQL 15 cluster (fsync and synchronous_commit on, as
/// production runs it) and a RabbitMQ node started by <c>Faults/servers.sh</c> with deploy/local's functions in a
/// state dir of their own under /tmp, on ports of their own; every service of deploy/services.txt and the gateway as
/// real OS processes of the built dlls (<c>dotnet artifacts/bin/P/&lt;config&gt;/P.dll</c>, configured as
/// deploy/local/apps.sh configures them). The tests kill, stop and crash these, never the shared servers of
/// <c>./spbe</c>. Everything is torn down in <see cref="DisposeAsync"/>; a run whose test host died is reaped by the
/// next one (<see cref="ReapStaleRunsAsync"/>).
/// </summary>
public sealed class FaultCluster : IAsyncLifetime
{
    public const string StatePrefix = "spbe-faults-";
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(90);

    private readonly Dictionary<string, ServiceProcess> _processes = new();
    private readonly Dictionary<string, string> _serverEnv = new();
    private readonly HttpClient _probe = new() { Timeout = TimeSpan.FromSeconds(3) };

    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The configuration the tests were built in (<c>debug</c>, <c>release</c>): the services' dlls of the same build.</summary>
    public static string Configuration { get; } = Path.GetFileName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));

    public string StateDir { get; } = Path.Combine(Path.GetTempPath(), $"{StatePrefix}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
    public string PostgresConnectionString { get; private set; } = "";
    public string TestPostgresConnectionString { get; private set; } = "";
    public string RabbitMqUri { get; private set; } = "";
    public IReadOnlyList<ListedService> Services { get; private set; } = [];
    public int GatewayPort { get; private set; }
    public string GatewayUrl => $"http://127.0.0.1:{GatewayPort}/";
    public TimeSpan StartupTime { get; private set; }
    public List<string> Reaped { get; } = [];

    private string Script => Path.Combine(RepoRoot, "tests", "SpbeOps.Reliability.Tests", "Faults", "servers.sh");

    public async Task InitializeAsync()
    {
        try
        {
            await StartEverythingAsync();
        }
        catch (Exception failure)
        {
            try
            {
                await DisposeAsync();   // what did start must not outlive a failed start
            }
            catch (Exception cleanup)
            {
                throw new AggregateException(failure, cleanup);
            }
            throw;
        }
    }

    private async Task StartEverythingAsync()
    {
        var started = Stopwatch.StartNew();
        await ReapStaleRunsAsync();
        Directory.CreateDirectory(StateDir);
        File.WriteAllText(Path.Combine(StateDir, "owner"), $"{Environment.ProcessId} {ProcessStartTicks(Environment.ProcessId)}\n");

        var listed = ListedService.Load(Path.Combine(RepoRoot, "deploy", "services.txt"));
        var ports = Ports.Allocate(6 + listed.Count, distRange: 11);
        _serverEnv["SPBE_STATE_DIR"] = StateDir;
        _serverEnv["SPBE_PG_PORT"] = ports.Single[0].ToString();
        _serverEnv["SPBE_RABBIT_PORT"] = ports.Single[1].ToString();
        _serverEnv["SPBE_RABBIT_MGMT_PORT"] = ports.Single[2].ToString();
        _serverEnv["SPBE_EPMD_PORT"] = ports.Single[3].ToString();
        _serverEnv["SPBE_RABBIT_DIST_PORT"] = ports.DistBase.ToString();
        _serverEnv["SPBE_RABBIT_NODENAME"] = $"faults{Environment.ProcessId}x{ports.DistBase}@localhost";
        File.WriteAllLines(Path.Combine(StateDir, "ports.env"), _serverEnv.Select(kv => $"{kv.Key}={kv.Value}"));

        var output = await RunScriptAsync(TimeSpan.FromSeconds(150), "start");
        var values = output.Split('\n').Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].Trim(), p => p[1].Trim());
        PostgresConnectionString = values["PG_CONN"];
        // The test's own reads: no pool, so a connection broken by the crash of PostgreSQL is never reused.
        TestPostgresConnectionString = PostgresConnectionString + ";Pooling=false;Timeout=5;Command Timeout=30";
        RabbitMqUri = values["RABBIT_URI"];

        var services = listed.Where(s => s.Name != "gateway").Select((s, i) => s with { Port = ports.Single[5 + i] }).ToList();
        Services = services;
        var gateway = listed.Single(s => s.Name == "gateway");
        GatewayPort = ports.Single[4];
        foreach (var s in services) _processes[s.Name] = NewProcess(s, new Dictionary<string, string?>());
        var routes = services.ToDictionary(
            s => $"ReverseProxy__Clusters__{s.Name}__Destinations__d1__Address", s => (string?)$"http://127.0.0.1:{s.Port}/");
        // Not what is under test, and a write stream of one user would exceed the default 600 requests a minute.
        routes["Gateway__RequestsPerMinute"] = "1000000";
        _processes["gateway"] = NewProcess(gateway with { Port = GatewayPort }, routes);

        // One after the other: each runs Marten's schema migration at start, and 2 cores boot them as fast in a row.
        foreach (var s in services) await StartAsync(s.Name);
        await StartAsync("gateway");
        StartupTime = started.Elapsed;
    }

    private ServiceProcess NewProcess(ListedService s, IReadOnlyDictionary<string, string?> extra)
    {
        var dll = Path.Combine(RepoRoot, "artifacts", "bin", s.Project, Configuration, s.Project + ".dll");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"{dll} does not exist: build the solution in the tests' configuration ({Configuration}) first.");
        var env = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_NOLOGO"] = "1",
            ["ConnectionStrings__postgres"] = PostgresConnectionString,
            ["ConnectionStrings__rabbitmq"] = RabbitMqUri,
            ["Auth__SigningKey"] = TestAuth.SigningKey,
            ["Auth__Issuer"] = "spbeops-local",
            ["Auth__Audience"] = "spbeops",
        };
        if (s.Schema is not null) env["Marten__Schema"] = s.Schema;
        foreach (var (k, v) in extra) env[k] = v;
        return new ServiceProcess(s.Name, dll, Path.Combine(RepoRoot, s.Folder), s.Port, env, StateDir);
    }

    public ServiceProcess Process(string name) => _processes[name];

    /// <summary>Starts (or restarts) a service and waits until its <c>/health</c> answers 200.</summary>
    public async Task<TimeSpan> StartAsync(string name)
    {
        var watch = Stopwatch.StartNew();
        var process = _processes[name];
        process.Start();
        await WaitHealthyAsync(process);
        return watch.Elapsed;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush, in-flight requests cut.</summary>
    public Task KillAsync(string name) => _processes[name].KillAsync();

    public async Task WaitHealthyAsync(ServiceProcess process)
    {
        var deadline = DateTime.UtcNow + HealthTimeout;
        while (true)
        {
            if (!process.Running)
                throw new InvalidOperationException($"{process.Name} exited during start-up:\n{process.LogTail(40)}");
            try
            {
                using var response = await _probe.GetAsync($"http://127.0.0.1:{process.Port}/health");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{process.Name} did not answer /health with 200 within {HealthTimeout.TotalSeconds:0} s:\n{process.LogTail(40)}");
            await Task.Delay(200);
        }
    }

    public Task CrashPostgresAsync() => RunScriptAsync(TimeSpan.FromSeconds(40), "pg-crash");
    public Task StartPostgresAsync() => RunScriptAsync(TimeSpan.FromSeconds(90), "pg-start");
    public Task StopRabbitMqAsync() => RunScriptAsync(TimeSpan.FromSeconds(60), "rmq-stop");
    public Task StartRabbitMqAsync() => RunScriptAsync(TimeSpan.FromSeconds(120), "rmq-start");

    /// <summary>Queue depths of our node, for a failure message.</summary>
    public async Task<string> QueuesAsync()
    {
        try
        {
            return await RunScriptAsync(TimeSpan.FromSeconds(30), "rmqctl", "list_queues", "-p", "spbeops", "name", "messages_ready",
                "messages_unacknowledged", "consumers");
        }
        catch (Exception e)
        {
            return $"(list_queues failed: {e.Message})";
        }
    }

    /// <summary>
    /// Before a test: everything up, whatever an earlier test left (it restores what it broke, but may have failed
    /// half-way).
    /// </summary>
    public async Task EnsureAllRunningAsync()
    {
        await RunScriptAsync(TimeSpan.FromSeconds(90), "pg-start");
        if (!await RabbitMqRunningAsync()) await StartRabbitMqAsync();
        foreach (var p in _processes.Values)
        {
            if (!p.Running) p.Start();
            await WaitHealthyAsync(p);
        }
    }

    private async Task<bool> RabbitMqRunningAsync()
    {
        try
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync("127.0.0.1", int.Parse(_serverEnv["SPBE_RABBIT_PORT"]));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public HttpClient Client(string role, string instansi, string? opd = null) =>
        new HttpClient { BaseAddress = new Uri(GatewayUrl), Timeout = TimeSpan.FromSeconds(30) }.WithToken(role, instansi, opd);

    /// <summary>
    /// Kills the processes, stops the servers and deletes the state dir (kept with <c>SPBE_FAULTS_KEEP=1</c>, to read
    /// the logs). When the servers cannot be stopped the dir stays, so the next run's reaper finds them.
    /// </summary>
    public async Task DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var p in _processes.Values) await p.KillAsync();
        _probe.Dispose();
        if (_serverEnv.Count == 0) return;   // nothing was started
        await RunScriptAsync(TimeSpan.FromSeconds(90), "stop");
        if (Environment.GetEnvironmentVariable("SPBE_FAULTS_KEEP") != "1") DeleteDir(StateDir);
    }

    private bool _disposed;

    // ---- the helper script ----

    private Task<string> RunScriptAsync(TimeSpan timeout, params string[] args) => RunScriptAsync(Script, _serverEnv, timeout, args);

    private static async Task<string> RunScriptAsync(string script, IReadOnlyDictionary<string, string> serverEnv, TimeSpan timeout, params string[] args)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        psi.ArgumentList.Add(script);
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("SPBE_", StringComparison.Ordinal)).ToList()) psi.Environment.Remove(key);
        foreach (var (k, v) in serverEnv) psi.Environment[k] = v;
        using var process = System.Diagnostics.Process.Start(psi)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"servers.sh {string.Join(' ', args)} did not finish within {timeout.TotalSeconds:0} s: {await stderr}");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"servers.sh {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}{await stdout}");
        return await stdout;
    }

    // ---- leftovers of a run whose test host died (killed, crashed): its servers and processes ----

    /// <summary>
    /// Stops the servers and service processes of earlier runs whose test host no longer exists (by pid and start
    /// time) and deletes their state dirs. Runs of live test hosts (another engineer's run) are left alone.
    /// </summary>
    private async Task ReapStaleRunsAsync()
    {
        foreach (var dir in Directory.EnumerateDirectories(Path.GetTempPath(), StatePrefix + "*"))
        {
            try
            {
                var owner = File.Exists(Path.Combine(dir, "owner")) ? File.ReadAllText(Path.Combine(dir, "owner")).Split(' ', 2) : null;
                if (owner is null || !int.TryParse(owner[0], out var pid)) continue;
                if (ProcessStartTicks(pid) is { } ticks && ticks == owner[1].Trim()) continue;   // its test host still runs

                foreach (var pidFile in Directory.EnumerateFiles(Path.Combine(dir, "run"), "*.pid"))
                    ServiceProcess.KillIfOurs(File.ReadAllText(pidFile).Trim(), dir);
                var env = File.ReadAllLines(Path.Combine(dir, "ports.env")).Select(l => l.Split('=', 2)).Where(p => p.Length == 2)
                    .ToDictionary(p => p[0], p => p[1]);
                if (env.GetValueOrDefault("SPBE_STATE_DIR") != dir) continue;
                await RunScriptAsync(Script, env, TimeSpan.FromSeconds(90), "stop");
                DeleteDir(dir);
                Reaped.Add(dir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or TimeoutException)
            {
                Reaped.Add($"{dir} (not reaped: {e.Message})");
            }
        }
    }

    /// <summary>Field 22 of /proc/PID/stat (start time in clock ticks): a pid with another start time is another process.</summary>
    internal static string? ProcessStartTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19];
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static void DeleteDir(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            Thread.Sleep(500);   // a server still closing its files
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SpbeOps.sln"))) return dir.FullName;
        throw new InvalidOperationException($"SpbeOps.sln not found above {AppContext.BaseDirectory}.");
    }
}

/// <summary>A line of deploy/services.txt (name project folder port schema routes).</summary>
public sealed record ListedService(string Name, string Project, string Folder, int Port, string? Schema)
{
    public static IReadOnlyList<ListedService> Load(string path) =>
        File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Select(f => new ListedService(f[0], f[1], f[2], int.Parse(f[3]), f[4] == "-" ? null : f[4]))
            .ToList();
}

/// <summary>Free loopback ports below the ephemeral range (no outgoing connection takes them meanwhile).</summary>
internal sealed record Ports(IReadOnlyList<int> Single, int DistBase)
{
    public static Ports Allocate(int count, int distRange)
    {
        var random = new Random();
        var taken = new HashSet<int>();
        int Free(int span)
        {
            for (var attempt = 0; attempt < 500; attempt++)
            {
                var port = random.Next(20000, 32000 - span);
                if (Enumerable.Range(port, span).Any(taken.Contains)) continue;
                if (!Enumerable.Range(port, span).All(IsFree)) continue;
                foreach (var p in Enumerable.Range(port, span)) taken.Add(p);
                return port;
            }
            throw new InvalidOperationException("No free loopback port range found.");
        }
        var distBase = Free(distRange);   // rabbitmqctl takes a port of dist+1..dist+10 for itself
        return new Ports(Enumerable.Range(0, count).Select(_ => Free(1)).ToList(), distBase);
    }

    private static bool IsFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

/// <summary>
/// One service (or the gateway) as an OS process: <c>dotnet P.dll --urls … --contentRoot …</c>, its output appended
/// to <c>logs/NAME.log</c> in the run's state dir and its pid in <c>run/NAME.pid</c>.
/// </summary>
public sealed class ServiceProcess(string name, string dll, string contentRoot, int port, IReadOnlyDictionary<string, string?> env, string stateDir)
{
    private Process? _process;

    public string Name => name;
    public int Port => port;
    public string LogPath { get; } = Path.Combine(stateDir, "logs", name + ".log");
    public bool Running => _process is { HasExited: false };
    public int Starts { get; private set; }

    public void Start()
    {
        if (Running) return;
        Directory.CreateDirectory(Path.GetDirectoryName(LogPath)!);
        Directory.CreateDirectory(Path.Combine(stateDir, "run"));
        File.AppendAllText(LogPath, $"==== start {++Starts} at {DateTimeOffset.UtcNow:O}\n");
        // sh redirects and execs dotnet: the pid is dotnet's, and its output goes to the log, not to the test host.
        var psi = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, WorkingDirectory = contentRoot };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("exec \"$0\" \"$@\" </dev/null >>\"$SPBE_FAULTS_LOG\" 2>&1");
        psi.ArgumentList.Add("dotnet");
        psi.ArgumentList.Add(dll);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add($"http://127.0.0.1:{port}");
        psi.ArgumentList.Add("--contentRoot");
        psi.ArgumentList.Add(contentRoot);
        // Marks the process as this run's (read by a later run's reaper); as a configuration key it means nothing.
        psi.ArgumentList.Add($"--spbe-faults-state={stateDir}");
        // Settings of the developer's shell (eval "$(./spbe env)": connection strings, keys) must not leak in.
        foreach (var key in psi.Environment.Keys.Where(k => k.Contains("__", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
                     || k.StartsWith("SPBE_", StringComparison.Ordinal) || k == "DOTNET_ENVIRONMENT").ToList())
            psi.Environment.Remove(key);
        foreach (var (k, v) in env) psi.Environment[k] = v;
        psi.Environment["SPBE_FAULTS_LOG"] = LogPath;
        _process = Process.Start(psi) ?? throw new InvalidOperationException($"{name} did not start");
        File.WriteAllText(Path.Combine(stateDir, "run", name + ".pid"), _process.Id.ToString());
    }

    public async Task KillAsync()
    {
        if (_process is null) return;
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        _process.Dispose();
        _process = null;
    }

    public string LogTail(int lines)
    {
        try
        {
            var all = File.ReadAllLines(LogPath);
            return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
        }
        catch (IOException e)
        {
            return $"(no log: {e.Message})";
        }
    }

    /// <summary>The log lines since the last start that report a problem.</summary>
    public IReadOnlyList<string> Problems(int max) =>
        File.Exists(LogPath)
            ? File.ReadAllLines(LogPath).Where(l => l.Contains("fail:", StringComparison.Ordinal) || l.Contains("crit:", StringComparison.Ordinal)
                || l.Contains("warn:", StringComparison.Ordinal) || l.StartsWith("====", StringComparison.Ordinal)).TakeLast(max).ToList()
            : [];

    /// <summary>SIGKILL for a leftover of a dead run, only when its command line carries that run's state dir.</summary>
    internal static void KillIfOurs(string pidText, string stateDir)
    {
        if (!int.TryParse(pidText, out var pid)) return;
        try
        {
            var cmdline = Encoding.UTF8.GetString(File.ReadAllBytes($"/proc/{pid}/cmdline")).Replace('\0', ' ');
            if (!cmdline.Contains($"--spbe-faults-state={stateDir}", StringComparison.Ordinal)) return;
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException)
        {
            // gone already
        }
    }
}
