using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using MassTransit;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace SpbeOps.Messaging;

/// <summary>
/// The only publisher of integration events: a Marten subscription that relays committed events to RabbitMQ in
/// sequence order. The event store is the outbox, so a command never writes twice. Delivery is at least once:
/// progress is committed after the page is published, so a crash re-publishes the page, and consumers dedupe on
/// <c>MessageId</c> = the Marten event id. While the broker is down the page is held and retried, so nothing is
/// skipped and the subscription resumes where it stopped.
/// </summary>
public sealed class BrokerForwarder : SubscriptionBase
{
    public const string SubscriptionName = "broker-forwarder";
    public const string TenantHeader = "spbe-tenant";
    public const string SequenceHeader = "marten-sequence";

    private readonly IBus _bus;
    private readonly Dictionary<Type, IIntegrationEventMapper> _mappers;
    private readonly ILogger<BrokerForwarder> _logger;
    private readonly ResiliencePipeline _publish;

    public BrokerForwarder(IBus bus, IEnumerable<IIntegrationEventMapper> mappers, ILogger<BrokerForwarder> logger)
    {
        _bus = bus;
        _logger = logger;
        _mappers = mappers.SelectMany(m => m.EventTypes.Select(t => (t, m))).ToDictionary(p => p.t, p => p.m);
        Name = SubscriptionName;
        foreach (var type in _mappers.Keys) IncludeType(type);
        Options.BatchSize = 500;

        _publish = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                // Never give up on a page: skipping it would lose facts; the host's stop token ends the wait.
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(200),
                MaxDelay = TimeSpan.FromSeconds(5),
                UseJitter = true,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException || e is TimeoutRejectedException),
                OnRetry = args =>
                {
                    if (args.AttemptNumber % 10 == 0)
                        _logger.LogWarning(args.Outcome.Exception, "Publishing to RabbitMQ failed {Attempts} times; still retrying", args.AttemptNumber + 1);
                    return default;
                },
            })
            .AddTimeout(TimeSpan.FromSeconds(10))
            .Build();
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        foreach (var e in page.Events)
        {
            if (!_mappers.TryGetValue(e.EventType, out var mapper) || mapper.Map(e) is not { } message) continue;

            await _publish.ExecuteAsync(async ct => await _bus.Publish(message, ctx =>
            {
                ctx.MessageId = e.Id;
                ctx.CorrelationId = e.StreamId == Guid.Empty ? null : e.StreamId;
                ctx.Headers.Set(TenantHeader, e.TenantId);
                ctx.Headers.Set(SequenceHeader, e.Sequence);
            }, ct), cancellationToken);
        }
        return NullChangeListener.Instance;
    }
}
