using System.Collections.Concurrent;
using System.Threading.Channels;
using MassTransit;
using SpbeOps.Contracts.Maturity;

namespace SpbeOps.Indicators.Api.Live;

/// <summary>Hands each level change to the dashboards connected to this instance, per instansi.</summary>
public sealed class LevelChangeBroadcaster
{
    private readonly ConcurrentDictionary<Guid, Subscription> _subscriptions = new();

    public Subscription Subscribe(string instansi, string? onlyOpd)
    {
        var subscription = new Subscription(this, instansi, onlyOpd);
        _subscriptions[subscription.Id] = subscription;
        return subscription;
    }

    public int Subscribers => _subscriptions.Count;

    public void Publish(IndicatorLevelChangedIntegrationEvent change)
    {
        foreach (var s in _subscriptions.Values)
        {
            // An OPD operator's dashboard shows the instansi and its own OPD, never another OPD's levels.
            if (s.Instansi == change.Instansi && (s.OnlyOpd is null || change.Opd is null || s.OnlyOpd == change.Opd))
                s.Channel.Writer.TryWrite(change);
        }
    }

    public sealed class Subscription(LevelChangeBroadcaster owner, string instansi, string? onlyOpd) : IDisposable
    {
        public Guid Id { get; } = Guid.NewGuid();
        public string Instansi => instansi;
        public string? OnlyOpd => onlyOpd;

        // A slow client drops its oldest updates rather than holding memory for ever.
        internal Channel<IndicatorLevelChangedIntegrationEvent> Channel { get; } =
            System.Threading.Channels.Channel.CreateBounded<IndicatorLevelChangedIntegrationEvent>(
                new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });

        public ChannelReader<IndicatorLevelChangedIntegrationEvent> Reader => Channel.Reader;

        public void Dispose() => owner._subscriptions.TryRemove(Id, out _);
    }
}

/// <summary>
/// Every instance receives every level change (an instance queue), for the clients connected to it. Delivery is at
/// least once (the forwarder republishes a page after a failure), so a message id already pushed is not pushed again:
/// a dashboard shows each level change once.
/// </summary>
public sealed class LevelChangedConsumer(LevelChangeBroadcaster broadcaster, RecentMessages recent) : IConsumer<IndicatorLevelChangedIntegrationEvent>
{
    public Task Consume(ConsumeContext<IndicatorLevelChangedIntegrationEvent> context)
    {
        if (context.MessageId is not { } id || recent.FirstTime(id)) broadcaster.Publish(context.Message);
        return Task.CompletedTask;
    }
}

/// <summary>The last few thousand message ids this instance pushed: redeliveries come within seconds.</summary>
public sealed class RecentMessages
{
    private const int Capacity = 4096;
    private readonly HashSet<Guid> _seen = [];
    private readonly Queue<Guid> _order = new();
    private readonly Lock _gate = new();

    public bool FirstTime(Guid id)
    {
        lock (_gate)
        {
            if (!_seen.Add(id)) return false;
            _order.Enqueue(id);
            if (_order.Count > Capacity) _seen.Remove(_order.Dequeue());
            return true;
        }
    }
}

/// <summary>
/// The level changes this instance has just committed, pushed to its own dashboards at once instead of after the
/// round trip through its forwarder and the broker (issue 8: two hops fewer between a write and the stream). The
/// broker copy, which every instance still receives, carries the same message id (the forwarder uses the Marten event
/// id), so <see cref="RecentMessages"/> drops it here and the dashboard shows the change once.
/// </summary>
public sealed class CommittedLevelChanges(LevelChangeBroadcaster broadcaster, RecentMessages recent)
{
    /// <summary>The level changes about to be committed by <paramref name="session"/>: read them before SaveChanges, push them after.</summary>
    public static IReadOnlyList<JasperFx.Events.IEvent> Pending(IDocumentSession session) =>
        [.. session.PendingChanges.Streams().SelectMany(s => s.Events).Where(e => e.Data is IndicatorLevelChanged)];

    public void Push(string instansi, IReadOnlyList<JasperFx.Events.IEvent> committed)
    {
        foreach (var e in committed)
        {
            if (e.Data is not IndicatorLevelChanged c || e.Id == Guid.Empty || !recent.FirstTime(e.Id)) continue;
            broadcaster.Publish(new IndicatorLevelChangedIntegrationEvent(instansi, c.Indicator, c.Opd, c.PreviousLevel, c.Level, c.Source, c.ChangedAt));
        }
    }
}
