using Marten.Schema;
using Marten.Schema.Indexing.Unique;
using SpbeOps.Contracts.Assets;
using SpbeOps.Contracts.Risk;

namespace SpbeOps.Security.Api.Extensions;

public static class Extensions
{
    /// <summary>The service's name in deploy/services.txt: default Marten schema and queue prefix.</summary>
    public const string ServiceName = "security";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddSecurityAccess();
        builder.AddSpbeMarten(ServiceName);
        // One AddRecord per record type: its document, indexes, events and publication (decision 14).
        builder.AddRecord<SecurityScope>(schema => schema
            .UniqueIndex(UniqueIndexType.Computed, "ux_security_scope_year", TenancyScope.PerTenant, s => s.Year));
        builder.AddRecord<SecurityProgramme>(schema => schema
            .UniqueIndex(UniqueIndexType.Computed, "ux_security_programme_year", TenancyScope.PerTenant, p => p.Year));
        builder.AddRecord<SecurityControl>(schema => schema
            .UniqueIndex(UniqueIndexType.Computed, "ux_security_control_code", TenancyScope.PerTenant, c => c.Code));
        builder.AddRecord<ControlImplementation>(schema => schema
            .Index(i => i.Opd)
            .UniqueIndex(UniqueIndexType.Computed, "ux_security_implementation_opd_control", TenancyScope.PerTenant, i => i.Opd, i => i.ControlId));
        builder.AddRecord<SecurityIncident>(schema => schema.Index(i => i.Opd).Index(i => i.ReportedAt).Index(i => i.Status));
        builder.AddRecord<VulnerabilityAssessment>(schema => schema.Index(a => a.Opd).Index(a => a.ConductedOn));
        builder.AddAudits<KnownAssetTargets>(SecurityAudits.Options);
        builder.AddGovernance(SecurityGovernance.Options);

        // Assets and applications (targets) and SPBE risks (what a control answers) are learned from the other
        // services' events: many messages in flight, stored per instansi in batches, one batch at a time; the version
        // check keeps an older copy from overtaking a newer one (LearnedRecords, as Risk's KnownAsset).
        builder.AddSpbeMessaging(ServiceName, (x, options) =>
        {
            x.AddLearnedRecords<AssetChangedIntegrationEvent, KnownAsset>(options, m => m.Instansi, KnownAsset.From);
            x.AddLearnedRecords<RiskChangedIntegrationEvent, KnownRisk>(options, m => m.Instansi, KnownRisk.From);
        });
        return builder;
    }
}
