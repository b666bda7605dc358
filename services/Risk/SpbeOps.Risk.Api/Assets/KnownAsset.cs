using SpbeOps.Contracts.Assets;

namespace SpbeOps.Risk.Api.Assets;

/// <summary>
/// What this service knows of an asset or application of the Assets service, learned from its events (never from
/// its tables): enough for a risk to reference it by id and for the API to reject ids that do not exist.
/// </summary>
public sealed class KnownAsset : ILearnedRecord
{
    public Guid Id { get; set; }
    public long Version { get; set; }

    /// <summary>The asset as its latest integration event told it.</summary>
    public required AssetChangedIntegrationEvent Asset { get; set; }

    public static KnownAsset From(AssetChangedIntegrationEvent m) => new() { Id = m.AssetId, Version = m.Version, Asset = m };
}
