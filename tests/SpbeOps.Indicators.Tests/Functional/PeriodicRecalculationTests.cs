using Microsoft.Extensions.DependencyInjection;
using SpbeOps.Indicators.Api.Maturity;

namespace SpbeOps.Indicators.Tests.Functional;

public sealed class PeriodicRecalculationTests(InfrastructureFixture infrastructure) : IndicatorsApiTest(infrastructure, new AdjustableClock())
{
    [Fact]
    public async Task A_programme_that_ends_lowers_the_level_and_the_periodic_run_records_why()
    {
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        await Factory.Publish(Facts.Record(Instansi, "programme", date: today.AddDays(-30), endDate: today.AddDays(10)));
        await IndicatorReaches(24, level: 2);
        var recalculation = Factory.Services.GetRequiredService<PeriodicRecalculation>();
        Assert.Equal(0, await recalculation.RunOnceAsync(CancellationToken.None)); // nothing has moved yet

        Clock.Advance(TimeSpan.FromDays(20));
        // Reads are computed live, so the programme's end shows at once; history records it on the periodic run.
        Assert.Equal(1, (await Indicator(24)).GetProperty("level").GetInt32());
        Assert.True(await recalculation.RunOnceAsync(CancellationToken.None) >= 1);

        var history = await Ok(Admin().GetAsync("/api/maturity/indicators/24/history"));
        Assert.Equal([2, 1], history.EnumerateArray().Select(h => h.GetProperty("level").GetInt32()));
        Assert.Equal(PeriodicRecalculation.Reason, history[1].GetProperty("reason").GetString());
        Assert.StartsWith("berubah / changed: programme", history[0].GetProperty("reason").GetString());
        Assert.Equal(0, await recalculation.RunOnceAsync(CancellationToken.None)); // and only once
    }
}
