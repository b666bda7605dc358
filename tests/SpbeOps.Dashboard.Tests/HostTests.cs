using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SpbeOps.Dashboard.Api;
using SpbeOps.ServiceDefaults.Auth;
using SpbeOps.Testing;

namespace SpbeOps.Dashboard.Tests;

/// <summary>The dashboard host: sign-in with the local token, the cookie, the pages behind it (the API is a fake).</summary>
public sealed partial class HostTests : IAsyncLifetime
{
    private readonly WebApplicationFactory<Program> _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
    {
        b.UseSetting("Auth:SigningKey", TestAuth.SigningKey);
        b.UseSetting("Services:indicators", "http://127.0.0.1:9/");
        b.ConfigureTestServices(s => s.AddSingleton<IIndicatorsApi>(new FakeIndicatorsApi()));
    });

    private HttpClient Browser() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static string Token(string role = SpbeRoles.DiskominfoAdmin, string? opd = null) => TestAuth.Token(role, "kota-pangkalpinang", opd);

    [Fact]
    public async Task Signed_out_every_page_sends_the_browser_to_masuk()
    {
        var browser = Browser();
        foreach (var path in new[] { "/", "/peta-opd", "/indikator/24", "/tren", "/penilaian-mandiri", "/laporan/penilaian-mandiri.xlsx" })
        {
            var response = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/masuk", response.Headers.Location!.AbsolutePath);
        }
    }

    [Fact]
    public async Task The_sign_in_page_is_open_and_in_Indonesian_first()
    {
        var html = await (await Browser().GetAsync("/masuk")).EnsureSuccessStatusCode().Content.ReadAsStringAsync();
        Assert.Contains("lang=\"id\"", html);
        Assert.Contains("data-testid=\"signin-token\"", html);
        Assert.Contains("data-testid=\"signin-submit\"", html);
        Assert.Contains("Token akses", html);
    }

    [Fact]
    public async Task The_link_with_a_valid_token_sets_the_cookie_and_the_overview_renders()
    {
        var browser = Browser();
        var signIn = await browser.GetAsync($"/masuk?token={Token()}");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location!.PathAndQuery());
        Assert.Contains(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("spbe-dasbor") && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));

        var html = await (await browser.GetAsync("/")).EnsureSuccessStatusCode().Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"index-value\" data-value=\"2.25\"", html);
        Assert.Contains("data-testid=\"indicator-row-24\"", html);
        Assert.Contains("kota-pangkalpinang", html);
    }

    [Fact]
    public async Task The_posted_form_signs_in_and_returns_to_the_page_asked_for()
    {
        var browser = Browser();
        var form = await (await browser.GetAsync("/masuk?kembali=%2Fpeta-opd")).Content.ReadAsStringAsync();
        var antiforgery = AntiforgeryField().Match(form).Groups[1].Value;
        var response = await browser.PostAsync("/masuk?kembali=%2Fpeta-opd", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "masuk",
            ["__RequestVerificationToken"] = antiforgery,
            ["Token"] = Token(SpbeRoles.OpdOperator, "dinkes"),
            ["Kembali"] = "/peta-opd",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/peta-opd", response.Headers.Location!.PathAndQuery());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/peta-opd")).StatusCode);
    }

    public static TheoryData<string> RefusedTokens() =>
    [
        "not-a-token",
        DevelopmentTokens.Create("another-signing-key-of-at-least-32-characters", SpbeRoles.DiskominfoAdmin, "kota-pangkalpinang"),
        DevelopmentTokens.Create(TestAuth.SigningKey, SpbeRoles.DiskominfoAdmin, "kota-pangkalpinang", lifetime: TimeSpan.FromMinutes(-5)),
        DevelopmentTokens.Create(TestAuth.SigningKey, SpbeRoles.DiskominfoAdmin, "kota-pangkalpinang", audience: "someone-else"),
        DevelopmentTokens.Create(TestAuth.SigningKey, SpbeRoles.OpdOperator, "kota-pangkalpinang"),   // an operator of no OPD
        DevelopmentTokens.Create(TestAuth.SigningKey, "visitor", "kota-pangkalpinang"),
        DevelopmentTokens.Create(TestAuth.SigningKey, SpbeRoles.DiskominfoAdmin, "Bukan Kode"),
    ];

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task A_refused_token_answers_the_sign_in_page_with_an_error_and_no_cookie(string token)
    {
        var response = await Browser().GetAsync($"/masuk?token={Uri.EscapeDataString(token)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"signin-error\"", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("spbe-dasbor")));
    }

    [Fact]
    public async Task The_language_choice_is_a_cookie_the_page_follows()
    {
        var browser = Browser();
        var choose = await browser.GetAsync("/bahasa?kode=en&kembali=%2Fmasuk");
        Assert.Equal("/masuk", choose.Headers.Location!.PathAndQuery());
        var html = await (await browser.GetAsync("/masuk")).Content.ReadAsStringAsync();
        Assert.Contains("lang=\"en\"", html);
        Assert.Contains("Access token", html);
        // Never an open redirect.
        Assert.Equal("/", (await browser.GetAsync("/bahasa?kode=id&kembali=%2F%2Fevil.example")).Headers.Location!.PathAndQuery());
    }

    [Fact]
    public async Task Signing_out_removes_the_cookie()
    {
        var browser = Browser();
        await browser.GetAsync($"/masuk?token={Token()}");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        Assert.Equal("/masuk", (await browser.GetAsync("/keluar")).Headers.Location!.PathAndQuery());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }

    [Theory]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.js")]
    [InlineData("/app.css")]
    [InlineData("/health")]
    public async Task Scripts_styles_and_health_need_no_sign_in(string path) =>
        Assert.Equal(HttpStatusCode.OK, (await Browser().GetAsync(path)).StatusCode);

    [Fact]
    public async Task The_report_is_fetched_with_the_users_own_token_and_streamed_through()
    {
        // A stand-in for the Indicators API that hands the report to whoever presents a token, and remembers which.
        var seen = new List<string>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var api = builder.Build();
        api.MapGet("/api/maturity/report", (HttpContext http) =>
        {
            seen.Add(http.Request.Headers.Authorization.ToString());
            return Results.File("xlsx"u8.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "penilaian.xlsx");
        });
        await api.StartAsync();
        var address = api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
        await using var dashboard = _factory.WithWebHostBuilder(b => b.UseSetting("Services:indicators", address));

        var browser = dashboard.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = Token(SpbeRoles.Auditor);
        await browser.GetAsync($"/masuk?token={token}");
        var report = await browser.GetAsync("/laporan/penilaian-mandiri.xlsx");

        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", report.Content.Headers.ContentType?.MediaType);
        Assert.Equal("penilaian.xlsx", report.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("xlsx", await report.Content.ReadAsStringAsync());
        Assert.Equal(["Bearer " + token], seen);
    }

    [Fact]
    public async Task The_report_answers_a_problem_when_the_api_refuses_it_or_cannot_be_reached()
    {
        // Refused: the API's own ProblemDetails reaches the browser (an operator may not have the report).
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var api = builder.Build();
        api.MapGet("/api/maturity/report", () => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Tidak berwenang / Forbidden"));
        await api.StartAsync();
        var address = api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
        await using var refusing = _factory.WithWebHostBuilder(b => b.UseSetting("Services:indicators", address));
        var browser = refusing.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await browser.GetAsync($"/masuk?token={Token(SpbeRoles.OpdOperator, "dinkes")}");
        var refused = await browser.GetAsync("/laporan/penilaian-mandiri.xlsx");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Null(refused.Content.Headers.ContentDisposition);

        // Unreachable (nothing listens on the factory's default address): 503 with a ProblemDetails, not a 500.
        var signedIn = Browser();
        await signedIn.GetAsync($"/masuk?token={Token()}");
        var unreachable = await signedIn.GetAsync("/laporan/penilaian-mandiri.xlsx");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unreachable.StatusCode);
        Assert.Equal("application/problem+json", unreachable.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Indicators", await unreachable.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();
}

internal static class LocationExtensions
{
    /// <summary>The path and query of a redirect, whether the server wrote it relative or absolute.</summary>
    public static string PathAndQuery(this Uri location) => new Uri(new Uri("http://localhost"), location).PathAndQuery;
}
