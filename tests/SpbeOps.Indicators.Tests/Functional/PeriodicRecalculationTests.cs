using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SpbeOps.Indicators.Api.Maturity;
using SpbeOps.Testing;

namespace SpbeOps.Indicators.Tests.Functional;

[Collection(InfrastructureCollection.Name)]
public sealed class PeriodicRecalculationTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private readonly AdjustableClock _clock = new();
    private readonly string _instansi = Tenants.New();
    private IndicatorsApiFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new IndicatorsApiFactory(infrastructure, _clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_programme_that_ends_lowers_the_level_and_the_periodic_run_records_why()
    {
        var admin = _factory.CreateClientFor("diskominfo-admin", _instansi);
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        await _factory.Publish(Facts.Record(_instansi, "programme", date: today.AddDays(-30), endDate: today.AddDays(10)));
        await HttpAssertions.Eventually<string?>(async () =>
            (await (await admin.GetAsync("/api/maturity/indicators/24")).ReadJson()).GetProperty("level").GetInt32() == 2 ? "2" : null,
            TimeSpan.FromSeconds(30), "level 2");
        var recalculation = _factory.Services.GetRequiredService<PeriodicRecalculation>();
        Assert.Equal(0, await recalculation.RunOnceAsync(CancellationToken.None)); // nothing has moved yet

        _clock.Advance(TimeSpan.FromDays(20));
        // Reads are computed live, so the programme's end shows at once; history records it on the periodic run.
        Assert.Equal(1, (await (await admin.GetAsync("/api/maturity/indicators/24").ShouldBe(HttpStatusCode.OK)).ReadJson()).GetProperty("level").GetInt32());
        Assert.True(await recalculation.RunOnceAsync(CancellationToken.None) >= 1);

        var history = await (await admin.GetAsync("/api/maturity/indicators/24/history")).ReadJson();
        Assert.Equal([2, 1], history.EnumerateArray().Select(h => h.GetProperty("level").GetInt32()));
        Assert.Equal(PeriodicRecalculation.Reason, history[1].GetProperty("reason").GetString());
        Assert.StartsWith("berubah / changed: programme", history[0].GetProperty("reason").GetString());
        Assert.Equal(0, await recalculation.RunOnceAsync(CancellationToken.None)); // and only once
    }
}
