namespace SpbeOps.Assets.Api.Extensions;

public static class Extensions
{
    public const string ServiceName = "assets";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddSpbeMarten(ServiceName);
        // The list's order (opd, name) and its filters, per tenant (conjoined tenancy puts tenant_id in every
        // query); q is ILIKE '%…%' on the name, served by a pg_trgm GIN index (issue 8).
        builder.AddTrigramSearch();
        builder.AddRecord<Asset>(schema => schema
            .Index([a => a.Opd, a => a.Name], ListIndexes.PerTenant("ix_asset_opd_name"))
            .Index([a => a.Kind, a => a.Opd, a => a.Name], ListIndexes.PerTenant("ix_asset_kind_opd_name"))
            .Index([a => a.Stage, a => a.Opd, a => a.Name], ListIndexes.PerTenant("ix_asset_stage_opd_name"))
            .Index(a => a.Name, ListIndexes.Trigram("ix_asset_name_trgm")));
        builder.AddGovernance(AssetsGovernance.Options);
        builder.AddAudits<RegisteredAssetTargets>(AssetsAudits.Options);
        builder.AddSpbeMessaging(ServiceName);
        return builder;
    }
}
