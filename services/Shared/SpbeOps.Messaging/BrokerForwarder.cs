using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten.Subscriptions;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using SpbeOps.Records;

namespace SpbeOps.Messaging;

/// <summary>
/// The only publisher of integration events: a Marten subscription that relays committed events to RabbitMQ page by
/// page, in sequence order between pages. Within a page every publish is started at once and the broker's confirms
/// are awaited together (issue 8: one confirm at a time capped it near 200 messages/s), so two messages of one page
/// may reach a queue in either order; consumers are order-tolerant (they keep the highest <c>Version</c>, decision 4).
/// The event store is the outbox, so a command never writes twice. Delivery is at least once:
/// progress is committed after the page is published, so a crash re-publishes the page, and consumers dedupe on
/// <c>MessageId</c> = the Marten event id. While the broker is down the page is held and retried, so nothing is
/// skipped and the subscription resumes where it stopped.
/// <para>
/// Two kinds of event are published. A record's events (<see cref="RecordEvent"/>) carry only what changed, so the
/// record's state is read from its document, once per record and page: the last event of each record's stream in the
/// page is published with the record as it is now (versioned; consumers keep the latest version, so a state that
/// already moved on is harmless). Other events are mapped one by one by an <see cref="IIntegrationEventMapper"/>.
/// </para>
/// </summary>
public sealed class BrokerForwarder : SubscriptionBase
{
    public const string SubscriptionName = "broker-forwarder";
    public const string TenantHeader = "spbe-tenant";
    public const string SequenceHeader = "marten-sequence";

    private readonly IBus _bus;
    private readonly IServiceProvider _services;
    private readonly Dictionary<Type, IIntegrationEventMapper> _mappers;
    private readonly Dictionary<Type, RecordRegistration> _records;
    private readonly ILogger<BrokerForwarder> _logger;
    private readonly ResiliencePipeline _publish;

    public BrokerForwarder(
        IBus bus, IServiceProvider services, IEnumerable<IIntegrationEventMapper> mappers, IEnumerable<RecordRegistration> records,
        ILogger<BrokerForwarder> logger)
    {
        _bus = bus;
        _services = services;
        _logger = logger;
        _mappers = mappers.SelectMany(m => m.EventTypes.Select(t => (t, m))).ToDictionary(p => p.t, p => p.m);
        _records = records.Where(r => typeof(IPublishedRecord).IsAssignableFrom(r.RecordType))
            .SelectMany(r => r.EventTypes.Select(t => (t, r))).ToDictionary(p => p.t, p => p.r);
        Name = SubscriptionName;
        foreach (var type in _mappers.Keys.Concat(_records.Keys)) IncludeType(type);
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
            // Per attempt, for a whole page (up to BatchSize messages).
            .AddTimeout(TimeSpan.FromSeconds(30))
            .Build();
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var states = await LoadRecordsAsync(page.Events, cancellationToken);
        var messages = new List<(IEvent Event, object Message)>(page.Events.Count);
        foreach (var e in page.Events)
        {
            var message = _mappers.TryGetValue(e.EventType, out var mapper) ? mapper.Map(e)
                : states.TryGetValue(e.Id, out var record) ? record.ToIntegrationEvent(e.TenantId)
                : null;
            if (message is not null) messages.Add((e, message));
        }
        if (messages.Count == 0) return NullChangeListener.Instance;

        // The whole page at once: every publish is started, then their confirms are awaited together, so a page costs
        // about one broker round trip instead of one per message. A failure (or the timeout) re-publishes the whole page
        // (same MessageIds: consumers drop the copies); progress is committed by Marten only after this returns.
        await _publish.ExecuteAsync(async ct =>
        {
            var publishes = new Task[messages.Count];
            for (var i = 0; i < messages.Count; i++)
            {
                var (e, message) = messages[i];
                publishes[i] = _bus.Publish(message, ctx =>
                {
                    ctx.MessageId = e.Id;
                    ctx.CorrelationId = e.StreamId == Guid.Empty ? null : e.StreamId;
                    ctx.Headers.Set(TenantHeader, e.TenantId);
                    ctx.Headers.Set(SequenceHeader, e.Sequence);
                }, ct);
            }
            await Task.WhenAll(publishes);
        }, cancellationToken);
        return NullChangeListener.Instance;
    }

    /// <summary>The current state of every record changed in the page, keyed by the last event of its stream there.</summary>
    private async Task<Dictionary<Guid, IPublishedRecord>> LoadRecordsAsync(IReadOnlyList<IEvent> events, CancellationToken ct)
    {
        var states = new Dictionary<Guid, IPublishedRecord>();
        var lastOfStream = events.Where(e => _records.ContainsKey(e.EventType))
            .GroupBy(e => (e.TenantId, e.StreamId)).Select(g => g.MaxBy(e => e.Sequence)!).ToList();
        if (lastOfStream.Count == 0) return states;
        // Resolved here, not in the constructor: the store is built with this subscription in it.
        var store = _services.GetRequiredService<IDocumentStore>();
        foreach (var tenant in lastOfStream.GroupBy(e => e.TenantId))
        {
            await using var session = store.QuerySession(tenant.Key);
            foreach (var ofType in tenant.GroupBy(e => _records[e.EventType]))
            {
                var loaded = (await ofType.Key.LoadMany(session, ofType.Select(e => e.StreamId).ToArray(), ct)).ToDictionary(r => r.Id);
                foreach (var e in ofType)
                    if (loaded.TryGetValue(e.StreamId, out var record)) states[e.Id] = (IPublishedRecord)record;
            }
        }
        return states;
    }
}
