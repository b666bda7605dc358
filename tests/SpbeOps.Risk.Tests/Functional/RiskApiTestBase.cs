using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SpbeOps.Testing;

namespace SpbeOps.Risk.Tests.Functional;

/// <summary>Clients per role in a fresh instansi, and the calls most tests start with.</summary>
public abstract class RiskApiTestBase(InfrastructureFixture infrastructure, RiskHost host)
{
    protected readonly InfrastructureFixture Infrastructure = infrastructure;
    protected readonly RiskApiFactory Factory = host.For(infrastructure);
    protected readonly string Instansi = Tenants.New();

    protected HttpClient Operator(string opd) => Factory.CreateClientFor("opd-operator", Instansi, opd);
    protected HttpClient Admin() => Factory.CreateClientFor("diskominfo-admin", Instansi);
    protected HttpClient Auditor() => Factory.CreateClientFor("auditor", Instansi);
    protected HttpClient Anonymous() => Factory.CreateClient();

    protected static async Task<JsonElement> Created(HttpClient client, string url, object body) =>
        await (await client.PostAsJsonAsync(url, body).ShouldBe(HttpStatusCode.Created)).ReadJson();

    protected static async Task<JsonElement> Ok(Task<HttpResponseMessage> call) => await (await call.ShouldBe(HttpStatusCode.OK)).ReadJson();

    protected async Task<JsonElement> Context(string opd, int year = RiskRequests.Year) =>
        await Created(Operator(opd), "/api/risks/contexts", RiskRequests.Context(opd, year));

    protected async Task<JsonElement> NewRisk(string opd, int likelihood = 4, int impact = 4, string type = "negatif", string category = "infrastruktur-spbe") =>
        await Created(Operator(opd), "/api/risks", RiskRequests.Risk(opd, likelihood, impact, type, category));

    protected static Guid Id(JsonElement e) => e.GetProperty("id").GetGuid();

    protected static async Task<JsonElement> Problem(Task<HttpResponseMessage> call, HttpStatusCode status) => await (await call.ShouldBe(status)).ReadJson();

    protected static void AssertRule(JsonElement problem, string rule, string? field = null)
    {
        Assert.Equal(rule, problem.GetProperty("rule").GetString());
        if (field is not null) Assert.Equal(field, problem.GetProperty("field").GetString());
    }
}
