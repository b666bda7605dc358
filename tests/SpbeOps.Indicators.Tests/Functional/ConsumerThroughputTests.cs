using System.Diagnostics;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SpbeOps.Indicators.Api.Facts;
using Xunit.Abstractions;

namespace SpbeOps.Indicators.Tests.Functional;

/// <summary>
/// A measurement, not a timing assertion (issue 8, consumer row): publishes a burst of asset facts for one instansi
/// with many OPD and prints how many facts per second the consumer stored. It asserts only that all arrived.
/// </summary>
public sealed class ConsumerThroughputTests(InfrastructureFixture infrastructure, ITestOutputHelper output) : IndicatorsApiTest(infrastructure)
{
    private const int Opds = 40;
    private const int Burst = 600;

    private static readonly string[] Stages = ["perencanaan", "pengadaan", "pemanfaatan", "penghapusan"];

    public override async Task InitializeAsync() =>
        await Admin().PutAsJsonAsync("/api/maturity/organisation",
            Organisation([.. Enumerable.Range(1, Opds).Select(i => $"opd-{i:D2}")])).ShouldBe(HttpStatusCode.OK);

    [Fact]
    public async Task A_burst_of_asset_facts_is_stored_and_the_rate_printed()
    {
        var messages = Enumerable.Range(0, Burst)
            .Select(i => Facts.Asset(Instansi, $"opd-{i % Opds + 1:D2}", Stages[i % Stages.Length]))
            .ToList();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(messages.Select(m => Factory.Publish(m)));
        var published = watch.Elapsed;

        var store = Factory.Services.GetRequiredService<IDocumentStore>();
        var stored = 0;
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (stored < Burst && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            await using var session = store.QuerySession(Instansi);
            stored = await session.Query<AssetFact>().CountAsync();
        }
        watch.Stop();
        output.WriteLine($"[throughput] {Burst} asset facts, {Opds} OPD: published in {published.TotalMilliseconds:F0} ms, " +
                         $"stored in {watch.Elapsed.TotalMilliseconds:F0} ms = {Burst / watch.Elapsed.TotalSeconds:F0} facts/s");
        Console.WriteLine($"[throughput] {Burst} asset facts, {Opds} OPD: {Burst / watch.Elapsed.TotalSeconds:F0} facts/s");
        Assert.Equal(Burst, stored);
        await IndicatorReaches(24, 1); // the levels are readable afterwards
    }
}
