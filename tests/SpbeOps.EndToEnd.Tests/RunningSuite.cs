extern alias assets;
extern alias gateway;
extern alias indicators;
extern alias risk;

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SpbeOps.Testing;

namespace SpbeOps.EndToEnd.Tests;

/// <summary>
/// Every service and the gateway, each on its own loopback port (real Kestrel, real HTTP between gateway and
/// services), on the real PostgreSQL and RabbitMQ: the suite as <c>./spbe up</c> runs it, in one test process.
/// </summary>
public sealed class RunningSuite : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _hosts = [];

    public string GatewayUrl { get; private set; } = "";

    public static async Task<RunningSuite> StartAsync(InfrastructureFixture infrastructure)
    {
        var suite = new RunningSuite();
        var assets = suite.Start(new ServiceFactory<assets::Program>(infrastructure));
        var risk = suite.Start(new ServiceFactory<risk::Program>(infrastructure));
        var indicators = suite.Start(new ServiceFactory<indicators::Program>(infrastructure,
            new Dictionary<string, string?> { ["Live:KeepAlive"] = "00:00:02" }));

        var gateway = new WebApplicationFactory<gateway::Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Auth:SigningKey", TestAuth.SigningKey);
            b.UseSetting("ReverseProxy:Clusters:assets:Destinations:d1:Address", assets);
            b.UseSetting("ReverseProxy:Clusters:indicators:Destinations:d1:Address", indicators);
            b.UseSetting("ReverseProxy:Clusters:risk:Destinations:d1:Address", risk);
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

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Enumerable.Reverse(_hosts)) await host.DisposeAsync();
    }
}
