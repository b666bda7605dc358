using MassTransit;
using SpbeOps.Contracts.Assets;

namespace SpbeOps.ServiceManagement.Api.Assets;

/// <summary>
/// What this service knows of an asset or application of the Assets service, learned from its events (never from
/// its tables): enough for a service or a ticket to reference it by id and for the API to reject ids that do not exist.
/// </summary>
public sealed class KnownAsset : ILearnedRecord
{
    public Guid Id { get; set; }
    public long Version { get; set; }

    /// <summary>The asset as its latest integration event told it.</summary>
    public required AssetChangedIntegrationEvent Asset { get; set; }

    public static KnownAsset From(AssetChangedIntegrationEvent m) => new() { Id = m.AssetId, Version = m.Version, Asset = m };
}

/// <summary>
/// Keeps <see cref="KnownAsset"/> current, duplicate-safe and order-tolerant (docs/architecture.md decision 15), in
/// batches per instansi: every asset write reaches this consumer, so one transaction per message would make it the
/// pipeline's slowest hop under load (issue 8).
/// </summary>
public sealed class AssetChangedConsumer(LearnedRecordBatches<KnownAsset> knownAssets) : IConsumer<AssetChangedIntegrationEvent>
{
    public Task Consume(ConsumeContext<AssetChangedIntegrationEvent> context) =>
        knownAssets.KeepLatestAsync(context, context.Message.Instansi, KnownAsset.From(context.Message));
}
