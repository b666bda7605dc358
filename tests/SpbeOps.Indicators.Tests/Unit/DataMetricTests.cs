using SpbeOps.Indicators.Api.Facts;
using SpbeOps.Indicators.Api.Metrics;
using SpbeOps.Indicators.Api.Organisation;
using SpbeOps.Indicators.Rubric;

namespace SpbeOps.Indicators.Tests.Unit;

/// <summary>Indicator 23 (Manajemen Data): its metrics from the Data service's facts and its levels 2–5.</summary>
public sealed class DataMetricTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly SpbeRubric Rubric = RubricLoader.LoadEmbedded();
    private static readonly RubricIndicator Data = Rubric.Indicator(23);
    private static readonly string[] Areas = ["arsitektur-data", "data-induk", "data-referensi", "basis-data", "kualitas-data", "interoperabilitas-data"];

    private static FactSet Facts(params IFact[] facts)
    {
        var set = new FactSet().With(new OrganisationProfile
        {
            PerangkatDaerah = [new("dinkes", "Dinas Kesehatan"), new("dishub", "Dinas Perhubungan")],
        });
        foreach (var f in facts) set.With(f);
        return set;
    }

    private static DatasetFact Dataset(string opd, string status = "dipublikasikan", bool complete = true) => new()
    {
        Id = Guid.NewGuid(), Version = 1, Opd = opd, Title = $"Data {opd}", Status = status, AccessLevel = "terbuka",
        StandarDataComplete = complete, MetadataComplete = complete, Verified = status is "diverifikasi" or "dipublikasikan", QualityScore = 90,
    };

    private static GovernanceFact Record(string type, string? kind = null, string? issuer = null, string[]? covers = null, Guid? reviewId = null,
        string? status = null, DateOnly? completedOn = null) => new()
    {
        Id = Guid.NewGuid(), Version = 1, Indicator = 23, RecordType = type, Title = type, PolicyKind = kind, AllOpd = true,
        Date = Today.AddDays(-10), EndDate = type == "programme" ? Today.AddDays(30) : null, ValidFrom = type == "policy" ? Today.AddDays(-10) : null,
        Issuer = issuer, Covers = [.. covers ?? []], ReviewId = reviewId, Status = status, CompletedOn = completedOn,
    };

    private static IReadOnlyDictionary<string, MetricValue> Measure(FactSet facts, string? opd = null) =>
        MetricCatalog.Measure(Data, new MetricScope(23, opd, facts, Today));

    [Fact]
    public void The_share_of_complete_published_datasets_counts_only_the_published_and_names_the_incomplete()
    {
        var incomplete = Dataset("dinkes", complete: false);
        var facts = Facts(Dataset("dinkes"), Dataset("dinkes"), Dataset("dinkes"), incomplete, Dataset("dishub", "draft", complete: false));
        var share = Measure(facts)["data.published.completeShare"];
        Assert.Equal(0.75, share.Value);
        Assert.Contains(share.Evidence, e => e.Id == incomplete.Id.ToString() && e.Kind == "dataset.incomplete");
        Assert.Equal(0.0, Measure(Facts(Dataset("dinkes", "draft")))["data.published.completeShare"].Value);
    }

    [Fact]
    public void Verified_datasets_and_opd_coverage_come_from_the_per_opd_catalogues()
    {
        var facts = Facts(Dataset("dinkes", "diverifikasi"), Dataset("dinkes"), Dataset("dishub", "diajukan"), Dataset("dishub", "diarsipkan"));
        var m = Measure(facts);
        Assert.Equal(2.0, m["data.datasets.verified"].Value);
        Assert.Equal(0.5, m["data.catalogue.opdCoverage"].Value);
        Assert.Contains(m["data.catalogue.opdCoverage"].Evidence, e => e.Id == "dishub" && e.Kind == "perangkat-daerah.missing");
        Assert.Equal(1.0, Measure(facts, "dinkes")["data.catalogue.opdCoverage"].Value);
        Assert.Equal(0.0, Measure(facts, "dishub")["data.catalogue.opdCoverage"].Value);
        Assert.Equal(1, facts.DataCatalogues["dishub"].Total); // the archived one is not counted
    }

    [Fact]
    public void A_catalogue_summary_moves_a_dataset_between_its_counts()
    {
        var summary = new DataCatalogueSummary { Id = "dinkes" };
        var draft = Dataset("dinkes", "diajukan");
        summary.Add(draft);
        Assert.Equal((1, 0, 0), (summary.Total, summary.Verified, summary.Published));
        var published = Dataset("dinkes");
        published.Id = draft.Id;
        summary.Remove(draft);
        summary.Add(published);
        Assert.Equal((1, 1, 1, 1), (summary.Total, summary.Verified, summary.Published, summary.PublishedComplete));
        Assert.Single(summary.VerifiedSamples);
        summary.Remove(published);
        Assert.Equal((0, 0, 0, 0), (summary.Total, summary.Verified, summary.Published, summary.PublishedComplete));
        Assert.Empty(summary.VerifiedSamples);
    }

    [Fact]
    public void The_data_strategy_must_come_from_the_forum_satu_data_or_the_coordination_team()
    {
        Assert.Equal(false, Measure(Facts(Record("policy", "strategi", "walikota")))["governance.strategy.byDataForum"].Value);
        Assert.Equal(true, Measure(Facts(Record("policy", "strategi", "forum-satu-data")))["governance.strategy.byDataForum"].Value);
        Assert.Equal(true, Measure(Facts(Record("policy", "strategi", "tim-koordinasi-spbe")))["governance.strategy.byDataForum"].Value);
    }

    [Fact]
    public void Indicator_23_climbs_level_by_level_and_says_what_is_missing()
    {
        var facts = Facts();
        Assert.Equal(1, Level(facts).Level);

        facts.With(Record("programme"));
        var two = Level(facts);
        Assert.Equal(2, two.Level);
        Assert.Equal(["23.3.guideline", "23.3.verified", "23.3.complete", "23.3.coverage"], two.MissingForNextLevel.Select(c => c.Id));

        facts.With(Record("policy", "pedoman", "walikota", Areas)).With(Dataset("dinkes"));
        Assert.Equal(3, Level(facts).Level);

        facts.With(Dataset("dishub")).With(Record("policy", "strategi", "forum-satu-data"));
        var review = Record("review");
        facts.With(review);
        var four = Level(facts);
        Assert.Equal(4, four.Level);
        Assert.Equal(["23.5.followUp"], four.MissingForNextLevel.Select(c => c.Id));

        facts.With(Record("follow-up", reviewId: review.Id, status: "selesai", completedOn: Today.AddDays(-1)));
        Assert.Equal(5, Level(facts).Level);
    }

    [Fact]
    public void Guideline_missing_an_area_holds_23_at_level_2()
    {
        var facts = Facts(Record("programme"), Record("policy", "pedoman", "walikota", Areas[..5]), Dataset("dinkes"), Dataset("dishub"));
        var a = Level(facts);
        Assert.Equal(2, a.Level);
        Assert.Equal(["23.3.guideline"], a.MissingForNextLevel.Select(c => c.Id));
    }

    private static LevelAssessment Level(FactSet facts) => LevelEvaluator.Evaluate(Data, Measure(facts));
}
