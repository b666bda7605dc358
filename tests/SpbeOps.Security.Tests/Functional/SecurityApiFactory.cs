using Marten;
using Microsoft.Extensions.DependencyInjection;
using SpbeOps.Contracts.Assets;
using SpbeOps.Contracts.Risk;
using SpbeOps.Security.Api.Known;

namespace SpbeOps.Security.Tests.Functional;

public sealed class SecurityApiFactory(InfrastructureFixture infrastructure) : ServiceFactory<Program>(infrastructure);

/// <summary>One Security host per test class (its own schema and queues); each test works in a fresh instansi.</summary>
public sealed class SecurityHost : SharedHost<SecurityApiFactory>;

public abstract class SecurityApiTest(InfrastructureFixture infrastructure, SecurityHost host)
    : ServiceTest<SecurityApiFactory>(host, () => new SecurityApiFactory(infrastructure)), IClassFixture<SecurityHost>
{
    protected HttpClient Officer() => Factory.CreateClientFor("security-officer", Instansi);

    protected HttpClient Walidata() => Factory.CreateClientFor("walidata", Instansi);

    /// <summary>What the Risk service's events would have taught this instansi: a risk of <paramref name="opd"/>.</summary>
    protected async Task<Guid> LearnRisk(string opd, bool withdrawn = false)
    {
        var id = Guid.NewGuid();
        await using var session = Factory.Services.GetRequiredService<IDocumentStore>().LightweightSession(Instansi);
        session.Store(KnownRisk.From(new RiskChangedIntegrationEvent(Instansi, id, 1, opd, 2026, "negatif", "keamanan-spbe", 15, null,
            true, true, true, "draft", withdrawn, DateTimeOffset.UtcNow)));
        await session.SaveChangesAsync();
        return id;
    }

    /// <summary>What the Assets service's events would have taught this instansi: an application of <paramref name="opd"/>.</summary>
    protected async Task<Guid> LearnAsset(string opd)
    {
        var id = Guid.NewGuid();
        await using var session = Factory.Services.GetRequiredService<IDocumentStore>().LightweightSession(Instansi);
        session.Store(KnownAsset.From(new AssetChangedIntegrationEvent(Instansi, id, 1, opd, "application", "SIMPUS", "pemanfaatan", "aplikasi-khusus", DateTimeOffset.UtcNow)));
        await session.SaveChangesAsync();
        return id;
    }

    /// <summary>Adopts the baseline and returns the id of one of its controls.</summary>
    protected async Task<Guid> Control(string code = "APL-01")
    {
        await Officer().PutAsync("/api/security/controls/baseline", null).ShouldBe(HttpStatusCode.OK);
        var controls = await Ok(Admin().GetAsync($"/api/security/controls?q={code}"));
        return Id(controls.EnumerateArray().Single(c => c.GetProperty("code").GetString() == code));
    }
}
