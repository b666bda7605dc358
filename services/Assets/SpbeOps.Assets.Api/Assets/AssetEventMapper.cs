using JasperFx.Events;
using SpbeOps.Contracts.Assets;
using SpbeOps.Messaging;

namespace SpbeOps.Assets.Api.Assets;

internal sealed class AssetEventMapper : IIntegrationEventMapper
{
    public IReadOnlyCollection<Type> EventTypes { get; } = [typeof(AssetRegistered), typeof(AssetDetailsUpdated), typeof(AssetTransitioned)];

    public object? Map(IEvent e) => e.Data switch
    {
        AssetRegistered r => ToContract(e.TenantId, r.Asset, r.At),
        AssetDetailsUpdated u => ToContract(e.TenantId, u.Asset, u.At),
        AssetTransitioned t => ToContract(e.TenantId, t.Asset, t.At),
        _ => null,
    };

    private static AssetChangedIntegrationEvent ToContract(string instansi, Asset a, DateTimeOffset at) =>
        new(instansi, a.Id, a.Version, a.Opd, a.Kind, a.Name, a.Stage, a.Application?.Type, at);
}
