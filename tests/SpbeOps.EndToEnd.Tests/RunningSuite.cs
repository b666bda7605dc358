extern alias assets;
extern alias gateway;
extern alias indicators;
extern alias risk;
extern alias security;
extern alias data;
extern alias servicemanagement;
extern alias competency;
extern alias knowledge;
extern alias dashboard;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using gateway::SpbeOps.Gateway;

namespace SpbeOps.EndToEnd.Tests;

/// <summary>
/// Every service of deploy/services.txt and the gateway, each on its own loopback port (real Kestrel, real HTTP
/// between gateway and services), on the real PostgreSQL and RabbitMQ: the suite as <c>./spbe up</c> runs it, in
/// one test process.
/// </summary>
public sealed class RunningSuite : IAsyncDisposable
{
    /// <summary>
    /// How to start each listed service (by its name in the list): a new service needs an entry here and an aliased
    /// ProjectReference in the csproj. <see cref="RunningSuiteTests"/> fails when the two disagree.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Func<RunningSuite, InfrastructureFixture, string>> Starters =
        new Dictionary<string, Func<RunningSuite, InfrastructureFixture, string>>
        {
            ["assets"] = (suite, infrastructure) => suite.Start(new ServiceFactory<assets::Program>(infrastructure)),
            ["indicators"] = (suite, infrastructure) => suite.Start(new ServiceFactory<indicators::Program>(infrastructure,
                new Dictionary<string, string?> { ["Live:KeepAlive"] = "00:00:02" })),
            ["risk"] = (suite, infrastructure) => suite.Start(new ServiceFactory<risk::Program>(infrastructure)),
            ["security"] = (suite, infrastructure) => suite.Start(new ServiceFactory<security::Program>(infrastructure)),
            ["data"] = (suite, infrastructure) => suite.Start(new ServiceFactory<data::Program>(infrastructure)),
            ["servicemanagement"] = (suite, infrastructure) => suite.Start(new ServiceFactory<servicemanagement::Program>(infrastructure)),
            ["competency"] = (suite, infrastructure) => suite.Start(new ServiceFactory<competency::Program>(infrastructure)),
            ["knowledge"] = (suite, infrastructure) => suite.Start(new ServiceFactory<knowledge::Program>(infrastructure)),
            // The dashboard calls the Indicators API directly (started before it: the list's order), as under ./spbe.
            ["dashboard"] = (suite, infrastructure) => suite.Start(new DashboardFactory(infrastructure, suite.Addresses["indicators"])),
        };

    /// <summary>The services of deploy/services.txt (copied next to the test binaries with the gateway).</summary>
    public static IReadOnlyList<ServiceEntry> Listed { get; } = ServiceList.Load(ServiceList.DefaultPath).Services();

    private readonly List<IAsyncDisposable> _hosts = [];

    /// <summary>The address of each service started so far, by its name in the list.</summary>
    public Dictionary<string, string> Addresses { get; } = [];

    public string GatewayUrl { get; private set; } = "";

    public static async Task<RunningSuite> StartAsync(InfrastructureFixture infrastructure)
    {
        var suite = new RunningSuite();
        var addresses = suite.Addresses;
        foreach (var service in Listed)
        {
            if (!Starters.TryGetValue(service.Name, out var start))
                throw new InvalidOperationException($"deploy/services.txt lists '{service.Name}', which RunningSuite.Starters cannot start.");
            addresses[service.Name] = start(suite, infrastructure);
        }

        var gateway = new WebApplicationFactory<gateway::Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Auth:SigningKey", TestAuth.SigningKey);
            // A factory made by WithWebHostBuilder does not take UseKestrel(0)'s port: without this it binds :5000,
            // and two suites running side by side (the fuzz tests start a gateway too) collide.
            b.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
            foreach (var (name, address) in addresses)
                b.UseSetting($"ReverseProxy:Clusters:{name}:Destinations:d1:Address", address);
        });
        suite.GatewayUrl = suite.Start(gateway);
        await Task.CompletedTask;
        return suite;
    }

    private string Start<T>(WebApplicationFactory<T> factory) where T : class
    {
        factory.UseKestrel(0);
        factory.StartServer();
        _hosts.Add(factory);
        return factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
    }

    public HttpClient Client(string role, string instansi, string? opd = null) =>
        new HttpClient { BaseAddress = new Uri(GatewayUrl), Timeout = TimeSpan.FromSeconds(60) }.WithToken(role, instansi, opd);

    /// <summary>
    /// The dashboard on the test infrastructure's settings, with its Indicators address, and its static web assets
    /// (MudBlazor's, Blazor's script) served from the build output as in Development.
    /// </summary>
    private sealed class DashboardFactory(InfrastructureFixture infrastructure, string indicators)
        : ServiceFactory<dashboard::Program>(infrastructure, new Dictionary<string, string?> { ["Services:indicators"] = indicators })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseStaticWebAssets();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Enumerable.Reverse(_hosts)) await host.DisposeAsync();
    }
}
