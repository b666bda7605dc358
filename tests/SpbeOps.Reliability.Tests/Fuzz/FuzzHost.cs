extern alias assets;
extern alias gateway;
extern alias indicators;
extern alias risk;
extern alias security;
extern alias data;
extern alias servicemanagement;
extern alias competency;
extern alias knowledge;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace SpbeOps.Reliability.Tests.Fuzz;

/// <summary>
/// One service on real Kestrel (a loopback port, as RunningSuite starts the suite), on the real PostgreSQL and
/// RabbitMQ: the fuzz inputs travel as bytes over HTTP/1.1, so what Kestrel itself refuses is seen too (a test server
/// would refuse <c>%00</c> in a path inside the client).
/// </summary>
public sealed class FuzzHost : IAsyncDisposable
{
    private readonly IAsyncDisposable _factory;

    private FuzzHost(IAsyncDisposable factory, Uri address) => (_factory, Address) = (factory, address);

    public Uri Address { get; }

    public static FuzzHost Assets(InfrastructureFixture infrastructure) => Start(new ServiceFactory<assets::Program>(infrastructure));

    public static FuzzHost Risk(InfrastructureFixture infrastructure) => Start(new ServiceFactory<risk::Program>(infrastructure));

    public static FuzzHost Security(InfrastructureFixture infrastructure) => Start(new ServiceFactory<security::Program>(infrastructure));
    public static FuzzHost Data(InfrastructureFixture infrastructure) => Start(new ServiceFactory<data::Program>(infrastructure));

    public static FuzzHost ServiceManagement(InfrastructureFixture infrastructure) => Start(new ServiceFactory<servicemanagement::Program>(infrastructure,
        new Dictionary<string, string?> { ["ServiceManagement:SlaWatch:FirstRunAfter"] = "01:00:00" }));
    public static FuzzHost Competency(InfrastructureFixture infrastructure) => Start(new ServiceFactory<competency::Program>(infrastructure));
    public static FuzzHost Knowledge(InfrastructureFixture infrastructure) => Start(new ServiceFactory<knowledge::Program>(infrastructure));

    public static FuzzHost Indicators(InfrastructureFixture infrastructure) => Start(new ServiceFactory<indicators::Program>(infrastructure,
        new Dictionary<string, string?> { ["Maturity:Recalculation:FirstRunAfter"] = "01:00:00" }));

    /// <summary>The gateway alone (no service behind it answers): enough for what it refuses itself.</summary>
    public static FuzzHost Gateway() => Start(new WebApplicationFactory<gateway::Program>().WithWebHostBuilder(b =>
    {
        b.UseSetting("Auth:SigningKey", TestAuth.SigningKey);
        // A factory made by WithWebHostBuilder does not take UseKestrel(0)'s port: without this it binds :5000.
        b.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
    }));

    private static FuzzHost Start<T>(WebApplicationFactory<T> factory) where T : class
    {
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FuzzHost(factory, new Uri(address + "/"));
    }

    public HttpClient Client(string role, string instansi, string? opd = null) =>
        new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) }.WithToken(role, instansi, opd);

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
