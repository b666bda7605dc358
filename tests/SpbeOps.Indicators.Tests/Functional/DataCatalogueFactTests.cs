using Marten;
using Microsoft.Extensions.DependencyInjection;
using SpbeOps.Contracts.Data;
using SpbeOps.Indicators.Api.Facts;

namespace SpbeOps.Indicators.Tests.Functional;

/// <summary>
/// The Data service's datasets as facts of indicator 23: kept per OPD as a catalogue summary, whatever the order and
/// repetition of the versions, and moved between OPD when a dataset changes its produsen.
/// </summary>
public sealed class DataCatalogueFactTests(InfrastructureFixture infrastructure) : IndicatorsApiTest(infrastructure)
{
    public override async Task InitializeAsync() =>
        await Admin().PutAsJsonAsync("/api/maturity/organisation", Organisation("dinkes", "dishub")).ShouldBe(HttpStatusCode.OK);

    private DatasetChangedIntegrationEvent Dataset(string opd, string status, Guid? id = null, long version = 1, bool complete = true) =>
        new(Instansi, id ?? Guid.NewGuid(), version, opd, $"Data {opd}", status, "terbuka", complete, complete,
            status is "diverifikasi" or "dipublikasikan", 90, true, DateTimeOffset.UtcNow);

    [Fact]
    public async Task Dataset_versions_in_any_order_end_in_the_catalogue_summaries_of_their_opd()
    {
        var moving = Guid.NewGuid();
        var versions = new[]
        {
            Dataset("dinkes", "draft", moving, 1), Dataset("dinkes", "diajukan", moving, 2), Dataset("dinkes", "diverifikasi", moving, 3),
            Dataset("dishub", "dipublikasikan", moving, 4),
        }.Reverse();
        var others = Enumerable.Range(0, 10).Select(i => Dataset("dinkes", "dipublikasikan", complete: i % 5 != 0)).ToList();
        var duplicate = Guid.NewGuid();
        await Task.WhenAll(versions.Select(m => Factory.Publish(m)).Concat(others.Select(m => Factory.Publish(m)))
            .Append(Factory.Publish(others[0], duplicate)).Append(Factory.Publish(others[0], duplicate)));

        var store = Factory.Services.GetRequiredService<IDocumentStore>();
        await HttpAssertions.Eventually<string?>(async () =>
        {
            await using var session = store.QuerySession(Instansi);
            return await session.Query<DatasetFact>().CountAsync() == 11 && (await session.LoadAsync<DatasetFact>(moving))?.Version == 4 ? "applied" : null;
        }, TimeSpan.FromSeconds(30), "every dataset fact to be applied");

        await using (var session = store.QuerySession(Instansi))
        {
            var catalogues = (await session.Query<DataCatalogueSummary>().ToListAsync()).ToDictionary(c => c.Id);
            Assert.Equal((10, 10, 10, 8), (catalogues["dinkes"].Total, catalogues["dinkes"].Verified, catalogues["dinkes"].Published, catalogues["dinkes"].PublishedComplete));
            Assert.Equal((1, 1, 1), (catalogues["dishub"].Total, catalogues["dishub"].Published, catalogues["dishub"].PublishedComplete));
            Assert.DoesNotContain(catalogues["dinkes"].VerifiedSamples, s => s.Id == moving);
            Assert.Equal(2, catalogues["dinkes"].IncompleteSamples.Count);
        }

        var detail = await Indicator(23);
        var complete = detail.GetProperty("levels").EnumerateArray().SelectMany(l => l.GetProperty("criteria").EnumerateArray())
            .Single(c => c.GetProperty("id").GetString() == "23.3.complete");
        Assert.Equal(Math.Round(9 / 11.0, 4), complete.GetProperty("actual").GetDouble());
    }
}
