using SpbeOps.Indicators.Api.Facts;

namespace SpbeOps.Indicators.Tests.Unit;

/// <summary>The per-OPD risk register counts that replace loading every risk (issue 8).</summary>
public sealed class RiskRegisterSummaryTests
{
    private static RiskFact Risk(bool complete = true, bool above = false, bool treated = false, bool withdrawn = false, Guid? id = null) => new()
    {
        Id = id ?? Guid.NewGuid(), Version = 1, Opd = "dinkes", PeriodYear = 2026, Category = "Keamanan SPBE", Besaran = above ? 20 : 5,
        AboveAppetite = above, AssessmentComplete = complete, TreatmentDecided = treated, Withdrawn = withdrawn, RiskType = "negatif",
    };

    [Fact]
    public void Counts_follow_each_risk_in_and_out_and_withdrawn_risks_do_not_count()
    {
        var register = RiskRegisterSummary.For(Risk());
        var incomplete = Risk(complete: false, above: true);
        register.Add(incomplete);
        register.Add(Risk(above: true, treated: true));
        register.Add(Risk(withdrawn: true));
        Assert.Equal((2, 1, 2, 1), (register.Current, register.Incomplete, register.AboveAppetite, register.Untreated));

        // The incomplete, untreated risk is assessed and treated: its old copy leaves, the new one enters.
        register.Remove(incomplete);
        register.Add(Risk(above: true, treated: true, id: incomplete.Id));
        Assert.Equal((2, 0, 2, 0), (register.Current, register.Incomplete, register.AboveAppetite, register.Untreated));
        Assert.Empty(register.IncompleteSamples);
        Assert.Empty(register.UntreatedSamples);
        Assert.Equal(2, register.TreatedSamples.Count);
        Assert.False(register.NeedsSamples);
    }

    [Fact]
    public void A_sample_that_leaves_a_full_list_asks_for_a_resample_which_refills_from_the_candidates()
    {
        var register = RiskRegisterSummary.For(Risk());
        var risks = Enumerable.Range(0, RiskRegisterSummary.Samples + 3).Select(_ => Risk(complete: false)).ToList();
        foreach (var r in risks) register.Add(r);
        Assert.Equal(RiskRegisterSummary.Samples, register.IncompleteSamples.Count);

        var sampled = risks.First(r => register.IncompleteSamples.Any(s => s.Id == r.Id));
        register.Remove(sampled);
        Assert.True(register.NeedsSamples);

        register.Resample(risks.Where(r => r.Id != sampled.Id), []);
        Assert.False(register.NeedsSamples);
        Assert.DoesNotContain(register.IncompleteSamples, s => s.Id == sampled.Id);
    }
}
