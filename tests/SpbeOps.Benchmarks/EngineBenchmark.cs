namespace SpbeOps.Benchmarks;

/// <summary>What every engine benchmark starts from: the embedded rubric, the engine, and an instansi of 30 OPD.</summary>
public abstract class EngineBenchmark
{
    protected const int OpdCount = 30;
    protected static readonly string[] Stages = ["perencanaan", "pengadaan", "pemanfaatan", "penghapusan"];
    protected readonly SpbeRubric Rubric = RubricLoader.LoadEmbedded();
    protected MaturityEngine Engine = null!;
    protected string[] Opds = [];

    /// <summary>A fact set with the OPD list (the first OPD is the ICT unit) and nothing else yet.</summary>
    protected FactSet NewInstansi()
    {
        Engine = new MaturityEngine(Rubric, TimeProvider.System);
        Opds = Enumerable.Range(1, OpdCount).Select(i => $"opd-{i:00}").ToArray();
        return new FactSet().With(new OrganisationProfile
        {
            IctUnitOpd = Opds[0],
            PerangkatDaerah = [.. Opds.Select(o => new PerangkatDaerah(o, o))],
        });
    }
}
