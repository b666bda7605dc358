namespace SpbeOps.Indicators.Api.Facts;

public sealed record RiskSample(Guid Id, string Label);

/// <summary>
/// One OPD's risk register of one period as indicator 21 needs it: how many current risks, how many still without a
/// complete assessment, above the appetite and untreated, and a few of each to show as evidence. Kept up to date fact
/// by fact like <see cref="AssetRegisterSummary"/>, so a recalculation reads one small document per OPD and period
/// instead of every risk of the instansi (issue 8: a register of 100,000 risks costs the same as one of 10).
/// </summary>
public sealed class RiskRegisterSummary
{
    public const int Samples = 5;

    /// <summary><see cref="IdFor"/>: the period and the OPD code.</summary>
    public string Id { get; set; } = "";
    public string Opd { get; set; } = "";
    public int PeriodYear { get; set; }

    /// <summary>Risks of the period that are not withdrawn.</summary>
    public int Current { get; set; }
    public int Incomplete { get; set; }
    public int AboveAppetite { get; set; }
    public int Untreated { get; set; }

    public List<RiskSample> IncompleteSamples { get; set; } = [];
    public List<RiskSample> CompleteSamples { get; set; } = [];
    public List<RiskSample> UntreatedSamples { get; set; } = [];
    public List<RiskSample> TreatedSamples { get; set; } = [];

    public static string IdFor(string opd, int periodYear) => $"{periodYear}:{opd.ToLowerInvariant()}";

    public static RiskRegisterSummary For(RiskFact risk) => new() { Id = IdFor(risk.Opd, risk.PeriodYear), Opd = risk.Opd, PeriodYear = risk.PeriodYear };

    /// <summary>Fewer samples are kept than exist (one left a list): the consumer reloads a few.</summary>
    public bool NeedsSamples =>
        IncompleteSamples.Count < Math.Min(Samples, Incomplete) || CompleteSamples.Count < Math.Min(Samples, Current - Incomplete)
        || UntreatedSamples.Count < Math.Min(Samples, Untreated) || TreatedSamples.Count < Math.Min(Samples, AboveAppetite - Untreated);

    public void Add(RiskFact risk)
    {
        if (risk.Withdrawn) return;
        Current++;
        if (!risk.AssessmentComplete) Incomplete++;
        if (risk.AboveAppetite) AboveAppetite++;
        if (risk.AboveAppetite && !risk.TreatmentDecided) Untreated++;
        Sample(risk);
    }

    public void Remove(RiskFact risk)
    {
        if (risk.Withdrawn) return;
        Current = Math.Max(0, Current - 1);
        if (!risk.AssessmentComplete) Incomplete = Math.Max(0, Incomplete - 1);
        if (risk.AboveAppetite) AboveAppetite = Math.Max(0, AboveAppetite - 1);
        if (risk.AboveAppetite && !risk.TreatmentDecided) Untreated = Math.Max(0, Untreated - 1);
        foreach (var list in new[] { IncompleteSamples, CompleteSamples, UntreatedSamples, TreatedSamples }) list.RemoveAll(s => s.Id == risk.Id);
    }

    /// <summary>Refills the sample lists from <paramref name="candidates"/> (a few of the register's risks of each kind, as stored) and the risks just applied.</summary>
    public void Resample(IEnumerable<RiskFact> candidates, IReadOnlyCollection<RiskFact> applied)
    {
        IncompleteSamples = [];
        CompleteSamples = [];
        UntreatedSamples = [];
        TreatedSamples = [];
        foreach (var risk in candidates.Where(c => applied.All(a => a.Id != c.Id)).Concat(applied)
                     .Where(r => !r.Withdrawn && r.PeriodYear == PeriodYear && string.Equals(r.Opd, Opd, StringComparison.OrdinalIgnoreCase)))
            Sample(risk);
    }

    private void Sample(RiskFact r)
    {
        static void Keep(List<RiskSample> list, RiskSample sample)
        {
            if (list.Count < Samples && list.All(s => s.Id != sample.Id)) list.Add(sample);
        }

        if (r.AssessmentComplete) Keep(CompleteSamples, new RiskSample(r.Id, $"{r.Opd}: {r.Category} (besaran {r.Besaran})"));
        else Keep(IncompleteSamples, new RiskSample(r.Id, $"{r.Opd}: {r.Category} — Formulir 3.0 belum lengkap / incomplete"));
        if (!r.AboveAppetite) return;
        if (r.TreatmentDecided) Keep(TreatedSamples, new RiskSample(r.Id, $"{r.Opd}: {r.Category} (besaran {r.Besaran}, residual {r.ResidualBesaran})"));
        else Keep(UntreatedSamples, new RiskSample(r.Id, $"{r.Opd}: {r.Category} (besaran {r.Besaran}) tanpa rencana penanganan / no treatment plan"));
    }
}
