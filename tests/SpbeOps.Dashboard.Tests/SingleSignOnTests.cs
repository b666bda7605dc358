using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SpbeOps.Dashboard.Api;
using SpbeOps.Testing;

namespace SpbeOps.Dashboard.Tests;

/// <summary>
/// Sign-in through an OIDC provider (the Keycloak realm of deploy/keycloak) when <c>Oidc:Authority</c> is set: the
/// dashboard sends the browser to the provider's authorization endpoint as a public client with PKCE, and comes back
/// on its own callback. The provider here is a stand-in serving only its discovery document.
/// </summary>
public sealed class SingleSignOnTests : IAsyncLifetime
{
    private WebApplication _provider = null!;
    private string _authority = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _provider = builder.Build();
        _provider.MapGet("/realms/spbeops/.well-known/openid-configuration", (HttpContext http) =>
        {
            var issuer = $"{http.Request.Scheme}://{http.Request.Host}/realms/spbeops";
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = issuer,
                ["authorization_endpoint"] = $"{issuer}/protocol/openid-connect/auth",
                ["token_endpoint"] = $"{issuer}/protocol/openid-connect/token",
                ["jwks_uri"] = $"{issuer}/protocol/openid-connect/certs",
                ["end_session_endpoint"] = $"{issuer}/protocol/openid-connect/logout",
                ["response_types_supported"] = new[] { "code" },
                ["subject_types_supported"] = new[] { "public" },
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            });
        });
        _provider.MapGet("/realms/spbeops/protocol/openid-connect/certs", () => Results.Json(new { keys = Array.Empty<object>() }));
        await _provider.StartAsync();
        _authority = _provider.Urls.First() + "/realms/spbeops";
    }

    public async Task DisposeAsync() => await _provider.DisposeAsync();

    private WebApplicationFactory<Program> Dashboard(string? authority) => new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
    {
        b.UseSetting("Auth:SigningKey", TestAuth.SigningKey);
        b.UseSetting("Services:indicators", "http://127.0.0.1:9/");
        if (authority is not null) b.UseSetting("Oidc:Authority", authority);
        b.ConfigureTestServices(s => s.AddSingleton<IIndicatorsApi>(new FakeIndicatorsApi()));
    });

    [Fact]
    public async Task With_an_authority_set_sso_sends_the_browser_to_the_providers_login_as_a_pkce_client()
    {
        await using var dashboard = Dashboard(_authority);
        var browser = dashboard.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await browser.GetAsync("/masuk/sso");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(_authority + "/protocol/openid-connect/auth?", location.ToString());
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("spbeops-dashboard", query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.False(string.IsNullOrEmpty(query["code_challenge"]));
        Assert.EndsWith("/masuk/sso/callback", query["redirect_uri"].ToString());
        Assert.Contains("openid", query["scope"].ToString());
    }

    [Fact]
    public async Task Without_an_authority_sso_falls_back_to_the_token_form()
    {
        await using var dashboard = Dashboard(authority: null);
        var browser = dashboard.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await browser.GetAsync("/masuk/sso");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/masuk", response.Headers.Location!.OriginalString);
    }
}
