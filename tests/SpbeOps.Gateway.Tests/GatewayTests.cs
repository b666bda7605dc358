using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Configuration;
using SpbeOps.Testing;

namespace SpbeOps.Gateway.Tests;

public sealed class GatewayTests() : GatewayHost(new Dictionary<string, string> { ["Gateway:RequestsPerMinute"] = "5" })
{
    /// <summary>The services of deploy/services.txt, as copied next to the gateway.</summary>
    private static readonly IReadOnlyList<ServiceEntry> Listed = ServiceList.Load(ServiceList.DefaultPath).Services();

    private HttpClient Member(string role = "diskominfo-admin") => Gateway.CreateClient().WithToken(role, "kota-pangkalpinang");

    [Fact]
    public async Task Every_route_and_cluster_in_configuration_is_valid_and_names_an_authorization_policy()
    {
        var validator = Gateway.Services.GetRequiredService<IConfigValidator>();
        var provider = Gateway.Services.GetRequiredService<IProxyConfigProvider>().GetConfig();
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
            if (service.IsCatchAll)
            {
                var pages = Assert.Single(provider.Routes, r => r.ClusterId == service.Name);
                Assert.Equal("/{**rest}", pages.Match.Path);
                Assert.True(provider.Routes.Where(r => r != pages).All(r => (r.Order ?? 0) < pages.Order), "the pages' catch-all must come after every other route");
                continue;
            }
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
        await Gateway.CreateClient().GetAsync("/api/assets").ShouldBe(HttpStatusCode.Unauthorized);
        var forged = Gateway.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", TestAuth.Token("diskominfo-admin", "x") + "tampered");
        await forged.GetAsync("/api/maturity/index").ShouldBe(HttpStatusCode.Unauthorized);
        // A token without an instansi is not a member of any tenant.
        var noTenant = Gateway.CreateClient();
        // (A well-formed instansi, so the token passes validation and the unknown role is what the policy refuses.)
        noTenant.DefaultRequestHeaders.Authorization = new("Bearer", SpbeOps.ServiceDefaults.Auth.DevelopmentTokens.Create(TestAuth.SigningKey, "walikota", "kota-x"));
        await noTenant.GetAsync("/api/maturity/index").ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_public_satu_data_catalogue_needs_no_token_and_is_rate_limited_per_address()
    {
        var anonymous = Gateway.CreateClient();
        var echo = await (await anonymous.GetAsync("/api/data/ckan/kota-x/api/3/action/package_list").ShouldBe(HttpStatusCode.OK)).ReadJson();
        Assert.Equal("/api/data/ckan/kota-x/api/3/action/package_list", echo.GetProperty("path").GetString());
        await anonymous.GetAsync("/api/data/catalog.jsonld?instansi=kota-x").ShouldBe(HttpStatusCode.OK);
        // The rest of the Data service is for members.
        await anonymous.GetAsync("/api/data/datasets").ShouldBe(HttpStatusCode.Unauthorized);
        await anonymous.GetAsync("/api/data/catalog.jsonld.bak").ShouldBe(HttpStatusCode.Unauthorized);

        // 5 a minute in this host: a harvester that hammers the portal is told to wait.
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 6 && refused is null; i++)
        {
            var response = await anonymous.GetAsync("/api/data/ckan/kota-x/api/3/action/status_show");
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused = response;
        }
        Assert.NotNull(refused);
        Assert.NotNull(refused.Headers.RetryAfter);
    }

    [Fact]
    public async Task Unrouted_paths_are_not_found_and_probes_are_open()
    {
        await Member().GetAsync("/api/unknown").ShouldBe(HttpStatusCode.NotFound);
        await Gateway.CreateClient().GetAsync("/alive").ShouldBe(HttpStatusCode.OK);
        var health = await (await Gateway.CreateClient().GetAsync("/health").ShouldBe(HttpStatusCode.OK)).ReadJson();
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_details_are_for_diskominfo_admins_only()
    {
        // Anyone (a probe, ./spbe status) learns whether the gateway is ready; only an operator learns what is behind it.
        var callers = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = Gateway.CreateClient(),
            ["auditor"] = Member("auditor"),
            ["walidata"] = Member("walidata"),
        };
        foreach (var (who, client) in callers)
        {
            var bare = await (await client.GetAsync("/health").ShouldBe(HttpStatusCode.OK)).ReadJson();
            Assert.Equal("Healthy", bare.GetProperty("status").GetString());
            Assert.False(bare.TryGetProperty("checks", out _), $"/health shows its checks to {who}");
        }
        var forged = Gateway.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", TestAuth.Token("diskominfo-admin", "x") + "tampered");
        Assert.False((await (await forged.GetAsync("/health").ShouldBe(HttpStatusCode.OK)).ReadJson()).TryGetProperty("checks", out _));
        // Another method does not reach the default /health, which lists every check to anyone.
        var posted = await (await Gateway.CreateClient().PostAsync("/health", null).ShouldBe(HttpStatusCode.OK)).ReadJson();
        Assert.False(posted.TryGetProperty("checks", out _));

        var detail = await (await Member().GetAsync("/health").ShouldBe(HttpStatusCode.OK)).ReadJson();
        var services = detail.GetProperty("checks").GetProperty("services");
        Assert.Equal("Healthy", services.GetProperty("status").GetString());
        Assert.Equal($"{Listed.Count} destinations healthy", services.GetProperty("description").GetString());
    }

    /// <summary>The headers every answer of the gateway carries, whoever produced it (issue 7, row 11).</summary>
    private static void AssertSecurityHeaders(HttpResponseMessage response, string what)
    {
        string? Header(string name) =>
            response.Headers.TryGetValues(name, out var v) || response.Content.Headers.TryGetValues(name, out v) ? string.Join(",", v) : null;
        Assert.True(Header("X-Content-Type-Options") == "nosniff", $"{what}: X-Content-Type-Options is '{Header("X-Content-Type-Options")}'");
        Assert.True(Header("X-Frame-Options") == "DENY", $"{what}: X-Frame-Options is '{Header("X-Frame-Options")}'");
        Assert.True(Header("Referrer-Policy") == "no-referrer", $"{what}: Referrer-Policy is '{Header("Referrer-Policy")}'");
        Assert.Contains("frame-ancestors 'none'", Header("Content-Security-Policy") ?? "");
        Assert.True(Header("Server") is null, $"{what} discloses its server: '{Header("Server")}'");
        Assert.True(Header("Strict-Transport-Security") is null, $"{what}: HSTS over plain HTTP");
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers_and_no_server_banner_proxied_ones_too()
    {
        var anonymous = Gateway.CreateClient();
        using (var direct = new HttpClient())
            Assert.NotEmpty((await direct.GetAsync(Backend.Address + "api/assets")).Headers.Server); // the service's banner, which the proxy would copy
        AssertSecurityHeaders(await Member().GetAsync("/api/assets").ShouldBe(HttpStatusCode.OK), "a proxied answer");
        AssertSecurityHeaders(await anonymous.GetAsync("/api/assets").ShouldBe(HttpStatusCode.Unauthorized), "a 401");
        AssertSecurityHeaders(await Member().GetAsync("/api/unknown").ShouldBe(HttpStatusCode.NotFound), "a 404");
        AssertSecurityHeaders(await anonymous.GetAsync("/").ShouldBe(HttpStatusCode.OK), "the dashboard");
        AssertSecurityHeaders(await anonymous.GetAsync("/health").ShouldBe(HttpStatusCode.OK), "/health");
        AssertSecurityHeaders(await anonymous.GetAsync("/alive").ShouldBe(HttpStatusCode.OK), "/alive");
        using var stream = await Member().SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/maturity/stream"), HttpCompletionOption.ResponseHeadersRead);
        AssertSecurityHeaders(stream, "the live stream");

        // The API's answers are data, never a page: nothing may load or frame them.
        var api = await Member().GetAsync("/api/assets");
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", api.Headers.GetValues("Content-Security-Policy").Single());
        // Kestrel's own banner is off as well (TestServer has none to show).
        Assert.False(Gateway.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
    }

    [Fact]
    public async Task Over_tls_answers_carry_strict_transport_security()
    {
        var tls = Gateway.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://gateway.example") })
            .WithToken("diskominfo-admin", "kota-pangkalpinang");
        foreach (var path in new[] { "/", "/api/assets", "/health" })
        {
            var response = await tls.GetAsync(path);
            Assert.True(response.Headers.TryGetValues("Strict-Transport-Security", out var hsts), $"{path}: no HSTS over TLS");
            Assert.StartsWith("max-age=", hsts.Single());
        }
    }

    [Fact]
    public async Task Every_other_path_goes_to_the_dashboard_without_a_token_and_with_the_browsers_host()
    {
        var anonymous = Gateway.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://spbe.example:8080") });
        // Four: this host allows 5 requests a minute per caller, and an anonymous browser is one caller per address.
        foreach (var path in new[] { "/", "/masuk", "/_framework/blazor.web.js", "/_blazor/negotiate" })
        {
            var echo = await (await anonymous.GetAsync(path).ShouldBe(HttpStatusCode.OK)).ReadJson();
            Assert.Equal(path, echo.GetProperty("path").GetString());
            Assert.Equal("spbe.example:8080", echo.GetProperty("host").GetString());
        }
        // The API stays the API: a path no service claims is the gateway's 404, not a page.
        await anonymous.GetAsync("/api/unknown").ShouldBe(HttpStatusCode.NotFound);
        await anonymous.GetAsync("/api/assets").ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_dashboards_pages_run_under_a_policy_that_lets_blazor_run_and_the_api_keeps_its_strict_one()
    {
        var response = await Gateway.CreateClient().GetAsync("/masuk").ShouldBe(HttpStatusCode.OK);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single().Split(';', StringSplitOptions.TrimEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ').Skip(1).ToList());
        Assert.Equal(["'self'"], policy["default-src"]);
        Assert.Equal(["'self'"], policy["script-src"]);              // no inline script, no eval
        Assert.Equal(["'self'", "ws:", "wss:"], policy["connect-src"]); // the Blazor circuit
        Assert.Equal(["'none'"], policy["frame-ancestors"]);
        Assert.Equal(["'self'"], policy["form-action"]);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());

        var api = await Member().GetAsync("/api/assets").ShouldBe(HttpStatusCode.OK);
        Assert.Equal(Security.SecurityHeaders.ApiPolicy, api.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task A_new_line_in_the_service_list_routes_a_new_service()
    {
        var list = Path.Combine(Path.GetTempPath(), $"services-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(list, await File.ReadAllTextAsync(ServiceList.DefaultPath)
            + "planning SpbeOps.Planning.Api services/Planning/SpbeOps.Planning.Api 8199 planning /api/plans,/api/budgets\n");
        try
        {
            await using var gateway = Gateway.WithWebHostBuilder(b =>
            {
                b.UseSetting("Gateway:ServicesFile", list);
                b.UseSetting("ReverseProxy:Clusters:planning:Destinations:d1:Address", Backend.Address);
            });
            var client = gateway.CreateClient().WithToken("diskominfo-admin", "kota-pangkalpinang");
            foreach (var path in new[] { "/api/plans", "/api/plans/7/history", "/api/budgets" })
                Assert.Equal(path, (await (await client.GetAsync(path).ShouldBe(HttpStatusCode.OK)).ReadJson()).GetProperty("path").GetString());
            var health = await (await client.GetAsync("/health").ShouldBe(HttpStatusCode.OK)).ReadJson();
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
        Assert.False(Backend.StreamMayEnd.Task.IsCompleted);
    }

    [Fact]
    public async Task A_caller_over_the_rate_limit_gets_429()
    {
        var client = Member("auditor");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 8; i++)
        {
            var response = await client.GetAsync("/api/assets");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused ??= response;
        }
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.OK, statuses[0]);

        // It is told when to come back (the bucket refills every minute).
        var retryAfter = refused!.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        AssertSecurityHeaders(refused, "a 429");
    }
}
