using SpbeOps.Indicators.Api.Facts;

namespace SpbeOps.Indicators.Tests.Unit;

/// <summary>Which OPD scopes a fact's change recomputes (issue 8: only the scopes a fact touches).</summary>
public sealed class TouchedScopeTests
{
    [Fact]
    public void An_opd_fact_touches_its_opd_and_the_one_it_left()
    {
        Assert.Equal(["dinkes"], Fact.Touched(new AssetFact { Opd = "dinkes" }, null)!);
        Assert.Equal(["dishub", "dinkes"], Fact.Touched(new RiskFact { Opd = "dishub" }, new RiskFact { Opd = "dinkes" })!);
        Assert.Equal(["dinkes"], Fact.Touched(new AssetFact { Opd = "dinkes" }, new AssetFact { Opd = "dinkes" })!);
    }

    [Fact]
    public void A_governance_record_touches_its_scope_or_every_opd_when_it_applies_to_all_now_or_before()
    {
        Assert.Null(Fact.Touched(new GovernanceFact { AllOpd = true }, null));
        Assert.Null(Fact.Touched(new GovernanceFact { ScopeOpds = ["dinkes"] }, new GovernanceFact { AllOpd = true }));
        Assert.Equal(["dinkes", "dishub"],
            Fact.Touched(new GovernanceFact { ScopeOpds = ["dinkes"] }, new GovernanceFact { ScopeOpds = ["dishub"] })!);
    }
}
