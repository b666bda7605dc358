using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using SpbeOps.Testing;

namespace SpbeOps.Gateway.Tests;

/// <summary>The gateway in front of one stub backend that stands in for every listed service.</summary>
public abstract class GatewayHost(IReadOnlyDictionary<string, string> settings) : IAsyncLifetime
{
    protected StubBackend Backend { get; private set; } = null!;
    protected WebApplicationFactory<Program> Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Backend = await StubBackend.StartAsync();
        Gateway = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Auth:SigningKey", TestAuth.SigningKey);
            foreach (var (key, value) in settings) b.UseSetting(key, value);
            foreach (var service in ServiceList.Load(ServiceList.DefaultPath).Services())
                b.UseSetting($"ReverseProxy:Clusters:{service.Name}:Destinations:d1:Address", Backend.Address);
        });
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Backend.DisposeAsync();
    }
}
