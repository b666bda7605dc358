using SpbeOps.Contracts.Knowledge;
using SpbeOps.Indicators.Api.Facts;
using SpbeOps.Indicators.Api.Metrics;
using SpbeOps.Indicators.Api.Organisation;
using SpbeOps.Indicators.Rubric;

namespace SpbeOps.Indicators.Tests.Unit;

/// <summary>Indicator 26 (Manajemen Pengetahuan): its metrics from the Knowledge service's facts and its levels 2–5.</summary>
public sealed class KnowledgeMetricTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly RubricIndicator Knowledge = Rubric().Indicator(26);
    private static readonly string[] Steps = ["pengumpulan", "pengolahan", "penyimpanan", "penggunaan", "alih-pengetahuan"];

    private static SpbeRubric Rubric() => RubricLoader.LoadEmbedded();

    private static FactSet Facts(params IFact[] facts)
    {
        var set = new FactSet().With(new OrganisationProfile
        {
            PerangkatDaerah = [new("dinkes", "Dinas Kesehatan"), new("dishub", "Dinas Perhubungan")],
        });
        foreach (var f in facts) set.With(f);
        return set;
    }

    private static KnowledgeArticleFact Article(string opd, string status = "terbit", string? source = null) =>
        KnowledgeArticleFact.From(new KnowledgeArticleChangedIntegrationEvent(
            "kota-x", Guid.NewGuid(), 1, opd, $"Artikel {opd}", status, source, Today.AddMonths(6), DateTimeOffset.UtcNow));

    private static GovernanceFact Record(string type, string? kind = null, string[]? covers = null, Guid? reviewId = null,
        string? status = null, DateOnly? completedOn = null) => new()
    {
        Id = Guid.NewGuid(), Version = 1, Indicator = 26, RecordType = type, Title = type, PolicyKind = kind, AllOpd = true,
        Date = Today.AddDays(-10), EndDate = type == "programme" ? Today.AddDays(30) : null, ValidFrom = type == "policy" ? Today.AddDays(-10) : null,
        Issuer = "walikota", Covers = [.. covers ?? []], ReviewId = reviewId, Status = status, CompletedOn = completedOn,
    };

    private static IReadOnlyDictionary<string, MetricValue> Measure(FactSet facts, string? opd = null) =>
        MetricCatalog.Measure(Knowledge, new MetricScope(26, opd, facts, Today));

    [Fact]
    public void Published_and_integrated_articles_and_opd_coverage_come_from_the_per_opd_summaries()
    {
        var captured = Article("dinkes", source: "security");
        var facts = Facts(Article("dinkes"), captured, Article("dinkes", "draft", "servicemanagement"), Article("dishub", "reviu"), Article("dishub", "diarsipkan"));
        var m = Measure(facts);
        Assert.Equal(2.0, m["knowledge.articles.published"].Value);
        Assert.Equal(1.0, m["knowledge.articles.integrated"].Value);
        Assert.Contains(m["knowledge.articles.integrated"].Evidence, e => e.Id == captured.Id.ToString() && e.Kind == "knowledge-article.integrated");
        Assert.Equal(0.5, m["knowledge.base.opdCoverage"].Value);
        Assert.Contains(m["knowledge.base.opdCoverage"].Evidence, e => e.Id == "dishub" && e.Kind == "perangkat-daerah.missing");
        Assert.Equal(0.0, Measure(facts, "dishub")["knowledge.articles.published"].Value);
        Assert.Equal(1.0, Measure(facts, "dinkes")["knowledge.base.opdCoverage"].Value);
        Assert.Equal(1, facts.KnowledgeBases["dishub"].Total); // the archived one is not counted
    }

    [Fact]
    public void A_summary_moves_an_article_between_its_counts()
    {
        var summary = new KnowledgeBaseSummary { Id = "dinkes" };
        var draft = Article("dinkes", "draft", "security");
        summary.Add(draft);
        Assert.Equal((1, 0, 0), (summary.Total, summary.Published, summary.Integrated));
        var published = Article("dinkes", "terbit", "security");
        published.Id = draft.Id;
        summary.Remove(draft);
        summary.Add(published);
        Assert.Equal((1, 1, 1), (summary.Total, summary.Published, summary.Integrated));
        Assert.Single(summary.IntegratedSamples);
        summary.Remove(published);
        Assert.Equal((0, 0, 0), (summary.Total, summary.Published, summary.Integrated));
        Assert.Empty(summary.PublishedSamples);
    }

    [Fact]
    public void Indicator_26_climbs_level_by_level_and_says_what_is_missing()
    {
        var facts = Facts();
        Assert.Equal(1, Level(facts).Level);

        facts.With(Record("programme"));
        var two = Level(facts);
        Assert.Equal(2, two.Level);
        Assert.Equal(["26.3.guideline", "26.3.application"], two.MissingForNextLevel.Select(c => c.Id));

        facts.With(Record("policy", "pedoman", Steps)).With(Article("dinkes"));
        var three = Level(facts);
        Assert.Equal(3, three.Level);
        Assert.Equal(["26.4.coverage", "26.4.integrated", "26.4.review"], three.MissingForNextLevel.Select(c => c.Id));

        var review = Record("review");
        facts.With(Article("dishub", source: "servicemanagement")).With(review);
        var four = Level(facts);
        Assert.Equal(4, four.Level);
        Assert.Equal(["26.5.followUp"], four.MissingForNextLevel.Select(c => c.Id));

        facts.With(Record("follow-up", reviewId: review.Id, status: "selesai", completedOn: Today.AddDays(-1)));
        Assert.Equal(5, Level(facts).Level);
    }

    [Fact]
    public void A_guideline_missing_a_step_or_no_published_article_holds_26_at_level_2()
    {
        Assert.Equal(2, Level(Facts(Record("programme"), Record("policy", "pedoman", Steps[..4]), Article("dinkes"))).Level);
        Assert.Equal(2, Level(Facts(Record("programme"), Record("policy", "pedoman", Steps), Article("dinkes", "reviu"))).Level);
    }

    [Fact]
    public void Integration_counts_only_published_articles_from_another_service()
    {
        var facts = Facts(Record("programme"), Record("policy", "pedoman", Steps), Record("review"), Article("dinkes"), Article("dishub"),
            Article("dishub", "draft", "security"));
        var a = Level(facts);
        Assert.Equal(3, a.Level);
        Assert.Equal(["26.4.integrated"], a.MissingForNextLevel.Select(c => c.Id));
    }

    private static LevelAssessment Level(FactSet facts) => LevelEvaluator.Evaluate(Knowledge, Measure(facts));
}
