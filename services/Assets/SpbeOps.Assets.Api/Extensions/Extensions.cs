using Marten;
using SpbeOps.Assets.Api.Assets;
using SpbeOps.Governance;
using SpbeOps.Messaging;

namespace SpbeOps.Assets.Api.Extensions;

public static class Extensions
{
    public const string ServiceName = "assets";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IIntegrationEventMapper, AssetEventMapper>();
        builder.AddSpbeMarten(ServiceName, opts =>
        {
            opts.Schema.For<Asset>()
                .Index(a => a.Opd)
                .Index(a => a.Kind)
                .Index(a => a.Stage);
            opts.Events.AddEventType<AssetRegistered>();
            opts.Events.AddEventType<AssetDetailsUpdated>();
            opts.Events.AddEventType<AssetTransitioned>();
        });
        builder.AddSpbeMessaging(ServiceName);
        builder.AddGovernance(AssetsGovernance.Options);
        return builder;
    }
}
