using BenchmarkDotNet.Attributes;
using SpbeOps.Indicators.Api.Facts;
using SpbeOps.Indicators.Api.Maturity;
using SpbeOps.Indicators.Api.Organisation;
using SpbeOps.Indicators.Rubric;

namespace SpbeOps.Benchmarks;

/// <summary>
/// What one consumed fact costs the engine in CPU and memory once the facts are loaded: indicator 24 assessed for
/// the instansi and each of its 30 OPD, as a register grows from 100 to 10,000 assets (the size at which users of
/// other asset tools report slowness). The engine reads per-OPD register summaries, so the figures should stay flat
/// across sizes; compare the Mean and Allocated columns of the three sizes side by side.
/// </summary>
[MemoryDiagnoser]
public class MaturityEngineBenchmarks
{
    private const int OpdCount = 30;
    private readonly SpbeRubric _rubric = RubricLoader.LoadEmbedded();
    private MaturityEngine _engine = null!;
    private FactSet _facts = null!;
    private string[] _opds = [];

    [Params(100, 1_000, 10_000)]
    public int Assets { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _engine = new MaturityEngine(_rubric, TimeProvider.System);
        _opds = Enumerable.Range(1, OpdCount).Select(i => $"opd-{i:00}").ToArray();
        _facts = new FactSet().With(new OrganisationProfile
        {
            IctUnitOpd = _opds[0],
            PerangkatDaerah = [.. _opds.Select(o => new PerangkatDaerah(o, o))],
        });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var stages = new[] { "perencanaan", "pengadaan", "pemanfaatan", "penghapusan" };
        for (var i = 0; i < Assets; i++)
        {
            _facts.With(new AssetFact { Id = Guid.NewGuid(), Version = 1, Opd = _opds[i % OpdCount], Kind = "hardware", Name = $"Aset {i}", Stage = stages[i % 4] });
        }
        var review = Guid.NewGuid();
        _facts.With(new GovernanceFact { Id = Guid.NewGuid(), Version = 1, Indicator = 24, RecordType = "programme", Title = "p", AllOpd = true, Date = today.AddDays(-5), EndDate = today.AddDays(30) });
        _facts.With(new GovernanceFact { Id = Guid.NewGuid(), Version = 1, Indicator = 24, RecordType = "policy", PolicyKind = "sop", Title = "s", AllOpd = true, Date = today.AddDays(-5), ValidFrom = today.AddDays(-5), Covers = [.. stages] });
        _facts.With(new GovernanceFact { Id = review, Version = 1, Indicator = 24, RecordType = "review", Title = "r", AllOpd = true, Date = today.AddDays(-5) });
    }

    [Benchmark(Baseline = true, Description = "indicator 24, instansi + 30 OPD")]
    public int AssessAllScopes()
    {
        var total = _engine.Assess(24, null, _facts).Level;
        foreach (var opd in _opds) total += _engine.Assess(24, opd, _facts).Level;
        return total;
    }

    [Benchmark(Description = "Indeks SPBE from 47 levels")]
    public decimal ComputeIndex() =>
        IndexCalculator.Compute(_rubric, _rubric.Indicators.ToDictionary(i => i.Number, i => (decimal)(i.Number % 5 + 1))).Index;
}
