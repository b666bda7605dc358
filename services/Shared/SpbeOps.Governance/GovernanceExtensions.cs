namespace SpbeOps.Governance;

public static class GovernanceExtensions
{
    /// <summary>Stores this service's governance records in its own schema and publishes them like any other record.</summary>
    public static IHostApplicationBuilder AddGovernance(this IHostApplicationBuilder builder, GovernanceOptions options)
    {
        builder.Services.AddSingleton(options);
        // The list is per tenant, ordered by (indicator, date) and filtered by indicator and type (issue 8).
        builder.AddRecord<GovernanceRecord>(schema => schema
            .Index([r => r.Indicator, r => r.Date!], ListIndexes.PerTenant("ix_governance_indicator_date"))
            .Index(r => r.RecordType));
        return builder;
    }
}
