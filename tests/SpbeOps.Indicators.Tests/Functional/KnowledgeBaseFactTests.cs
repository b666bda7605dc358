using Marten;
using Microsoft.Extensions.DependencyInjection;
using SpbeOps.Contracts.Knowledge;
using SpbeOps.Indicators.Api.Facts;

namespace SpbeOps.Indicators.Tests.Functional;

/// <summary>
/// The Knowledge service's articles as facts of indicator 26: kept per OPD as a knowledge-base summary, whatever the
/// order and repetition of the versions, and moved between OPD when an article changes its OPD.
/// </summary>
public sealed class KnowledgeBaseFactTests(InfrastructureFixture infrastructure) : IndicatorsApiTest(infrastructure)
{
    public override async Task InitializeAsync() =>
        await Admin().PutAsJsonAsync("/api/maturity/organisation", Organisation("dinkes", "dishub")).ShouldBe(HttpStatusCode.OK);

    private KnowledgeArticleChangedIntegrationEvent Article(string opd, string status, Guid? id = null, long version = 1, string? source = null) =>
        new(Instansi, id ?? Guid.NewGuid(), version, opd, $"Artikel {opd}", status, source, DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(6), DateTimeOffset.UtcNow);

    [Fact]
    public async Task Article_versions_in_any_order_end_in_the_knowledge_base_summaries_of_their_opd()
    {
        var moving = Guid.NewGuid();
        var versions = new[]
        {
            Article("dinkes", "draft", moving, 1, "security"), Article("dinkes", "reviu", moving, 2, "security"),
            Article("dinkes", "terbit", moving, 3, "security"), Article("dishub", "terbit", moving, 4, "security"),
        }.Reverse();
        var others = Enumerable.Range(0, 6).Select(i => Article("dinkes", i % 3 == 0 ? "draft" : "terbit")).ToList();
        var duplicate = Guid.NewGuid();
        await Task.WhenAll(versions.Select(m => Factory.Publish(m)).Concat(others.Select(m => Factory.Publish(m)))
            .Append(Factory.Publish(others[1], duplicate)).Append(Factory.Publish(others[1], duplicate)));

        var store = Factory.Services.GetRequiredService<IDocumentStore>();
        await HttpAssertions.Eventually<string?>(async () =>
        {
            await using var session = store.QuerySession(Instansi);
            return await session.Query<KnowledgeArticleFact>().CountAsync() == 7 && (await session.LoadAsync<KnowledgeArticleFact>(moving))?.Version == 4 ? "applied" : null;
        }, TimeSpan.FromSeconds(30), "every article fact to be applied");

        await using (var session = store.QuerySession(Instansi))
        {
            var bases = (await session.Query<KnowledgeBaseSummary>().ToListAsync()).ToDictionary(k => k.Id);
            Assert.Equal((6, 4, 0), (bases["dinkes"].Total, bases["dinkes"].Published, bases["dinkes"].Integrated));
            Assert.Equal((1, 1, 1), (bases["dishub"].Total, bases["dishub"].Published, bases["dishub"].Integrated));
            Assert.DoesNotContain(bases["dinkes"].PublishedSamples, s => s.Id == moving);
        }

        var detail = await Indicator(26);
        var coverage = detail.GetProperty("levels").EnumerateArray().SelectMany(l => l.GetProperty("criteria").EnumerateArray())
            .Single(c => c.GetProperty("id").GetString() == "26.4.coverage");
        Assert.Equal(1.0, coverage.GetProperty("actual").GetDouble());
    }
}
