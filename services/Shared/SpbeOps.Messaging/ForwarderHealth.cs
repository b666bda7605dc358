using JasperFx;
using JasperFx.Events.Daemon;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using IProjectionCoordinator = Marten.Events.Daemon.Coordination.IProjectionCoordinator;

namespace SpbeOps.Messaging;

/// <summary>Settings of section <c>Messaging:Forwarder</c>: how the broker forwarder is watched and restarted.</summary>
public sealed class ForwarderOptions
{
    /// <summary>How often the watchdog looks at the forwarder's agent.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Wait before the first restart of a stopped forwarder; doubled on each failed restart.</summary>
    public TimeSpan FirstRestartDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two restarts.</summary>
    public TimeSpan MaxRestartDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A restart that keeps the agent running this long counts as a recovery: the back-off starts over.</summary>
    public TimeSpan StableAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A paused agent is restarted by Marten's coordinator after about 5 s; one paused for longer than this is
    /// treated like a stopped one.
    /// </summary>
    public TimeSpan PausedTooLong { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary><c>/health</c> reports Unhealthy once this node's forwarder has not been running for this long.</summary>
    public TimeSpan StoppedGrace { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary><c>/health</c> reports Degraded when the oldest event not yet published is older than this.</summary>
    public TimeSpan DegradedAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary><c>/health</c> reports Unhealthy when the oldest event not yet published is older than this.</summary>
    public TimeSpan UnhealthyAfter { get; set; } = TimeSpan.FromSeconds(60);
}

/// <summary>What the watchdog last saw of this node's forwarder agent; read by the health check.</summary>
public sealed class ForwarderState
{
    private readonly Lock _lock = new();

    /// <summary><c>running</c>, <c>stopped</c>, <c>paused</c>, or <c>elsewhere</c> (not run by this node: another node leads, or starting).</summary>
    public string Agent { get; private set; } = "elsewhere";

    /// <summary>Since when the agent is not running on this node although it was (null while running or elsewhere).</summary>
    public DateTimeOffset? DownSince { get; private set; }

    public string? LastFailure { get; private set; }

    public int Restarts { get; private set; }

    internal void Observe(string agent, DateTimeOffset now, string? failure)
    {
        lock (_lock)
        {
            if (agent is "running" or "elsewhere") DownSince = null;
            else DownSince ??= now;
            if (failure is not null) LastFailure = failure;
            Agent = agent;
        }
    }

    internal void Restarted()
    {
        lock (_lock) Restarts++;
    }
}

/// <summary>
/// Keeps the broker forwarder running (issue 7, row 4). Marten restarts a subscription it merely <em>paused</em> after
/// an error, but one it <em>stopped</em> stays stopped until the process restarts: it stops the subscription when
/// the progression row in PostgreSQL disagrees with what the agent committed
/// (<c>ProgressionProgressOutOfOrderException</c>), which a PostgreSQL crash can cause (a commit lost, or a commit
/// whose answer was lost). Nothing is lost by restarting: the agent reads its progress from PostgreSQL again and
/// re-publishes from there (at least once; consumers dedupe on <c>MessageId</c>). So the watchdog hands a stopped
/// (or too long paused) forwarder back to Marten's coordinator, which starts it again where this node holds the
/// subscription's lock, with exponential back-off between attempts.
/// </summary>
public sealed class ForwarderWatchdog(
    IProjectionCoordinator coordinator, ForwarderOptions options, ForwarderState state, ILogger<ForwarderWatchdog> logger)
    : BackgroundService
{
    // Wall-clock time, not the application's TimeProvider (tests move that one; back-off must not jump with it).
    private static readonly TimeProvider Clock = TimeProvider.System;

    private int _attempt;
    private DateTimeOffset? _nextRestart;
    private DateTimeOffset? _runningSince;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.CheckInterval, Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    Check();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Checking the broker forwarder failed; trying again");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // host stopping
        }
    }

    /// <summary>One look at the agent: note its state, and restart it when it is stopped and its back-off has passed.</summary>
    public void Check()
    {
        var now = Clock.GetUtcNow();
        var daemon = coordinator.DaemonForMainDatabase();
        var agent = daemon.CurrentAgents().FirstOrDefault(a => a.Name.Name == BrokerForwarder.SubscriptionName);
        if (agent is null)
        {
            state.Observe("elsewhere", now, null);
            _nextRestart = null;
            return;
        }

        var failure = agent.Failure is { } f ? $"{f.ExceptionType}: {f.Message}" : null;
        switch (agent.Status)
        {
            case AgentStatus.Running:
                state.Observe("running", now, null);
                _nextRestart = null;
                _runningSince ??= now;
                if (_attempt > 0 && now - _runningSince >= options.StableAfter) _attempt = 0;
                return;
            case AgentStatus.Paused when agent.PausedTime is { } paused && now - paused < options.PausedTooLong:
                // Marten's coordinator restarts a paused agent itself (after DaemonSettings.HealthCheckPollingTime).
                state.Observe("paused", now, failure);
                _runningSince = null;
                return;
        }

        state.Observe(agent.Status == AgentStatus.Paused ? "paused" : "stopped", now, failure);
        _runningSince = null;
        if (_nextRestart is null)
        {
            _nextRestart = now + Delay(_attempt);
            logger.LogError("The broker forwarder ({Shard}) is {Status}: {Failure}. Restarting it in {Delay:0.#} s (attempt {Attempt}); " +
                            "events wait in PostgreSQL meanwhile", agent.Name.Identity, agent.Status, failure ?? "no failure recorded",
                (_nextRestart.Value - now).TotalSeconds, _attempt + 1);
            return;
        }
        if (now < _nextRestart) return;

        // Removing the stopped agent lets the coordinator start a fresh one on its next pass, if (and only if) this
        // node still holds the subscription's lock; the new agent resumes from the progression stored in PostgreSQL.
        daemon.EjectPausedShard(agent.Name.Identity);
        state.Restarted();
        _attempt++;
        _nextRestart = null;
        logger.LogWarning("Handed the stopped broker forwarder ({Shard}) back to the projection coordinator to restart (attempt {Attempt})",
            agent.Name.Identity, _attempt);
    }

    private TimeSpan Delay(int attempt)
    {
        var delay = options.FirstRestartDelay * Math.Pow(2, Math.Min(attempt, 16));
        return delay < options.MaxRestartDelay ? delay : options.MaxRestartDelay;
    }
}

/// <summary>
/// <c>/health</c> entry <c>broker-forwarder</c> (tagged ready): compares the forwarder's progression with the events
/// committed in PostgreSQL. Unhealthy while this node's forwarder is stopped, or while the oldest event it has not
/// published yet is older than <see cref="ForwarderOptions.UnhealthyAfter"/> (stopped on another node, held by a
/// sequence gap, RabbitMQ down, or far behind); Degraded after <see cref="ForwarderOptions.DegradedAfter"/>.
/// Comparing with the committed events, not only with Marten's high-water mark, also catches a high-water mark that
/// is stuck.
/// </summary>
public sealed class ForwarderHealthCheck(IDocumentStore store, ForwarderOptions options, ForwarderState state, string connectionString)
    : IHealthCheck
{
    public const string Name = "broker-forwarder";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        var shard = $"{BrokerForwarder.SubscriptionName}:All";
        ForwarderLag lag;
        try
        {
            lag = await ForwarderLag.ReadAsync(connectionString, schema, shard, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"Kemajuan forwarder tidak terbaca / cannot read the forwarder's progress: {e.GetBaseException().Message}");
        }

        var data = new Dictionary<string, object>
        {
            ["agent"] = state.Agent,
            ["progress"] = lag.Progress,
            ["highWaterMark"] = lag.HighWaterMark,
            ["lastEvent"] = lag.LastEvent,
            ["pendingEvents"] = lag.Pending,
            ["oldestPendingSeconds"] = Math.Round(lag.OldestPendingAge.TotalSeconds, 1),
            ["restarts"] = state.Restarts,
        };
        if (state.LastFailure is { } failure) data["lastFailure"] = failure;

        var behind = $"{lag.Pending} event belum diteruskan, tertua {lag.OldestPendingAge.TotalSeconds:0} detik / {lag.Pending} events not " +
                     $"forwarded yet, the oldest for {lag.OldestPendingAge.TotalSeconds:0} s (progress {lag.Progress}, last event {lag.LastEvent})";
        if (state.DownSince is { } down && DateTimeOffset.UtcNow - down >= options.StoppedGrace)
            return HealthCheckResult.Unhealthy($"Forwarder {state.Agent} sejak / since {down:O}; {behind}", data: data);
        if (lag.Pending > 0 && lag.OldestPendingAge >= options.UnhealthyAfter)
            return HealthCheckResult.Unhealthy(behind, data: data);
        if (lag.Pending > 0 && lag.OldestPendingAge >= options.DegradedAfter)
            return HealthCheckResult.Degraded(behind, data: data);
        return HealthCheckResult.Healthy($"progress {lag.Progress}, last event {lag.LastEvent}", data);
    }
}

/// <summary>How far the forwarder is behind the event store, read from PostgreSQL in one round trip.</summary>
public sealed record ForwarderLag(long Progress, long HighWaterMark, long LastEvent, long Pending, TimeSpan OldestPendingAge)
{
    public static async Task<ForwarderLag> ReadAsync(string connectionString, string schema, string shard, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 5, CommandTimeout = 5 };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        var s = $"\"{schema.Replace("\"", "\"\"")}\"";
        // The forwarder's progression row appears with its first page; before that it starts from 0.
        await using var command = new NpgsqlCommand(
            $"""
            WITH p AS (SELECT coalesce((SELECT last_seq_id FROM {s}.mt_event_progression WHERE name = @shard), 0) AS progress)
            SELECT p.progress,
                   coalesce((SELECT last_seq_id FROM {s}.mt_event_progression WHERE name = 'HighWaterMark'), 0),
                   coalesce((SELECT max(seq_id) FROM {s}.mt_events), 0),
                   (SELECT count(*) FROM {s}.mt_events e WHERE e.seq_id > p.progress),
                   coalesce(extract(epoch FROM now() - (SELECT e.timestamp FROM {s}.mt_events e WHERE e.seq_id > p.progress ORDER BY e.seq_id LIMIT 1)), 0)
            FROM p
            """, connection);
        command.Parameters.AddWithValue("shard", shard);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new ForwarderLag(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3),
            TimeSpan.FromSeconds(Math.Max(0, Convert.ToDouble(reader.GetValue(4), System.Globalization.CultureInfo.InvariantCulture))));
    }
}
