using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SpbeOps.Messaging;

namespace SpbeOps.Governance;

public static class GovernanceExtensions
{
    /// <summary>Stores this service's governance records in its own schema and publishes them like any other record.</summary>
    public static IHostApplicationBuilder AddGovernance(this IHostApplicationBuilder builder, GovernanceOptions options)
    {
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<IIntegrationEventMapper, GovernanceEventMapper>();
        builder.Services.ConfigureMarten(opts =>
        {
            opts.Schema.For<GovernanceRecord>()
                .Index(r => r.Indicator)
                .Index(r => r.RecordType);
            opts.Events.AddEventType<GovernanceRecordWritten>();
            opts.Events.AddEventType<GovernanceRecordWithdrawn>();
        });
        return builder;
    }
}
