extern alias risk;

using System.Diagnostics.Metrics;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SpbeOps.Messaging;
using KnownAsset = risk::SpbeOps.Risk.Api.Assets.KnownAsset;

namespace SpbeOps.Reliability.Tests.Pipeline;

/// <summary>
/// Issue 7, row 6: a message that failed through an outage stayed in <c>risk-asset-changed_error</c> until a person
/// noticed. Now a transient failure is retried for about a minute before a message is dead-lettered; what is
/// dead-lettered shows in a metric and in <c>/health</c> (Degraded, with the count for the dashboard); and
/// <c>./spbe redrive</c> puts it back. Each test has its own Risk host, so its own queues: messages are sent to
/// that host's queue alone, never to an exchange other tests' hosts are bound to.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class DeadLetterTests(InfrastructureFixture infrastructure)
{
    /// <summary>
    /// A Risk host with the queues of production (durable quorum queues, not the tests' auto-deleted exclusive ones),
    /// so that its error queue can be inspected and re-driven as an operator would; <see cref="CleanUpAsync"/> deletes them.
    /// </summary>
    private ServiceFactory<risk::Program> RiskHost(Dictionary<string, string?>? settings = null)
    {
        settings ??= [];
        settings["Messaging:DeadLetterPollInterval"] = "00:00:01";
        settings["Messaging:TemporaryQueues"] = "false";
        return new ServiceFactory<risk::Program>(infrastructure, settings);
    }

    private async Task CleanUpAsync(ServiceFactory<risk::Program> host, string queue)
    {
        await host.DisposeAsync();
        await PipelineProbes.DeleteQueuesAsync(infrastructure.RabbitMqUri, queue, queue + "_error", queue + "_skipped");
    }

    /// <summary>The consumer queue of Risk's AssetChangedConsumer in this host, from the error queues the host watches.</summary>
    private static string AssetQueue(ServiceFactory<risk::Program> host) =>
        host.Services.GetRequiredService<DeadLetterMonitor>().ErrorQueues.Single(q => q.EndsWith("-asset-changed_error", StringComparison.Ordinal))[..^"_error".Length];

    [Fact]
    public async Task A_poison_message_is_dead_lettered_at_once_and_counted_in_the_metric_and_in_health()
    {
        await using var host = RiskHost();
        var anonymous = host.CreateClient();          // starts the host and its bus
        var queue = AssetQueue(host);
        using var metrics = new DeadLetterMetrics(host.Services.GetRequiredService<IMeterFactory>());
        await PipelineProbes.WaitForCheckAsync(anonymous, DeadLetterHealthCheck.Name, "Healthy", TimeSpan.FromSeconds(30));
        try
        {
            // No MessageId: the duplicate-safe consumer cannot dedupe it and rejects it (ArgumentException, never retried).
            await PipelineProbes.SendEnvelopeAsync(infrastructure.RabbitMqUri, queue, PipelineProbes.AssetChangedEnvelope(Tenants.New(), Guid.NewGuid(), null));

            var check = await PipelineProbes.WaitForCheckAsync(anonymous, DeadLetterHealthCheck.Name, "Degraded", TimeSpan.FromSeconds(20));
            var data = check!.Value.GetProperty("data");
            Assert.Equal(1, data.GetProperty("total").GetInt64());
            Assert.Equal(1, data.GetProperty("queues").GetProperty(queue + "_error").GetInt64());
            Assert.Contains("./spbe redrive " + queue, check.Value.GetProperty("description").GetString());
            var (code, status, _) = await PipelineProbes.HealthAsync(anonymous, DeadLetterHealthCheck.Name);
            Assert.Equal((HttpStatusCode.OK, "Degraded"), (code, status));   // degraded, still ready

            Assert.Equal(1, metrics.DeadLettered(queue + "_error"));
            Assert.Equal(1, metrics.Waiting(queue + "_error"));
        }
        finally
        {
            await CleanUpAsync(host, queue);
        }
    }

    [Fact]
    public async Task A_message_that_fails_while_postgresql_restarts_is_retried_until_it_succeeds_instead_of_dead_lettered()
    {
        var target = new NpgsqlConnectionStringBuilder(infrastructure.PostgresConnectionString);
        await using var proxy = TcpProxy.Start(target.Host!, target.Port);
        var viaProxy = new NpgsqlConnectionStringBuilder(infrastructure.PostgresConnectionString) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 3 };
        await using var host = RiskHost(new() { ["ConnectionStrings:postgres"] = viaProxy.ConnectionString });
        host.CreateClient();
        var queue = AssetQueue(host);
        var (instansi, assetId) = (Tenants.New(), Guid.NewGuid());
        try
        {
            proxy.Cut();
            await PipelineProbes.SendEnvelopeAsync(infrastructure.RabbitMqUri, queue, PipelineProbes.AssetChangedEnvelope(instansi, assetId, Guid.NewGuid()));
            // Longer than the short retries (about 9 s) that used to dead-letter it, well inside the minute of back-off.
            await Task.Delay(TimeSpan.FromSeconds(15));
            proxy.Restore();

            await KnownAssetAsync(host, instansi, assetId, TimeSpan.FromSeconds(60));
            Assert.True((await PipelineProbes.QueueDepthAsync(infrastructure.RabbitMqUri, queue + "_error") ?? 0) == 0,
                "the message was dead-lettered although PostgreSQL came back within the retry window");
        }
        finally
        {
            await CleanUpAsync(host, queue);
        }
    }

    [Fact]
    public async Task A_message_dead_lettered_during_an_outage_is_put_back_by_spbe_redrive_and_consumed()
    {
        var environment = RedriveEnvironment();
        var target = new NpgsqlConnectionStringBuilder(infrastructure.PostgresConnectionString);
        await using var proxy = TcpProxy.Start(target.Host!, target.Port);
        var viaProxy = new NpgsqlConnectionStringBuilder(infrastructure.PostgresConnectionString) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 3 };
        // An outage longer than the retries: 2 s here instead of a minute.
        await using var host = RiskHost(new()
        {
            ["ConnectionStrings:postgres"] = viaProxy.ConnectionString,
            ["Messaging:TransientRetryWindow"] = "00:00:02",
            ["Messaging:TransientRetryMaxInterval"] = "00:00:01",
        });
        var anonymous = host.CreateClient();
        var queue = AssetQueue(host);
        var (instansi, assetId) = (Tenants.New(), Guid.NewGuid());
        try
        {
            proxy.Cut();
            await PipelineProbes.SendEnvelopeAsync(infrastructure.RabbitMqUri, queue, PipelineProbes.AssetChangedEnvelope(instansi, assetId, Guid.NewGuid()));
            var check = await PipelineProbes.WaitForCheckAsync(anonymous, DeadLetterHealthCheck.Name, "Degraded", TimeSpan.FromSeconds(30));
            Assert.Equal(1, check!.Value.GetProperty("data").GetProperty("queues").GetProperty(queue + "_error").GetInt64());
            proxy.Restore();

            var vhost = Uri.UnescapeDataString(new Uri(infrastructure.RabbitMqUri).AbsolutePath.TrimStart('/'));
            var (code, output, errors) = await PipelineProbes.BashAsync($"./spbe redrive --vhost '{vhost}' '{queue}'", environment);
            Assert.True(code == 0, $"./spbe redrive failed ({code}): {errors}\n{output}");
            Assert.Contains($"{queue}_error -> {queue}", output);

            await KnownAssetAsync(host, instansi, assetId, TimeSpan.FromSeconds(30));
            await PipelineProbes.WaitForCheckAsync(anonymous, DeadLetterHealthCheck.Name, "Healthy", TimeSpan.FromSeconds(20));
        }
        finally
        {
            await CleanUpAsync(host, queue);
        }
    }

    [Fact]
    public void Transient_failures_are_retried_for_a_minute_with_growing_intervals()
    {
        var intervals = TransientFailure.Intervals(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(15));
        Assert.InRange(intervals.Aggregate(TimeSpan.Zero, (a, b) => a + b), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(75));
        Assert.Equal(TimeSpan.FromMilliseconds(200), intervals[0]);
        Assert.All(intervals.Zip(intervals.Skip(1)), p => Assert.True(p.Second >= p.First));
        Assert.Equal(TimeSpan.FromSeconds(15), intervals.Max());

        Assert.True(TransientFailure.IsTransient(new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException())));
        Assert.True(TransientFailure.IsTransient(new RabbitMQ.Client.Exceptions.BrokerUnreachableException(new IOException())));
        Assert.False(TransientFailure.IsTransient(new ArgumentException("a bad message")));
    }

    /// <summary>./spbe redrive drives the broker these tests use with rabbitmqctl: it needs ./spbe's environment.</summary>
    private static Dictionary<string, string> RedriveEnvironment()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("SPBE_RABBITMQ_CTL")))
            Assert.Fail("./spbe redrive needs the broker ./spbe started: run the tests with ./spbe test, or after eval \"$(./spbe env)\".");
        return [];
    }

    private static async Task KnownAssetAsync(ServiceFactory<risk::Program> host, string instansi, Guid assetId, TimeSpan timeout)
    {
        var store = host.Services.GetRequiredService<IDocumentStore>();
        await HttpAssertions.Eventually(async () =>
        {
            await using var session = store.QuerySession(instansi);
            return await session.LoadAsync<KnownAsset>(assetId);
        }, timeout, $"Risk to learn asset {assetId} from the message");
    }

    /// <summary>Listens to the SpbeOps.Messaging instruments of one host (its IMeterFactory), as an OpenTelemetry exporter would.</summary>
    private sealed class DeadLetterMetrics : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly Dictionary<(string Instrument, string Queue), long> _values = [];

        public DeadLetterMetrics(IMeterFactory meters)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == DeadLetterMonitor.MeterName && ReferenceEquals(instrument.Meter.Scope, meters))
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                var queue = "";
                foreach (var tag in tags) if (tag.Key == "queue") queue = tag.Value as string ?? "";
                lock (_values)
                {
                    var key = (instrument.Name, queue);
                    _values[key] = instrument is ObservableGauge<long> ? value : _values.GetValueOrDefault(key) + value;
                }
            });
            _listener.Start();
        }

        public long DeadLettered(string queue)
        {
            lock (_values) return _values.GetValueOrDefault(("spbeops.messaging.dead_lettered", queue));
        }

        public long Waiting(string queue)
        {
            _listener.RecordObservableInstruments();
            lock (_values) return _values.GetValueOrDefault(("spbeops.messaging.dead_letter.messages", queue));
        }

        public void Dispose() => _listener.Dispose();
    }
}
