extern alias assets;

using SpbeOps.Contracts.Assets;
using SpbeOps.Messaging;

namespace SpbeOps.Reliability.Tests.Pipeline;

/// <summary>
/// Issue 7, row 4: after a PostgreSQL crash the Assets forwarder stopped for good
/// (<c>ProgressionProgressOutOfOrderException</c> on <c>broker-forwarder:All</c> after a sequence gap) while
/// <c>/health</c> said healthy. The test leaves the same marks a crash leaves, in this host's own schema: a gap in
/// the event sequence, and a progression row that disagrees with what the forwarder committed (the commit of its
/// last page lost). The forwarder must be reported unhealthy while it is stopped, restart by itself, and deliver
/// what was written meanwhile.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class ForwarderRecoveryTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_forwarder_stopped_by_a_crash_is_reported_unhealthy_then_restarts_and_delivers_what_waited()
    {
        await using var service = new ServiceFactory<assets::Program>(infrastructure, new Dictionary<string, string?>
        {
            ["Messaging:Forwarder:CheckInterval"] = "00:00:00.5",
            // Long enough for the test to see the stop in /health, short enough to keep the test quick.
            ["Messaging:Forwarder:FirstRestartDelay"] = "00:00:06",
            ["Messaging:Forwarder:StoppedGrace"] = "00:00:00",
        });
        await using var probe = await BrokerProbe.StartAsync<AssetChangedIntegrationEvent>(infrastructure.RabbitMqUri);
        var client = service.CreateClientFor("opd-operator", Tenants.New(), "dinkes");
        var anonymous = service.CreateClient();

        // Two events forwarded, so the progression row is past 1 and stays a real row when set one event back.
        foreach (var name in new[] { "Sebelum 1", "Sebelum 2" })
        {
            var before = await Register(client, name);
            await probe.WaitFor(m => m.GetProperty("assetId").GetGuid() == before, TimeSpan.FromSeconds(30));
        }
        await PipelineProbes.WaitForCheckAsync(anonymous, ForwarderHealthCheck.Name, "Healthy", TimeSpan.FromSeconds(30));

        // What a crash leaves: sequence numbers handed out but never committed, and the progression of the last
        // page lost (the row is one event behind what the running forwarder committed).
        var schema = service.RunId;
        await PipelineProbes.ExecuteAsync(infrastructure.PostgresConnectionString,
            $"""
            SELECT setval('"{schema}".mt_events_sequence', nextval('"{schema}".mt_events_sequence') + 32);
            UPDATE "{schema}".mt_event_progression SET last_seq_id = last_seq_id - 1 WHERE name = '{BrokerForwarder.SubscriptionName}:All';
            """);

        var during = new List<Guid>();
        for (var i = 0; i < 3; i++) during.Add(await Register(client, $"Sesudah crash {i}"));

        var stopped = await PipelineProbes.WaitForCheckAsync(anonymous, ForwarderHealthCheck.Name, "Unhealthy", TimeSpan.FromSeconds(15));
        Assert.NotEqual("running", stopped!.Value.GetProperty("data").GetProperty("agent").GetString());
        var (code, status, _) = await PipelineProbes.HealthAsync(anonymous, ForwarderHealthCheck.Name);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (code, status));

        foreach (var id in during)
            await probe.WaitFor(m => m.GetProperty("assetId").GetGuid() == id, TimeSpan.FromSeconds(60));
        var recovered = await PipelineProbes.WaitForCheckAsync(anonymous, ForwarderHealthCheck.Name, "Healthy", TimeSpan.FromSeconds(30),
            data => data.GetProperty("agent").GetString() == "running");
        var data = recovered!.Value.GetProperty("data");
        Assert.True(data.GetProperty("restarts").GetInt32() >= 1);
        Assert.Equal(0, data.GetProperty("pendingEvents").GetInt64());
    }

    private static async Task<Guid> Register(HttpClient client, string name) =>
        (await (await client.PostAsJsonAsync("/api/assets", new { opd = "dinkes", kind = "hardware", name }).ShouldBe(HttpStatusCode.Created)).ReadJson())
        .GetProperty("id").GetGuid();
}
