extern alias assets;

using System.Collections.Concurrent;
using Npgsql;
using SpbeOps.Messaging;

namespace SpbeOps.Reliability.Tests.Pipeline;

/// <summary>
/// Issue 8: with nine services in one database, Marten's shared <c>mt_events_appended</c> channel woke every
/// daemon on every append. An append now notifies only the channel of the schema it was written to, and the
/// forwarder still hears it (the event reaches the broker without waiting for a poll).
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class EventAppendSignalTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task An_append_notifies_its_own_schemas_channel_and_not_the_channel_every_daemon_shares()
    {
        await using var service = new ServiceFactory<assets::Program>(infrastructure);
        var client = service.CreateClientFor("opd-operator", Tenants.New(), "dinkes");
        await client.GetAsync("/api/assets").ShouldBe(HttpStatusCode.OK);   // host started: trigger installed

        var ownChannel = EventAppendSignal.ChannelFor(service.RunId);
        const string sharedChannel = "mt_events_appended";
        const string otherSchemasChannel = "spbe_appended_some_other_service";
        var heard = new ConcurrentQueue<string>();
        await using var listener = new NpgsqlConnection(infrastructure.PostgresConnectionString);
        await listener.OpenAsync();
        listener.Notification += (_, e) => heard.Enqueue(e.Channel);
        await using (var listen = new NpgsqlCommand($"LISTEN {ownChannel}; LISTEN {sharedChannel}; LISTEN {otherSchemasChannel}", listener))
            await listen.ExecuteNonQueryAsync();

        await client.PostAsJsonAsync("/api/assets", new { opd = "dinkes", kind = "hardware", name = "Server Dinkes" })
            .ShouldBe(HttpStatusCode.Created);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!heard.Contains(ownChannel) && DateTime.UtcNow < deadline)
            await listener.WaitAsync(TimeSpan.FromMilliseconds(200));
        await listener.WaitAsync(TimeSpan.FromMilliseconds(300));   // anything else the commit sent has arrived too

        Assert.Contains(ownChannel, heard);
        Assert.DoesNotContain(sharedChannel, heard);
        Assert.DoesNotContain(otherSchemasChannel, heard);
    }

    [Theory]
    [InlineData("assets", "spbe_appended_assets")]
    [InlineData("servicemanagement", "spbe_appended_servicemanagement")]
    [InlineData("Risk", "spbe_appended_risk")]
    public void A_schemas_channel_is_named_after_it(string schema, string channel) =>
        Assert.Equal(channel, EventAppendSignal.ChannelFor(schema));

    [Fact]
    public void A_schema_name_too_long_or_odd_for_a_channel_gets_a_stable_hashed_channel()
    {
        var longSchema = new string('x', 60);
        var channel = EventAppendSignal.ChannelFor(longSchema);
        Assert.True(channel.Length <= 63);
        Assert.Equal(channel, EventAppendSignal.ChannelFor(longSchema));
        Assert.NotEqual(channel, EventAppendSignal.ChannelFor(longSchema + "y"));
        Assert.Matches("^[a-z0-9_]+$", EventAppendSignal.ChannelFor("odd-schema\"name"));
    }
}
