using Microsoft.Extensions.DependencyInjection;
using SpbeOps.Contracts.Competency;
using SpbeOps.Indicators.Api.Maturity;

namespace SpbeOps.Indicators.Tests.Functional;

/// <summary>
/// Issue 11: a certification stops counting the day after its last valid day. The engine decides it on its own clock,
/// so no message arrives: reads show the drop that day and the periodic recalculation records it, with the cause.
/// </summary>
public sealed class CompetencyExpiryTests(InfrastructureFixture infrastructure)
    : IndicatorsApiTest(infrastructure, new AdjustableClock(new DateTimeOffset(2026, 6, 10, 8, 0, 0, TimeSpan.Zero)))
{
    private static readonly string[] Areas = ["proses-bisnis", "arsitektur-spbe", "data-informasi", "keamanan-spbe", "aplikasi-spbe", "infrastruktur-spbe"];

    [Fact]
    public async Task An_expiring_certificate_lowers_indicator_25_on_its_day_with_the_cause()
    {
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        var staff = Guid.NewGuid();
        var now = Clock.GetUtcNow();
        await Factory.Publish(new HrPlanChangedIntegrationEvent(Instansi, Guid.NewGuid(), 1, "diskominfo", today.Year,
            [.. Areas.Select(a => new CompetencyNeed(a, 1, 2))], false, now));
        await Factory.Publish(new StaffChangedIntegrationEvent(Instansi, staff, 1, "diskominfo", today.AddYears(-2), null, false, now));
        var expiring = Guid.NewGuid();
        foreach (var area in Areas)
        {
            await Factory.Publish(new CompetencyEvidenceChangedIntegrationEvent(Instansi, area == "keamanan-spbe" ? expiring : Guid.NewGuid(), 1,
                "sertifikasi", "diskominfo", staff, today.AddYears(-1), area == "keamanan-spbe" ? today.AddDays(4) : today.AddYears(2),
                new Dictionary<string, int> { [area] = 2 }, false, now));
        }
        await IndicatorReaches(25, level: 3);
        var recalculation = Factory.Services.GetRequiredService<PeriodicRecalculation>();
        Assert.Equal(0, await recalculation.RunOnceAsync(CancellationToken.None));

        Clock.Advance(TimeSpan.FromDays(4)); // the last valid day: still counts
        Assert.Equal(3, (await Indicator(25)).GetProperty("level").GetInt32());

        Clock.Advance(TimeSpan.FromDays(1)); // the day after: no longer
        var detail = await Indicator(25);
        Assert.Equal(2, detail.GetProperty("level").GetInt32());
        var evidence = detail.GetProperty("levels").EnumerateArray().SelectMany(l => l.GetProperty("criteria").EnumerateArray())
            .Single(c => c.GetProperty("id").GetString() == "25.3.allAreas").GetProperty("evidence").EnumerateArray().ToList();
        Assert.Contains(evidence, e => e.GetProperty("id").GetString() == expiring.ToString() && e.GetProperty("kind").GetString() == "competency.certification.expired");

        Assert.True(await recalculation.RunOnceAsync(CancellationToken.None) >= 1);
        var history = await Ok(Admin().GetAsync("/api/maturity/indicators/25/history"));
        // Oldest first; the facts may have been applied in one batch (1 → 3) or several (1 → 2 → 3): the last two count.
        var entries = history.EnumerateArray().ToList();
        Assert.Equal([3, 2], entries.TakeLast(2).Select(h => h.GetProperty("level").GetInt32()));
        Assert.Equal(PeriodicRecalculation.Reason, entries[^1].GetProperty("reason").GetString());
    }
}
