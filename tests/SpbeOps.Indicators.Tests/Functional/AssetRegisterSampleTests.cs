using SpbeOps.Contracts.Assets;

namespace SpbeOps.Indicators.Tests.Functional;

/// <summary>
/// The few assets an OPD's register keeps as evidence for indicator 24 (issue 7, row 12): when one leaves a sample
/// list, the consumer refills each list from its own set, so "in use" shows as many assets in use as there are,
/// up to the sample size, however many planned assets sort before them.
/// </summary>
public sealed class AssetRegisterSampleTests(InfrastructureFixture infrastructure) : IndicatorsApiTest(infrastructure)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    public override async Task InitializeAsync() =>
        await Admin().PutAsJsonAsync("/api/maturity/organisation", Organisation("dinkes", "dishub")).ShouldBe(HttpStatusCode.OK);

    private AssetChangedIntegrationEvent Asset(string opd, string name, string stage, Guid? id = null, long version = 1) =>
        new(Instansi, id ?? Guid.NewGuid(), version, opd, "hardware", name, stage, null, DateTimeOffset.UtcNow);

    private async Task<JsonElement> InUseCriterion(string opd) =>
        (await Indicator(24, opd)).GetProperty("levels").EnumerateArray().SelectMany(l => l.GetProperty("criteria").EnumerateArray())
            .First(c => c.GetProperty("metric").GetString() == "assets.lifecycle.inUse");

    [Fact]
    public async Task When_an_asset_in_use_leaves_the_samples_they_are_refilled_from_the_assets_in_use()
    {
        // Seven planned assets sort before the six in use: a sample of "the first ten not disposed" holds only three in use.
        for (var i = 1; i <= 7; i++) await Factory.Publish(Asset("dinkes", $"A rencana {i}", "perencanaan"));
        var inUse = Enumerable.Range(1, 6).Select(_ => Guid.NewGuid()).ToList();
        for (var i = 0; i < inUse.Count; i++) await Factory.Publish(Asset("dinkes", $"Z dipakai {i + 1}", "pemanfaatan", inUse[i]));

        // One in use is disposed: it leaves the samples, five remain in use.
        await Factory.Publish(Asset("dinkes", "Z dipakai 1", "penghapusan", inUse[0], version: 2));
        // A later fact of another OPD: once it shows, the ones before it were applied (one consumer, in order).
        await Factory.Publish(Asset("dishub", "Router", "pemanfaatan"));
        await HttpAssertions.Eventually<string?>(async () =>
            (await InUseCriterion("dishub")).GetProperty("actual").GetBoolean() ? "applied" : null, Wait, "the later fact to be applied");

        var evidence = (await InUseCriterion("dinkes")).GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.Equal(inUse.Skip(1).Select(id => id.ToString()).Order(), evidence.Order());
    }
}
