extern alias assets;

using SpbeOps.Contracts.Assets;

namespace SpbeOps.EndToEnd.Tests.Messaging;

/// <summary>
/// The event store is the outbox: a record written while RabbitMQ cannot be reached is published once it can.
/// The outage is a cut connection between this one service and the broker (a TCP relay the test controls), so
/// other tests running against the same broker are not disturbed.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class BrokerOutageTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Events_written_while_rabbitmq_is_unreachable_are_delivered_after_it_returns()
    {
        var (proxy, viaProxy) = TcpProxy.ForAmqp(infrastructure.RabbitMqUri);
        await using var _ = proxy;
        await using var service = new ServiceFactory<assets::Program>(infrastructure, new Dictionary<string, string?> { ["ConnectionStrings:rabbitmq"] = viaProxy });
        await using var probe = await BrokerProbe.StartAsync<AssetChangedIntegrationEvent>(infrastructure.RabbitMqUri);
        var instansi = Tenants.New();
        var client = service.CreateClientFor("opd-operator", instansi, "dinkes");

        // Start the host (and its bus) while the broker is reachable, then cut it off.
        var before = await (await client.PostAsJsonAsync("/api/assets", new { opd = "dinkes", kind = "hardware", name = "Sebelum" }).ShouldBe(HttpStatusCode.Created)).ReadJson();
        await probe.WaitFor(m => m.GetProperty("assetId").GetGuid() == before.GetProperty("id").GetGuid(), TimeSpan.FromSeconds(30));
        proxy.Cut();

        // Writes go on: they only touch PostgreSQL.
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var asset = await (await client.PostAsJsonAsync("/api/assets", new { opd = "dinkes", kind = "hardware", name = $"Selama gangguan {i}" })
                .ShouldBe(HttpStatusCode.Created)).ReadJson();
            ids.Add(asset.GetProperty("id").GetGuid());
        }
        await Task.Delay(TimeSpan.FromSeconds(3));
        proxy.Restore();

        foreach (var id in ids)
        {
            var envelope = await probe.WaitFor(m => m.GetProperty("assetId").GetGuid() == id, TimeSpan.FromSeconds(90));
            Assert.Equal(instansi, envelope.GetProperty("message").GetProperty("instansi").GetString());
        }
    }
}
