using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SpbeOps.Messaging;

namespace SpbeOps.Indicators.Tests.Functional;

public sealed class DedupeWindowTests(InfrastructureFixture infrastructure) : IndicatorsApiTest(infrastructure, new AdjustableClock())
{
    [Fact]
    public async Task Markers_older_than_the_window_are_purged_in_every_tenant_and_newer_ones_kept()
    {
        var store = Factory.Services.GetRequiredService<IDocumentStore>();
        var (old, recent) = (Tenants.New(), Tenants.New());
        await using (var session = store.LightweightSession(old))
        {
            session.Store(new ProcessedMessage { Id = "c:1", ProcessedAt = Clock.GetUtcNow().AddDays(-15) });
            await session.SaveChangesAsync();
        }
        await using (var session = store.LightweightSession(recent))
        {
            session.Store(new ProcessedMessage { Id = "c:2", ProcessedAt = Clock.GetUtcNow().AddDays(-13) });
            await session.SaveChangesAsync();
        }

        var purge = Factory.Services.GetServices<IHostedService>().OfType<ProcessedMessagePurge>().Single();
        await purge.PurgeAsync(CancellationToken.None);

        await using var check = store.QuerySession(old);
        Assert.Null(await check.LoadAsync<ProcessedMessage>("c:1"));
        await using var kept = store.QuerySession(recent);
        Assert.NotNull(await kept.LoadAsync<ProcessedMessage>("c:2"));
    }
}
