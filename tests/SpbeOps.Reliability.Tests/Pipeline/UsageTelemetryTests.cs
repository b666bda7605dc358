extern alias assets;

using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SpbeOps.Reliability.Tests.Pipeline;

/// <summary>
/// MassTransit reports usage to its vendor over the internet unless told not to: every service start logged a failed
/// lookup of usage-tracking.masstransit.io on a closed network. A government suite sends nothing out.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class UsageTelemetryTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task The_bus_reports_no_usage_telemetry_to_its_vendor()
    {
        await using var service = new ServiceFactory<assets::Program>(infrastructure);
        Assert.False(service.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
    }
}
