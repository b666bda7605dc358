using Marten.Schema;
using Marten.Schema.Indexing.Unique;
using SpbeOps.Contracts.Assets;
using SpbeOps.Contracts.Knowledge;
using SpbeOps.Contracts.Risk;

namespace SpbeOps.ServiceManagement.Api.Extensions;

public static class Extensions
{
    /// <summary>The service's name in deploy/services.txt: default Marten schema and queue prefix.</summary>
    public const string ServiceName = "servicemanagement";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddSpbeMarten(ServiceName);
        builder.AddRecord<ServiceEntry>(schema => schema
            .UniqueIndex(UniqueIndexType.Computed, "ux_service_code", TenancyScope.PerTenant, s => s.Code)
            .Index([s => s.Opd, s => s.Name], ListIndexes.PerTenant("ix_service_opd_name")));
        // Lists filter by OPD (raising or assigned) and status, newest first; the breach job looks up due instants
        // across every instansi.
        builder.AddRecord<Ticket>(schema => schema
            .Index([t => t.Opd, t => t.CreatedAt], ListIndexes.PerTenant("ix_ticket_opd_created"))
            .Index([t => t.AssignedOpd!, t => t.CreatedAt], ListIndexes.PerTenant("ix_ticket_assigned_created"))
            .Index([t => t.Status, t => t.CreatedAt], ListIndexes.PerTenant("ix_ticket_status_created"))
            .Index(t => t.TtoDueAt!)
            .Index(t => t.TtrDueAt!));
        builder.AddRecord<ChangeRequest>(schema => schema
            .Index(c => c.Opd)
            .Index(c => c.Status)
            .Index(c => c.WindowStart!));
        builder.AddRecord<ServiceDeskSettings>();
        builder.AddGovernance(ServiceManagementGovernance.Options);

        builder.Services.Configure<SlaWatchOptions>(builder.Configuration.GetSection("ServiceManagement:SlaWatch"));
        builder.Services.AddSingleton<SlaWatch>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SlaWatch>());

        // The ids of other services' records this service's records may name are learned from their events: assets and
        // applications (services, tickets, changes), SPBE risks (a change's assessment), knowledge articles (a ticket's
        // known error). Each is stored under the message's instansi, so another instansi's record is never found.
        builder.AddSpbeMessaging(ServiceName, (x, options) =>
        {
            x.AddLearnedRecords<AssetChangedIntegrationEvent, KnownAsset>(options, m => m.Instansi, KnownAsset.From);
            x.AddLearnedRecords<RiskChangedIntegrationEvent, KnownRisk>(options, m => m.Instansi, KnownRisk.From);
            x.AddLearnedRecords<KnowledgeArticleChangedIntegrationEvent, KnownArticle>(options, m => m.Instansi, KnownArticle.From);
        });
        return builder;
    }
}
