using Marten.Schema;
using Marten.Schema.Indexing.Unique;

namespace SpbeOps.Data.Api.Extensions;

public static class Extensions
{
    /// <summary>The service's name in deploy/services.txt: default Marten schema and queue prefix.</summary>
    public const string ServiceName = "data";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddSpbeMarten(ServiceName);
        builder.AddTrigramSearch();
        // The catalogue's order (opd, title) and filters per tenant; the CKAN name is unique per instansi; the public
        // face reads (public, name); q is ILIKE on the title, served by a trigram index.
        builder.AddRecord<Dataset>(schema => schema
            .UniqueIndex(UniqueIndexType.Computed, "ux_dataset_name", TenancyScope.PerTenant, d => d.Name)
            .Index([d => d.Opd, d => d.Title], ListIndexes.PerTenant("ix_dataset_opd_title"))
            .Index([d => d.Status, d => d.Opd, d => d.Title], ListIndexes.PerTenant("ix_dataset_status_opd_title"))
            .Index([d => d.Public, d => d.Name], ListIndexes.PerTenant("ix_dataset_public_name"))
            .Index(d => d.Title, ListIndexes.Trigram("ix_dataset_title_trgm")));
        builder.AddRecord<ReferenceEntry>(schema => schema
            .UniqueIndex(UniqueIndexType.Computed, "ux_reference_kind_code", TenancyScope.PerTenant, r => r.Kind, r => r.Code));
        builder.AddRecord<DataPriority>(schema => schema
            .UniqueIndex(UniqueIndexType.Computed, "ux_data_priority_year", TenancyScope.PerTenant, p => p.Year));
        builder.AddGovernance(DataGovernance.Options);
        // The walidata verifies, returns and publishes every OPD's datasets and keeps the reference lists.
        builder.AddSpecialistWriters(SpbeRoles.Walidata);
        builder.Services.AddSingleton<PublicCatalogue>();
        builder.AddSpbeMessaging(ServiceName);
        return builder;
    }
}
