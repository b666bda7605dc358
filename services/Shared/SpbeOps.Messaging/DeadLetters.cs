using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace SpbeOps.Messaging;

/// <summary>
/// Which failures are worth waiting out (issue 7, row 6): PostgreSQL or RabbitMQ unavailable for a while. A consumer
/// retries those for about a minute with exponential back-off before the message is dead-lettered; everything else
/// is a bad message or a bug, and goes to <c>_error</c> after a few quick retries.
/// </summary>
public static class TransientFailure
{
    public static bool IsTransient(Exception? exception)
    {
        if (StoreUnavailable.IsStoreUnavailable(exception)) return true;
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is RabbitMqConnectionException or BrokerUnreachableException or AlreadyClosedException or ConnectFailureException
                or SocketException or TimeoutException)
                return true;
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsTransient)) return true;
        }
        return false;
    }

    /// <summary>Back-off intervals doubling from 200 ms up to <paramref name="max"/>, until they add up to <paramref name="window"/>.</summary>
    public static TimeSpan[] Intervals(TimeSpan window, TimeSpan max)
    {
        var intervals = new List<TimeSpan>();
        var next = TimeSpan.FromMilliseconds(200);
        var total = TimeSpan.Zero;
        while (total < window)
        {
            var interval = next < max ? next : max;
            intervals.Add(interval);
            total += interval;
            next *= 2;
        }
        return [.. intervals];
    }
}

/// <summary>
/// The dead-lettered messages of this service: how many wait in the <c>&lt;queue&gt;_error</c> queue of each of its
/// receive endpoints. Read from RabbitMQ over AMQP (a passive queue declare reports the depth, so no management
/// plug-in is needed) every <see cref="MessagingOptions.DeadLetterPollInterval"/> and on each health probe that finds
/// the last reading stale. Published as the OpenTelemetry gauge <c>spbeops.messaging.dead_letter.messages</c>
/// (tag <c>queue</c>), next to the counter <c>spbeops.messaging.dead_lettered</c> of messages this instance
/// dead-lettered, and as the <c>/health</c> entry <c>dead-letters</c>.
/// </summary>
public sealed class DeadLetterMonitor : BackgroundService
{
    public const string MeterName = "SpbeOps.Messaging";

    private readonly MessagingOptions _options;
    private readonly string _rabbitUri;
    private readonly ILogger<DeadLetterMonitor> _logger;
    private readonly SemaphoreSlim _reading = new(1, 1);
    private IConnection? _connection;

    public DeadLetterMonitor(MessagingOptions options, string rabbitUri, IMeterFactory meters, ILogger<DeadLetterMonitor> logger)
    {
        (_options, _rabbitUri, _logger) = (options, rabbitUri, logger);
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("spbeops.messaging.dead_letter.messages",
            () => Snapshot.Queues.Select(q => new Measurement<long>(q.Value, new KeyValuePair<string, object?>("queue", q.Key))),
            unit: "{message}", description: "Messages waiting in this service's _error queues (dead-lettered), per queue");
        DeadLettered = meter.CreateCounter<long>("spbeops.messaging.dead_lettered", unit: "{message}",
            description: "Messages this instance moved to an _error queue after its retries");
    }

    internal Counter<long> DeadLettered { get; }

    /// <summary>The last reading.</summary>
    public DeadLetterSnapshot Snapshot { get; private set; } = DeadLetterSnapshot.None;

    /// <summary>
    /// The error queues of this service's shared receive endpoints. Not those of the per-instance endpoints: they are
    /// auto-deleted with the instance, and what they dead-letter dies with it.
    /// </summary>
    public IReadOnlyList<string> ErrorQueues =>
        [.. _options.ReceiveEndpoints.Keys.Where(q => !_options.InstanceEndpoints.Contains(q)).Order().Select(q => q + "_error")];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.DeadLetterPollInterval);
        try
        {
            do
            {
                await RefreshAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // host stopping
        }
    }

    /// <summary>Reads the depth of every error queue now.</summary>
    public async Task<DeadLetterSnapshot> RefreshAsync(CancellationToken ct)
    {
        await _reading.WaitAsync(ct);
        try
        {
            var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
            try
            {
                _connection ??= await new ConnectionFactory
                {
                    Uri = new Uri(_rabbitUri),
                    ClientProvidedName = $"{_options.EndpointPrefix} dead-letter monitor",
                    AutomaticRecoveryEnabled = false,
                    RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
                }.CreateConnectionAsync(ct);
                IChannel? channel = null;
                try
                {
                    foreach (var queue in ErrorQueues)
                    {
                        channel ??= await _connection.CreateChannelAsync(cancellationToken: ct);
                        try
                        {
                            var declared = await channel.QueueDeclarePassiveAsync(queue, ct);
                            if (declared.MessageCount > 0) counts[queue] = declared.MessageCount;
                        }
                        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode is 404 or 405)
                        {
                            // 404: no such queue, nothing was ever dead-lettered there. 405: an exclusive queue of a
                            // temporary endpoint (tests), which only its owner's connection may inspect. Either way the
                            // broker closed the channel.
                            channel.Dispose();
                            channel = null;
                        }
                    }
                }
                finally
                {
                    if (channel is { IsOpen: true }) await channel.CloseAsync(ct);
                    channel?.Dispose();
                }
                Snapshot = new DeadLetterSnapshot(counts, DateTimeOffset.UtcNow, null);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                _logger.LogDebug(e, "Reading the dead-letter queues failed");
                var broken = _connection;
                _connection = null;
                if (broken is not null) await DisposeQuietly(broken);
                Snapshot = Snapshot with { Error = e.GetBaseException().Message, ReadAt = DateTimeOffset.UtcNow };
            }
            if (Snapshot.Total > 0)
                _logger.LogWarning("{Total} dead-lettered messages wait: {Queues}. Re-drive them after fixing the cause: ./spbe redrive",
                    Snapshot.Total, string.Join(", ", Snapshot.Queues.Select(q => $"{q.Key} ({q.Value})")));
            return Snapshot;
        }
        finally
        {
            _reading.Release();
        }
    }

    private static async Task DisposeQuietly(IConnection connection)
    {
        try
        {
            await connection.DisposeAsync();
        }
        catch (Exception)
        {
            // already broken
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _connection?.Dispose();
        _reading.Dispose();
    }
}

/// <summary>The depth of each non-empty error queue, when it was read, and why the last read failed, if it did.</summary>
public sealed record DeadLetterSnapshot(IReadOnlyDictionary<string, long> Queues, DateTimeOffset? ReadAt, string? Error)
{
    public static readonly DeadLetterSnapshot None = new(new Dictionary<string, long>(), null, null);

    public long Total => Queues.Values.Sum();
}

/// <summary>Counts the messages this instance dead-letters: MassTransit reports a consume fault once, after the retries.</summary>
internal sealed class DeadLetterObserver(DeadLetterMonitor monitor) : IReceiveObserver
{
    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception) where T : class
    {
        monitor.DeadLettered.Add(1,
            new KeyValuePair<string, object?>("queue", context.ReceiveContext.InputAddress.AbsolutePath.Split('/').Last() + "_error"),
            new KeyValuePair<string, object?>("message_type", typeof(T).Name));
        return Task.CompletedTask;
    }

    public Task ReceiveFault(ReceiveContext context, Exception exception) => Task.CompletedTask;
}

/// <summary>
/// <c>/health</c> entry <c>dead-letters</c>: Degraded while any error queue of this service holds messages, with
/// <c>data.total</c> and <c>data.queues</c> (queue name → messages) for the dashboard.
/// </summary>
public sealed class DeadLetterHealthCheck(DeadLetterMonitor monitor, MessagingOptions options) : IHealthCheck
{
    public const string Name = "dead-letters";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var snapshot = monitor.Snapshot;
        if (snapshot.ReadAt is null || DateTimeOffset.UtcNow - snapshot.ReadAt > options.DeadLetterPollInterval * 2)
            snapshot = await monitor.RefreshAsync(ct);

        var data = new Dictionary<string, object>
        {
            ["total"] = snapshot.Total,
            ["queues"] = snapshot.Queues,
        };
        if (snapshot.ReadAt is { } at) data["readAt"] = at;
        if (snapshot.Error is { } error)
        {
            data["error"] = error;
            return HealthCheckResult.Degraded($"Antrean _error tidak terbaca / cannot read the _error queues: {error}", data: data);
        }
        if (snapshot.Total == 0)
            return HealthCheckResult.Healthy("Tidak ada pesan gagal / no dead-lettered messages", data);
        return HealthCheckResult.Degraded(
            $"{snapshot.Total} pesan gagal menunggu / dead-lettered messages wait: " +
            string.Join(", ", snapshot.Queues.Select(q => $"{q.Key} ({q.Value})")) +
            ". Setelah penyebabnya diperbaiki / after fixing the cause: ./spbe redrive " +
            string.Join(" ", snapshot.Queues.Keys.Select(q => q[..^"_error".Length])), data: data);
    }
}
