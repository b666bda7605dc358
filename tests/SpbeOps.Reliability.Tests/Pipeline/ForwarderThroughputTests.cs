using System.Diagnostics;
using JasperFx.Events;
using JasperFx.Events.Projections;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using RabbitMQ.Client;
using SpbeOps.Messaging;
using Xunit.Abstractions;

namespace SpbeOps.Reliability.Tests.Pipeline;

/// <summary>
/// Issue 8, the forwarder row: a page of a few hundred events is published as one page (every publish started, the
/// confirms awaited together), each with <c>MessageId</c> = the event id and the tenant and sequence headers. The
/// rate is printed, not asserted (the box is shared): ~125–205 messages/s when each publish waited for its confirm.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class ForwarderThroughputTests(InfrastructureFixture infrastructure, ITestOutputHelper output)
{
    private const int PageSize = 400;

    [Fact]
    public async Task A_page_of_a_few_hundred_events_is_published_with_ids_and_headers()
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(new Uri(infrastructure.RabbitMqUri));
            // The exchanges of this test project, as every host it starts uses (Messaging:ExchangePrefix).
            cfg.MessageTopology.SetEntityNameFormatter(new PrefixEntityNameFormatter(cfg.MessageTopology.EntityNameFormatter, InfrastructureFixture.ExchangePrefix));
        });
        await bus.StartAsync(TimeSpan.FromSeconds(30));
        try
        {
            await using var probe = await BrokerProbe.StartAsync<ForwarderThroughputProbed>(infrastructure.RabbitMqUri);
            // A durable quorum queue bound as a consumer's would be: the broker confirms a publish only once the queue
            // has it on disk, which is what made one-confirm-at-a-time slow in the running suite.
            await DeclareQuorumQueueAsync(QuorumQueue);
            var forwarder = new BrokerForwarder(bus, new ServiceCollection().BuildServiceProvider(), [new ProbeMapper()], [],
                NullLogger<BrokerForwarder>.Instance);
            var tenant = Tenants.New();

            // Warm-up: connection, channel and exchange exist before the clock starts.
            await forwarder.ProcessEventsAsync(Page(tenant, 1, 1, out _), null!, null!, CancellationToken.None);
            await probe.WaitFor(_ => true, TimeSpan.FromSeconds(30));

            var page = Page(tenant, 1_000, PageSize, out var ids);
            var clock = Stopwatch.StartNew();
            await forwarder.ProcessEventsAsync(page, null!, null!, CancellationToken.None);
            var confirmed = clock.Elapsed;

            var seen = new HashSet<int>();
            var last = await probe.WaitFor(m => seen.Add(m.GetProperty("n").GetInt32()) && seen.Count == PageSize, TimeSpan.FromSeconds(60));
            var delivered = clock.Elapsed;
            output.WriteLine($"forwarder: {PageSize} events published and confirmed in {confirmed.TotalMilliseconds:0} ms " +
                $"({PageSize / confirmed.TotalSeconds:0} messages/s); all received after {delivered.TotalMilliseconds:0} ms");
            Console.WriteLine($"[issue 8] forwarder page of {PageSize}: {PageSize / confirmed.TotalSeconds:0} messages/s published+confirmed " +
                $"({confirmed.TotalMilliseconds:0} ms), {PageSize / delivered.TotalSeconds:0} messages/s delivered");

            var n = last.GetProperty("message").GetProperty("n").GetInt32();
            Assert.Equal(ids[n - 1_000].ToString(), last.GetProperty("messageId").GetString());
            var headers = last.GetProperty("headers");
            Assert.Equal(tenant, headers.GetProperty(BrokerForwarder.TenantHeader).GetString());
            Assert.Equal(n, headers.GetProperty(BrokerForwarder.SequenceHeader).GetInt64());
        }
        finally
        {
            await bus.StopAsync(TimeSpan.FromSeconds(10));
            await PipelineProbes.DeleteQueuesAsync(infrastructure.RabbitMqUri, QuorumQueue);
        }
    }

    private readonly string QuorumQueue = $"forwarder-throughput-{Guid.NewGuid():N}"[..32];

    private async Task DeclareQuorumQueueAsync(string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(infrastructure.RabbitMqUri) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" });
        await channel.QueueBindAsync(queue, BrokerProbe.ExchangeFor<ForwarderThroughputProbed>(), "");
    }

    /// <summary>A page of <paramref name="count"/> probe events from sequence <paramref name="first"/>.</summary>
    private static EventRange Page(string tenant, int first, int count, out Guid[] ids)
    {
        var events = new List<IEvent>(count);
        ids = new Guid[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = Guid.NewGuid();
            events.Add(new JasperFx.Events.Event<ForwarderThroughputEvent>(new ForwarderThroughputEvent(first + i))
            {
                Id = ids[i], Sequence = first + i, TenantId = tenant, StreamId = Guid.NewGuid(), Version = 1,
            });
        }
        return new EventRange(new ShardName(BrokerForwarder.SubscriptionName), first - 1, first + count - 1, null!) { Events = events };
    }

    private sealed class ProbeMapper : IIntegrationEventMapper
    {
        public IReadOnlyCollection<Type> EventTypes { get; } = [typeof(ForwarderThroughputEvent)];

        public object? Map(IEvent e) => new ForwarderThroughputProbed(((ForwarderThroughputEvent)e.Data).N, e.TenantId);
    }
}

public sealed record ForwarderThroughputEvent(int N);

public sealed record ForwarderThroughputProbed(int N, string Instansi);
