namespace SpbeOps.Risk.Tests.Functional;

/// <summary>A Risk test on the host its class shares, and the records most tests start with.</summary>
public abstract class RiskApiTestBase(InfrastructureFixture infrastructure, RiskHost host)
    : ServiceTest<RiskApiFactory>(host, () => new RiskApiFactory(infrastructure)), IClassFixture<RiskHost>
{
    protected readonly InfrastructureFixture Infrastructure = infrastructure;

    protected async Task<JsonElement> Context(string opd, int year = RiskRequests.Year) =>
        await Created(Operator(opd), "/api/risks/contexts", RiskRequests.Context(opd, year));

    protected async Task<JsonElement> NewRisk(string opd, int likelihood = 4, int impact = 4, string type = "negatif", string category = "infrastruktur-spbe") =>
        await Created(Operator(opd), "/api/risks", RiskRequests.Risk(opd, likelihood, impact, type, category));
}
