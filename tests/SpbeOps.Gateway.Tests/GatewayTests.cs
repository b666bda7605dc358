using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Configuration;
using SpbeOps.Testing;

namespace SpbeOps.Gateway.Tests;

public sealed class GatewayTests : IAsyncLifetime
{
    private StubBackend _backend = null!;
    private WebApplicationFactory<Program> _gateway = null!;

    public async Task InitializeAsync()
    {
        _backend = await StubBackend.StartAsync();
        _gateway = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Auth:SigningKey", TestAuth.SigningKey);
            b.UseSetting("Gateway:RequestsPerMinute", "5");
            foreach (var service in Listed)
                b.UseSetting($"ReverseProxy:Clusters:{service.Name}:Destinations:d1:Address", _backend.Address);
        });
    }

    /// <summary>The services of deploy/services.txt, as copied next to the gateway.</summary>
    private static readonly IReadOnlyList<ServiceEntry> Listed = ServiceList.Load(ServiceList.DefaultPath).Services();

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _backend.DisposeAsync();
    }

    private HttpClient Member(string role = "diskominfo-admin") => _gateway.CreateClient().WithToken(role, "kota-pangkalpinang");

    [Fact]
    public async Task Every_route_and_cluster_in_configuration_is_valid_and_names_an_authorization_policy()
    {
        var validator = _gateway.Services.GetRequiredService<IConfigValidator>();
        var provider = _gateway.Services.GetRequiredService<IProxyConfigProvider>().GetConfig();
        Assert.NotEmpty(provider.Routes);
        foreach (var route in provider.Routes)
        {
            Assert.Empty(await validator.ValidateRouteAsync(route));
            Assert.False(string.IsNullOrEmpty(route.AuthorizationPolicy), $"route {route.RouteId} has no explicit authorization policy");
            Assert.NotEqual("Anonymous", route.AuthorizationPolicy, StringComparer.OrdinalIgnoreCase);
        }
        foreach (var cluster in provider.Clusters) Assert.Empty(await validator.ValidateClusterAsync(cluster));
        Assert.Equal(Listed.Select(s => s.Name).Order(), provider.Clusters.Select(c => c.ClusterId).Order());
        foreach (var service in Listed)
        {
            Assert.True(provider.Clusters.Single(c => c.ClusterId == service.Name).HealthCheck?.Passive?.Enabled, $"cluster {service.Name} has no passive health check");
            foreach (var prefix in service.Routes)
            {
                var routes = provider.Routes.Where(r => r.ClusterId == service.Name).Select(r => r.Match.Path).ToList();
                Assert.Contains(prefix, routes);
                Assert.Contains(prefix + "/{**rest}", routes);
            }
        }
        Assert.True(provider.Clusters.Single(c => c.ClusterId == "indicators").HttpRequest!.ActivityTimeout >= TimeSpan.FromMinutes(5),
            "the SSE stream's cluster must outlive YARP's 100 s default idle cut-off");
    }

    [Theory]
    [InlineData("/api/assets")]
    [InlineData("/api/assets/5f0c/history")]
    [InlineData("/api/maturity/index")]
    [InlineData("/api/risks")]
    [InlineData("/api/risks/contexts")]
    public async Task Authenticated_requests_are_forwarded_with_their_token(string path)
    {
        var response = await Member().GetAsync(path).ShouldBe(HttpStatusCode.OK);
        var echo = await response.ReadJson();
        Assert.Equal(path, echo.GetProperty("path").GetString());
        Assert.StartsWith("Bearer ", echo.GetProperty("authorization").GetString());
    }

    [Fact]
    public async Task Anonymous_and_forged_requests_stop_at_the_gateway()
    {
        await _gateway.CreateClient().GetAsync("/api/assets").ShouldBe(HttpStatusCode.Unauthorized);
        var forged = _gateway.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", TestAuth.Token("diskominfo-admin", "x") + "tampered");
        await forged.GetAsync("/api/maturity/index").ShouldBe(HttpStatusCode.Unauthorized);
        // A token without an instansi is not a member of any tenant.
        var noTenant = _gateway.CreateClient();
        noTenant.DefaultRequestHeaders.Authorization = new("Bearer", SpbeOps.ServiceDefaults.Auth.DevelopmentTokens.Create(TestAuth.SigningKey, "walikota", "x"));
        await noTenant.GetAsync("/api/maturity/index").ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Unrouted_paths_are_not_found_and_probes_are_open()
    {
        await Member().GetAsync("/api/unknown").ShouldBe(HttpStatusCode.NotFound);
        await _gateway.CreateClient().GetAsync("/alive").ShouldBe(HttpStatusCode.OK);
        var health = await (await _gateway.CreateClient().GetAsync("/health").ShouldBe(HttpStatusCode.OK)).ReadJson();
        var services = health.GetProperty("checks").GetProperty("services");
        Assert.Equal("Healthy", services.GetProperty("status").GetString());
        Assert.Equal($"{Listed.Count} destinations healthy", services.GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_new_line_in_the_service_list_routes_a_new_service()
    {
        var list = Path.Combine(Path.GetTempPath(), $"services-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(list, await File.ReadAllTextAsync(ServiceList.DefaultPath)
            + "planning SpbeOps.Planning.Api services/Planning/SpbeOps.Planning.Api 8199 planning /api/plans,/api/budgets\n");
        try
        {
            await using var gateway = _gateway.WithWebHostBuilder(b =>
            {
                b.UseSetting("Gateway:ServicesFile", list);
                b.UseSetting("ReverseProxy:Clusters:planning:Destinations:d1:Address", _backend.Address);
            });
            var client = gateway.CreateClient().WithToken("diskominfo-admin", "kota-pangkalpinang");
            foreach (var path in new[] { "/api/plans", "/api/plans/7/history", "/api/budgets" })
                Assert.Equal(path, (await (await client.GetAsync(path).ShouldBe(HttpStatusCode.OK)).ReadJson()).GetProperty("path").GetString());
            var health = await (await gateway.CreateClient().GetAsync("/health").ShouldBe(HttpStatusCode.OK)).ReadJson();
            Assert.Equal($"{Listed.Count + 1} destinations healthy", health.GetProperty("checks").GetProperty("services").GetProperty("description").GetString());
        }
        finally
        {
            File.Delete(list);
        }
    }

    [Fact]
    public async Task Server_sent_events_pass_through_unbuffered_while_the_backend_stream_is_still_open()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/maturity/stream");
        using var response = await Member().SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.Equal("event: level-changed", await reader.ReadLineAsync(timeout.Token));
        Assert.False(_backend.StreamMayEnd.Task.IsCompleted);
    }

    [Fact]
    public async Task A_caller_over_the_rate_limit_gets_429()
    {
        var client = Member("auditor");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++) statuses.Add((await client.GetAsync("/api/assets")).StatusCode);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.OK, statuses[0]);
    }

    [Fact]
    public async Task Dashboard_page_is_served_in_bahasa_indonesia_first()
    {
        var html = await (await _gateway.CreateClient().GetAsync("/").ShouldBe(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains("lang=\"id\"", html);
        Assert.Contains("Dasbor Kematangan SPBE", html);
        Assert.Contains("/api/maturity/stream", html);
    }
}
