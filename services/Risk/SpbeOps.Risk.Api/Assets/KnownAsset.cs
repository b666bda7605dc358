using Marten;
using MassTransit;
using SpbeOps.Contracts.Assets;
using SpbeOps.Messaging;

namespace SpbeOps.Risk.Api.Assets;

/// <summary>
/// What this service knows of an asset or application of the Assets service, learned from its events (never from
/// its tables): enough for a risk to reference it by id and for the API to reject ids that do not exist.
/// </summary>
public sealed class KnownAsset
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string Opd { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Name { get; set; } = "";
    public string Stage { get; set; } = "";
    public string? ApplicationType { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>
/// Keeps <see cref="KnownAsset"/> current. Idempotent and order-tolerant: a redelivered message is recognised by
/// its MessageId (<see cref="ProcessedMessage"/>, written in the same transaction), and an older version never
/// overwrites a newer one. The endpoint takes one message at a time (see Extensions), so two versions of one asset
/// are never compared at once; a first fact inserted concurrently by another replica fails the insert and is retried.
/// </summary>
public sealed class AssetChangedConsumer(IDocumentStore store) : IConsumer<AssetChangedIntegrationEvent>
{
    public async Task Consume(ConsumeContext<AssetChangedIntegrationEvent> context)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        await using var session = store.LightweightSession(m.Instansi);
        var key = ProcessedMessage.KeyFor(nameof(AssetChangedConsumer), context.MessageId);
        if (await session.LoadAsync<ProcessedMessage>(key, ct) is not null) return;
        session.Insert(new ProcessedMessage { Id = key, ProcessedAt = DateTimeOffset.UtcNow });

        var known = await session.LoadAsync<KnownAsset>(m.AssetId, ct);
        var fact = new KnownAsset
        {
            Id = m.AssetId, Version = m.Version, Opd = m.Opd, Kind = m.Kind, Name = m.Name, Stage = m.Stage,
            ApplicationType = m.ApplicationType, ChangedAt = m.OccurredAt,
        };
        if (known is null) session.Insert(fact);           // a concurrent first fact makes this fail: retried, then compared
        else if (known.Version < m.Version) session.Store(fact);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (JasperFx.DocumentAlreadyExistsException e) when (e.DocType == typeof(ProcessedMessage))
        {
            // A concurrent delivery of the same message got there first: already handled.
        }
    }
}
