namespace SpbeOps.Knowledge.Api.Extensions;

public static class Extensions
{
    /// <summary>The service's name in deploy/services.txt: default Marten schema and queue prefix.</summary>
    public const string ServiceName = "knowledge";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddSpbeMarten(ServiceName);
        // One AddRecord per record type: its document, indexes, events and publication (decision 14).
        builder.AddRecord<Example>(schema => schema.Index(e => e.Opd));
        // Roles that write every OPD's records besides Diskominfo, e.g. builder.AddSpecialistWriters(SpbeRoles.Walidata);
        // consumers of other services' contracts go in AddSpbeMessaging's second argument (Risk's Extensions.cs).
        builder.AddSpbeMessaging(ServiceName);
        return builder;
    }
}
