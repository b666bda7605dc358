namespace SpbeOps.Governance;

public static class GovernanceExtensions
{
    /// <summary>Stores this service's governance records in its own schema and publishes them like any other record.</summary>
    public static IHostApplicationBuilder AddGovernance(this IHostApplicationBuilder builder, GovernanceOptions options)
    {
        builder.Services.AddSingleton(options);
        builder.AddRecord<GovernanceRecord>(schema => schema.Index(r => r.Indicator).Index(r => r.RecordType));
        return builder;
    }
}
