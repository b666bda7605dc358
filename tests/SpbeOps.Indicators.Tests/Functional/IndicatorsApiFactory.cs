using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SpbeOps.Testing;

namespace SpbeOps.Indicators.Tests.Functional;

public sealed class IndicatorsApiFactory(InfrastructureFixture infrastructure, TimeProvider? clock = null)
    : ServiceFactory<Program>(infrastructure, new Dictionary<string, string?>
    {
        ["Live:KeepAlive"] = "00:00:01",
        // Tests run the periodic recalculation themselves, when their clock says so.
        ["Maturity:Recalculation:FirstRunAfter"] = "01:00:00",
    })
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (clock is not null) builder.ConfigureTestServices(s => s.AddSingleton(clock));
    }

    /// <summary>Publishes an integration event on the real broker, as another service's forwarder would.</summary>
    public Task Publish<T>(T message, Guid? messageId = null) where T : class =>
        Services.GetRequiredService<IBus>().Publish(message, ctx => ctx.MessageId = messageId ?? NewId.NextGuid());
}
