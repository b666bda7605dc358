namespace SpbeOps.Assets.Api.Extensions;

public static class Extensions
{
    public const string ServiceName = "assets";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddSpbeMarten(ServiceName);
        builder.AddRecord<Asset>(schema => schema.Index(a => a.Opd).Index(a => a.Kind).Index(a => a.Stage));
        builder.AddGovernance(AssetsGovernance.Options);
        builder.AddSpbeMessaging(ServiceName);
        return builder;
    }
}
