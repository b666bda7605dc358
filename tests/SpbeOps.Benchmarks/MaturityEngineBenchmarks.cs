namespace SpbeOps.Benchmarks;

/// <summary>
/// What one consumed fact costs the engine in CPU and memory once the facts are loaded: indicator 24 assessed for
/// the instansi and each of its 30 OPD, as a register grows from 100 to 10,000 assets (the size at which users of
/// other asset tools report slowness). The engine reads per-OPD register summaries, so the figures should stay flat
/// across sizes; compare the Mean and Allocated columns of the three sizes side by side.
/// </summary>
[MemoryDiagnoser]
public class MaturityEngineBenchmarks : EngineBenchmark
{
    private FactSet _facts = null!;

    [Params(100, 1_000, 10_000)]
    public int Assets { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _facts = NewInstansi();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var i = 0; i < Assets; i++)
        {
            _facts.With(new AssetFact { Id = Guid.NewGuid(), Version = 1, Opd = Opds[i % OpdCount], Kind = "hardware", Name = $"Aset {i}", Stage = Stages[i % 4] });
        }
        var review = Guid.NewGuid();
        _facts.With(new GovernanceFact { Id = Guid.NewGuid(), Version = 1, Indicator = 24, RecordType = "programme", Title = "p", AllOpd = true, Date = today.AddDays(-5), EndDate = today.AddDays(30) });
        _facts.With(new GovernanceFact { Id = Guid.NewGuid(), Version = 1, Indicator = 24, RecordType = "policy", PolicyKind = "sop", Title = "s", AllOpd = true, Date = today.AddDays(-5), ValidFrom = today.AddDays(-5), Covers = [.. Stages] });
        _facts.With(new GovernanceFact { Id = review, Version = 1, Indicator = 24, RecordType = "review", Title = "r", AllOpd = true, Date = today.AddDays(-5) });
    }

    [Benchmark(Baseline = true, Description = "indicator 24, instansi + 30 OPD")]
    public int AssessAllScopes()
    {
        var total = Engine.Assess(24, null, _facts).Level;
        foreach (var opd in Opds) total += Engine.Assess(24, opd, _facts).Level;
        return total;
    }

    [Benchmark(Description = "Indeks SPBE from 47 levels")]
    public decimal ComputeIndex() =>
        IndexCalculator.Compute(Rubric, Rubric.Indicators.ToDictionary(i => i.Number, i => (decimal)(i.Number % 5 + 1))).Index;
}
