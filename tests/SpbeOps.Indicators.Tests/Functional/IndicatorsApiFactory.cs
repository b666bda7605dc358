using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SpbeOps.Testing;

namespace SpbeOps.Indicators.Tests.Functional;

public sealed class IndicatorsApiFactory(InfrastructureFixture infrastructure)
    : ServiceFactory<Program>(infrastructure, new Dictionary<string, string?> { ["Live:KeepAlive"] = "00:00:01" })
{
    /// <summary>Publishes an integration event on the real broker, as another service's forwarder would.</summary>
    public Task Publish<T>(T message, Guid? messageId = null) where T : class =>
        Services.GetRequiredService<IBus>().Publish(message, ctx => ctx.MessageId = messageId ?? NewId.NextGuid());
}
