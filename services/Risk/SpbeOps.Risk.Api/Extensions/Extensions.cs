using Marten;
using Marten.Schema.Indexing.Unique;
using Marten.Schema;
using SpbeOps.Risk.Api.Assets;
using SpbeOps.Risk.Api.Contexts;
using SpbeOps.Risk.Api.Monitoring;
using SpbeOps.Risk.Api.Risks;
using SpbeOps.Governance;
using SpbeOps.Messaging;

namespace SpbeOps.Risk.Api.Extensions;

public static class Extensions
{
    public const string ServiceName = "risk";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IIntegrationEventMapper, ContextEventMapper>();
        builder.Services.AddSingleton<IIntegrationEventMapper, RiskEventMapper>();
        builder.Services.AddSingleton<IIntegrationEventMapper, MonitoringEventMapper>();
        builder.AddSpbeMarten(ServiceName, opts =>
        {
            opts.Schema.For<RiskContext>()
                .UniqueIndex(UniqueIndexType.Computed, "ux_risk_context_opd_year", TenancyScope.PerTenant, c => c.Opd, c => c.PeriodYear);
            opts.Schema.For<RegisteredRisk>()
                .Index(r => r.Opd)
                .Index(r => r.PeriodYear)
                .UniqueIndex(UniqueIndexType.Computed, "ux_risk_opd_year_code", TenancyScope.PerTenant, r => r.Opd, r => r.PeriodYear, r => r.Code);
            opts.Schema.For<MonitoringReport>().Index(m => m.Opd).Index(m => m.PeriodYear);
            opts.Schema.For<KnownAsset>();

            opts.Events.AddEventType<RiskContextDefined>();
            opts.Events.AddEventType<RiskContextRevised>();
            opts.Events.AddEventType<RiskContextApprovalRecorded>();
            opts.Events.AddEventType<RiskIdentified>();
            opts.Events.AddEventType<RiskAssessmentRevised>();
            opts.Events.AddEventType<RiskTreatmentPlanned>();
            opts.Events.AddEventType<RiskTreatmentRevised>();
            opts.Events.AddEventType<RiskTreatmentRemoved>();
            opts.Events.AddEventType<RiskApprovalRecorded>();
            opts.Events.AddEventType<RiskWithdrawn>();
            opts.Events.AddEventType<RiskRecalculated>();
            opts.Events.AddEventType<RiskMonitoringReported>();
            opts.Events.AddEventType<RiskMonitoringRevised>();
            opts.Events.AddEventType<RiskMonitoringApprovalRecorded>();
        });
        // Asset and application ids a risk may reference are learned from the Assets service's events.
        // One message at a time on the endpoint (retries included), so an older version never overtakes a newer one.
        builder.AddSpbeMessaging(ServiceName, (x, options) => x.AddConsumer<AssetChangedConsumer>().Endpoint(e =>
        {
            e.ConcurrentMessageLimit = 1;
            e.Temporary = options.TemporaryQueues;
        }));
        builder.AddGovernance(RiskGovernance.Options);
        return builder;
    }
}
