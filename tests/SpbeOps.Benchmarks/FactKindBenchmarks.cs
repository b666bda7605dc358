namespace SpbeOps.Benchmarks;

/// <summary>
/// What one consumed fact of each kind costs the engine once the facts are in memory (issue 8): the scopes a fact
/// touches are assessed (the instansi and the fact's OPD, decision 6), with 1k, 10k and 100k records of that kind
/// spread over 30 OPD. Assets and datasets are read through per-OPD summaries and stay flat; the other kinds are still
/// scanned record by record by their metrics, so their cost grows with the record count (the next step of issue 8:
/// per-OPD aggregates for every fact kind).
/// </summary>
[MemoryDiagnoser]
public class FactKindBenchmarks : EngineBenchmark
{
    private FactSet _facts = null!;

    public enum Kind { Asset, Governance, RiskContext, Risk, RiskMonitoring, Dataset, KnowledgeArticle }

    [Params(1_000, 10_000, 100_000)]
    public int Records { get; set; }

    [ParamsAllValues]
    public Kind FactKind { get; set; }

    private int Indicator => FactKind switch
    {
        Kind.Asset or Kind.Governance => FactKinds.AssetIndicator,
        Kind.Dataset => FactKinds.DataIndicator,
        Kind.KnowledgeArticle => FactKinds.KnowledgeIndicator,
        _ => FactKinds.RiskIndicator,
    };

    [GlobalSetup]
    public void Setup()
    {
        _facts = NewInstansi();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var i = 0; i < Records; i++)
        {
            var opd = Opds[i % OpdCount];
            _facts.With(FactKind switch
            {
                Kind.Asset => new AssetFact { Id = Guid.NewGuid(), Version = 1, Opd = opd, Kind = "hardware", Name = $"Aset {i}", Stage = Stages[i % 4] },
                Kind.Governance => new GovernanceFact
                {
                    Id = Guid.NewGuid(), Version = 1, Indicator = 24, RecordType = (i % 3) switch { 0 => "programme", 1 => "policy", _ => "review" },
                    PolicyKind = "sop", Title = $"g {i}", AllOpd = i % 2 == 0, ScopeOpds = [opd], Date = today.AddDays(-(i % 400)),
                    ValidFrom = today.AddDays(-(i % 400)), Covers = [.. Stages],
                },
                Kind.RiskContext => new RiskContextFact { Id = Guid.NewGuid(), Version = 1, Opd = opd, PeriodYear = today.Year - i % 3, Complete = i % 2 == 0 },
                Kind.Risk => new RiskFact
                {
                    Id = Guid.NewGuid(), Version = 1, Opd = opd, PeriodYear = today.Year, Category = "c", Besaran = i % 25 + 1,
                    AboveAppetite = i % 2 == 0, AssessmentComplete = i % 5 != 0, TreatmentDecided = i % 3 != 0,
                },
                Kind.Dataset => new DatasetFact
                {
                    Id = Guid.NewGuid(), Version = 1, Opd = opd, Title = $"Data {i}", Status = (i % 3) switch { 0 => "draft", 1 => "diverifikasi", _ => "dipublikasikan" },
                    StandarDataComplete = i % 4 != 0, MetadataComplete = true, Verified = i % 3 != 0,
                },
                Kind.KnowledgeArticle => new KnowledgeArticleFact
                {
                    Id = Guid.NewGuid(), Version = 1, Opd = opd, Title = $"Artikel {i}", Status = (i % 3) switch { 0 => "draft", 1 => "reviu", _ => "terbit" },
                    SourceService = i % 10 == 0 ? "security" : null,
                },
                _ => new RiskMonitoringFact { Id = Guid.NewGuid(), Version = 1, Opd = opd, Kind = "triwulan", ReportedOn = today.AddDays(-(i % 200)) },
            });
        }
    }

    [Benchmark(Description = "one fact: instansi + its OPD assessed")]
    public int AssessTouchedScopes() =>
        Engine.Assess(Indicator, null, _facts).Level + Engine.Assess(Indicator, Opds[7], _facts).Level;
}
