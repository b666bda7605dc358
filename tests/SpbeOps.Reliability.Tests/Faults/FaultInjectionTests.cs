using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Xunit.Abstractions;

namespace SpbeOps.Reliability.Tests.Faults;

/// <summary>
/// The fault tests share one <see cref="FaultCluster"/> (servers and services of their own) and run alone, after the
/// other collections: they kill and stop what they run on, and their timings mean something only without neighbours
/// competing for the 2 cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultsCollection : ICollectionFixture<FaultCluster>
{
    public const string Name = "faults";
}

/// <summary>
/// Issue 7, fault injection: a stream of more than 1,000 writes through the gateway (<see cref="WriteStream"/>: assets
/// registered and moved along their lifecycle, risk contexts, risks and treatment plans, in six OPD) while one part
/// of the deployment fails and comes back. Afterwards every write the stream made (acknowledged with 2xx, or found
/// applied after a lost answer) is in its service exactly once with the state it was left in, and the Indicators
/// service's facts equal the producers' records, every one of them, within <see cref="ConvergenceTimeout"/>.
/// Each test works in an instansi of its own, so it sees only its own records.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class FaultInjectionTests(FaultCluster cluster, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan ConvergenceTimeout = TimeSpan.FromSeconds(90);
    /// <summary>The fault starts when this share of the stream is done, so writes run before, during and after it.</summary>
    private const double FaultAt = 0.25;

    public async Task InitializeAsync()
    {
        output.WriteLine($"cluster {cluster.StateDir} ({FaultCluster.Configuration} dlls) started in {cluster.StartupTime.TotalSeconds:0.0} s" +
            (cluster.Reaped.Count > 0 ? $"; reaped leftovers of dead runs: {string.Join(", ", cluster.Reaped)}" : ""));
        await cluster.EnsureAllRunningAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public Task Assets_service_killed_with_SIGKILL_and_restarted() => Run("assets SIGKILL", async () =>
    {
        await cluster.KillAsync("assets");
        return await cluster.StartAsync("assets");
    });

    [Fact]
    public Task Indicators_service_killed_with_SIGKILL_and_restarted() => Run("indicators SIGKILL", async () =>
    {
        await cluster.KillAsync("indicators");
        await Task.Delay(TimeSpan.FromSeconds(2));   // a backlog builds up while it is gone
        return await cluster.StartAsync("indicators");
    });

    [Fact]
    public Task RabbitMQ_stopped_and_started() => Run("rabbitmq stop/start", async () =>
    {
        await cluster.StopRabbitMqAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        await cluster.StartRabbitMqAsync();
        return TimeSpan.Zero;
    });

    [Fact]
    public Task PostgreSQL_crash_stopped_and_started() => Run("postgresql immediate stop/start", async () =>
    {
        await cluster.CrashPostgresAsync();
        await Task.Delay(TimeSpan.FromSeconds(5));
        await cluster.StartPostgresAsync();
        return TimeSpan.Zero;
    });

    /// <param name="inject">breaks something and repairs it; returns how long the repaired part took to start</param>
    private async Task Run(string fault, Func<Task<TimeSpan>> inject)
    {
        var instansi = Tenants.New("fault");
        var stream = new WriteStream(cluster, instansi, instansi[^8..]);
        Assert.True(stream.Planned >= 1000, $"the stream plans only {stream.Planned} writes");

        var clock = Stopwatch.StartNew();
        var writes = stream.RunAsync();
        TimeSpan faultAt = default, healedAt = default, restart = default;
        var faults = Task.Run(async () =>
        {
            while (stream.Completed < stream.Planned * FaultAt && !writes.IsCompleted) await Task.Delay(10);
            faultAt = clock.Elapsed;
            restart = await inject();
            healedAt = clock.Elapsed;
        });
        ExceptionDispatchInfo? writeFailure = null;
        try
        {
            await writes;
        }
        catch (Exception e)
        {
            writeFailure = ExceptionDispatchInfo.Capture(e);
        }
        await faults;   // repaired before anything else, also when the writes failed
        var wrote = clock.Elapsed;
        output.WriteLine($"{fault}: {stream.Completed}/{stream.Planned} writes in {wrote.TotalSeconds:0.0} s " +
            $"({stream.Planned / wrote.TotalSeconds:0} per s); fault at {faultAt.TotalSeconds:0.0} s after {Math.Round(stream.Planned * FaultAt)} writes, " +
            $"repaired {(healedAt - faultAt).TotalSeconds:0.0} s later" + (restart > TimeSpan.Zero ? $" (restart to healthy {restart.TotalSeconds:0.0} s)" : ""));
        output.WriteLine($"  writers: {stream.Stats}");
        writeFailure?.Throw();

        using var admin = cluster.Client("diskominfo-admin", instansi);
        var producers = await Producers.ReadAsync(admin);
        var lost = producers.Problems(stream);
        output.WriteLine($"  producers: {producers.Assets.Count} assets, {producers.Contexts.Count} risk contexts, {producers.Risks.Count} risks " +
            $"({(lost.Count == 0 ? "each written record exactly once" : $"{lost.Count} problems")})");
        Assert.True(lost.Count == 0, $"{fault}: the services do not hold exactly what was written:\n{string.Join("\n", lost.Take(30))}");

        var comparison = new FactsComparison(cluster.TestPostgresConnectionString, instansi, admin);
        var converging = Stopwatch.StartNew();
        IReadOnlyList<string> differences;
        while (true)
        {
            differences = await comparison.DifferencesAsync(producers);
            if (differences.Count == 0 || converging.Elapsed > ConvergenceTimeout) break;
            await Task.Delay(250);
        }
        if (differences.Count == 0)
        {
            output.WriteLine($"  facts converged {converging.Elapsed.TotalSeconds:0.0} s after the last write " +
                $"({(clock.Elapsed - healedAt).TotalSeconds:0.0} s after the repair); whole test {clock.Elapsed.TotalSeconds:0.0} s");
            output.WriteLine($"  event stores (all tests so far): {await FactsComparison.SequenceGapsAsync(cluster.TestPostgresConnectionString)}");
            // Last, so the data checks above always run: an outage is answered 502/503/504 or a cut connection, never 500.
            Assert.True(stream.Stats.InternalErrors == 0,
                $"{fault}: {stream.Stats.InternalErrors} answers were 500 Internal Server Error during the fault (expected 502/503/504): {stream.Stats}");
            return;
        }

        var diagnosis = $"{await FactsComparison.ForwarderProgressAsync(cluster.TestPostgresConnectionString)}\nqueues (name ready unacked consumers):\n" +
            $"{await cluster.QueuesAsync()}\n" +
            string.Join("\n", cluster.Services.Select(s => $"{s.Name} log (warnings and errors):\n  " +
                string.Join("\n  ", cluster.Process(s.Name).Problems(12))));
        output.WriteLine($"  facts NOT converged after {ConvergenceTimeout.TotalSeconds:0} s:\n  {string.Join("\n  ", differences)}\n{diagnosis}");
        Assert.Fail($"{fault}: the Indicators service's facts did not converge to the producers' records within " +
            $"{ConvergenceTimeout.TotalSeconds:0} s:\n{string.Join("\n", differences)}\n{diagnosis}");
    }
}
