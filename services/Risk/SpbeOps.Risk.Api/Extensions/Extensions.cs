using Marten.Schema;
using Marten.Schema.Indexing.Unique;
using SpbeOps.Contracts.Assets;

namespace SpbeOps.Risk.Api.Extensions;

public static class Extensions
{
    public const string ServiceName = "risk";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddSpbeMarten(ServiceName);
        builder.AddRecord<RiskContext>(schema => schema
            .UniqueIndex(UniqueIndexType.Computed, "ux_risk_context_opd_year", TenancyScope.PerTenant, c => c.Opd, c => c.PeriodYear));
        // The register's order starts with opd: the unique index (tenant_id, opd, periodYear, code) gives it, and PostgreSQL's incremental sort orders the
        // rest (year, besaran, impact descending; a single-direction btree cannot hold that mix) one OPD at a time, so
        // a page stops early. q is ILIKE on the risk event, served by a trigram index (issue 8).
        builder.AddTrigramSearch();
        builder.AddRecord<RegisteredRisk>(schema => schema
            .Index(r => r.Opd)
            .Index(r => r.PeriodYear)
            .Index(r => r.Event, ListIndexes.Trigram("ix_risk_event_trgm"))
            .UniqueIndex(UniqueIndexType.Computed, "ux_risk_opd_year_code", TenancyScope.PerTenant, r => r.Opd, r => r.PeriodYear, r => r.Code));
        builder.AddRecord<MonitoringReport>(schema => schema.Index(m => m.Opd).Index(m => m.PeriodYear));
        builder.AddGovernance(RiskGovernance.Options);

        // Asset and application ids a risk may reference are learned from the Assets service's events: many messages
        // in flight, stored per instansi in batches, one batch at a time (so two never race to insert one asset); the
        // version check keeps an older copy from overtaking a newer one.
        builder.AddSpbeMessaging(ServiceName, (x, options) =>
            x.AddLearnedRecords<AssetChangedIntegrationEvent, KnownAsset>(options, m => m.Instansi, KnownAsset.From));
        return builder;
    }
}
