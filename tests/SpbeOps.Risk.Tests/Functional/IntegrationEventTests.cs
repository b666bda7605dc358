using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SpbeOps.Contracts.Assets;
using SpbeOps.Contracts.Risk;
using SpbeOps.Risk.Api.Assets;

namespace SpbeOps.Risk.Tests.Functional;

/// <summary>What the indicator engine consumes, checked where it is consumed: on the broker.</summary>
public sealed class IntegrationEventTests(InfrastructureFixture infrastructure, RiskHost host) : RiskApiTestBase(infrastructure, host)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Context_risk_and_monitoring_facts_reach_the_broker_with_every_field()
    {
        await using var contexts = await BrokerProbe.StartAsync<RiskContextChangedIntegrationEvent>(Infrastructure.RabbitMqUri);
        await using var risks = await BrokerProbe.StartAsync<RiskChangedIntegrationEvent>(Infrastructure.RabbitMqUri);
        await using var reports = await BrokerProbe.StartAsync<RiskMonitoringRecordedIntegrationEvent>(Infrastructure.RabbitMqUri);

        var ctx = await Context("diskominfo");
        var c = (await contexts.WaitFor(m => Guid.Parse(m.GetProperty("contextId").GetString()!) == Id(ctx), Wait)).GetProperty("message");
        Assert.Equal((Instansi, "diskominfo", 2026, true, "draft", 1L), (S(c, "instansi"), S(c, "opd"), c.GetProperty("periodYear").GetInt32(),
            c.GetProperty("complete").GetBoolean(), S(c, "approvalStatus"), c.GetProperty("version").GetInt64()));

        // A fact carries the record's state when the forwarder publishes it (a later state may overtake an earlier
        // one), so each state is awaited before the next change.
        var risk = await NewRisk("diskominfo", 5, 4);
        bool RiskAt(JsonElement m, long version) => Guid.Parse(m.GetProperty("riskId").GetString()!) == Id(risk) && m.GetProperty("version").GetInt64() == version;
        var identified = (await risks.WaitFor(m => RiskAt(m, 1), Wait)).GetProperty("message");
        Assert.Equal(JsonValueKind.Null, identified.GetProperty("residualBesaran").ValueKind);
        Assert.False(identified.GetProperty("treatmentDecided").GetBoolean());

        await Created(Operator("diskominfo"), $"/api/risks/{Id(risk)}/treatments", RiskRequests.Treatment());
        var report = await Created(Operator("diskominfo"), "/api/risks/monitoring", RiskRequests.Monitoring("diskominfo", Id(risk), quarter: 1));
        var treatedEnvelope = await risks.WaitFor(m => RiskAt(m, 2), Wait);
        var treated = treatedEnvelope.GetProperty("message");
        Assert.Equal((Instansi, "diskominfo", 2026, "negatif", "infrastruktur-spbe", 23, 7), (S(treated, "instansi"), S(treated, "opd"),
            treated.GetProperty("periodYear").GetInt32(), S(treated, "riskType"), S(treated, "category"), treated.GetProperty("besaran").GetInt32(),
            treated.GetProperty("residualBesaran").GetInt32()));
        Assert.Equal((true, true, true, "draft", false), (treated.GetProperty("aboveAppetite").GetBoolean(), treated.GetProperty("assessmentComplete").GetBoolean(),
            treated.GetProperty("treatmentDecided").GetBoolean(), S(treated, "approvalStatus"), treated.GetProperty("withdrawn").GetBoolean()));
        Assert.Equal(Instansi, treatedEnvelope.GetProperty("headers").GetProperty("spbe-tenant").GetString());

        var r = (await reports.WaitFor(m => Guid.Parse(m.GetProperty("monitoringId").GetString()!) == Id(report), Wait)).GetProperty("message");
        Assert.Equal(("triwulan", 1, "2026-04-05", "draft", 1L), (S(r, "kind"), r.GetProperty("quarter").GetInt32(), S(r, "reportedOn"), S(r, "approvalStatus"),
            r.GetProperty("version").GetInt64()));
    }

    [Fact]
    public async Task Asset_facts_are_kept_at_their_highest_version_and_redeliveries_change_nothing()
    {
        var bus = Factory.Services.GetRequiredService<IBus>();
        var store = Factory.Services.GetRequiredService<IDocumentStore>();
        var asset = Guid.NewGuid();
        var v2 = new AssetChangedIntegrationEvent(Instansi, asset, 2, "dinkes", "application", "SIMPUS v2", "pemanfaatan", "aplikasi-khusus", DateTimeOffset.UtcNow);
        var v1 = v2 with { Version = 1, Name = "SIMPUS", Stage = "pengadaan" };
        var messageId = Guid.NewGuid();
        await bus.Publish(v2, ctx => ctx.MessageId = messageId);
        // A redelivery is the same message: same MessageId, same content. (Two different contents under one
        // MessageId would race under retries, and either copy may win; that is not a case the broker produces.)
        await bus.Publish(v2, ctx => ctx.MessageId = messageId);
        await bus.Publish(v1);

        async Task<KnownAsset?> Load()
        {
            await using var session = store.QuerySession(Instansi);
            return await session.LoadAsync<KnownAsset>(asset);
        }
        await HttpAssertions.Eventually(Load, Wait, "the asset fact");
        await Task.Delay(1500); // let the older and the duplicate message arrive too
        var known = await Load();
        Assert.Equal((2L, "SIMPUS v2", "pemanfaatan"), (known!.Version, known.Asset.Name, known.Asset.Stage));
        await using var other = store.QuerySession(Tenants.New());
        Assert.Null(await other.LoadAsync<KnownAsset>(asset)); // facts stay in their instansi
    }

    [Fact]
    public async Task A_burst_of_asset_facts_is_stored_in_batches_at_the_highest_version_of_each_asset()
    {
        var bus = Factory.Services.GetRequiredService<IBus>();
        var store = Factory.Services.GetRequiredService<IDocumentStore>();
        var assets = Enumerable.Range(0, 60).Select(_ => Guid.NewGuid()).ToList();
        // Three versions of each asset, shuffled, and every tenth message delivered twice.
        var messages = assets.SelectMany(id => Enumerable.Range(1, 3).Select(v =>
                (Id: Guid.NewGuid(), Message: new AssetChangedIntegrationEvent(Instansi, id, v, "dinkes", "hardware", $"Server v{v}", "pemanfaatan", null, DateTimeOffset.UtcNow))))
            .OrderBy(_ => Random.Shared.Next()).ToList();
        await Task.WhenAll(messages.Concat(messages.Where((_, i) => i % 10 == 0))
            .Select(m => bus.Publish(m.Message, ctx => ctx.MessageId = m.Id)));

        async Task<IReadOnlyList<KnownAsset>> Load()
        {
            await using var session = store.QuerySession(Instansi);
            return await session.LoadManyAsync<KnownAsset>(assets);
        }
        await HttpAssertions.Eventually(async () => (await Load()) is { Count: 60 } all && all.All(a => a.Version == 3) ? all : null, Wait,
            "every asset at version 3");
        Assert.All(await Load(), a => Assert.Equal("Server v3", a.Asset.Name));
    }

    private static string? S(JsonElement e, string name) => e.GetProperty(name).GetString();
}
