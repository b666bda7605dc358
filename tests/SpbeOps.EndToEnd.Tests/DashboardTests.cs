using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace SpbeOps.EndToEnd.Tests;

/// <summary>
/// The web dashboard behind the gateway at <c>/</c>, on the whole suite: its sign-in page with the scripts and styles
/// Blazor and MudBlazor need, and a signed-in user's pages filled by the Indicators API with that user's token.
/// </summary>
public sealed partial class DashboardTests(InfrastructureFixture infrastructure) : MaturityStory(infrastructure, indicator: 24)
{
    private HttpClient Browser() => new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true })
    {
        BaseAddress = new Uri(GatewayAddress),
        Timeout = TimeSpan.FromSeconds(60),
    };

    [Fact]
    public async Task The_sign_in_page_and_the_scripts_and_styles_it_loads_come_through_the_gateway()
    {
        var browser = Browser();
        var page = await browser.GetAsync("masuk").ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"signin-token\"", html);
        Assert.Contains("lang=\"id\"", html);
        Assert.Contains("connect-src 'self' ws: wss:", page.Headers.GetValues("Content-Security-Policy").Single());

        var assets = AssetReference().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(assets, a => a.StartsWith("_content/MudBlazor/MudBlazor") && a.Contains(".css"));
        Assert.Contains(assets, a => a.StartsWith("_framework/blazor.web") && a.Contains(".js"));
        foreach (var asset in assets)
        {
            var response = await browser.GetAsync(asset).ShouldBe(HttpStatusCode.OK);
            Assert.True(response.Content.Headers.ContentLength > 0, $"{asset} is empty");
        }
        await browser.GetAsync("_framework/blazor.web.js").ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_signed_in_user_sees_the_index_the_api_gives_and_an_operator_only_its_own_opd_in_full()
    {
        await SetUpOrganisation(("diskominfo", "Dinas Komunikasi dan Informatika"), ("dinkes", "Dinas Kesehatan"), ("dishub", "Dinas Perhubungan"));
        var index = (await (await Admin.GetAsync("api/maturity/index").ShouldBe(HttpStatusCode.OK)).ReadJson()).GetProperty("index").GetDecimal();

        var diskominfo = Browser();
        var overview = await (await diskominfo.GetAsync($"masuk?token={Admin.DefaultRequestHeaders.Authorization!.Parameter}").ShouldBe(HttpStatusCode.OK))
            .Content.ReadAsStringAsync();
        Assert.Contains($"data-testid=\"index-value\" data-value=\"{index.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}\"", overview);
        Assert.Contains("data-testid=\"indicator-row-24\"", overview);

        var operatorToken = Operator("dinkes").DefaultRequestHeaders.Authorization!.Parameter;
        var dinkes = Browser();
        await dinkes.GetAsync($"masuk?token={operatorToken}").ShouldBe(HttpStatusCode.OK);
        var map = await (await dinkes.GetAsync("peta-opd").ShouldBe(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Matches("data-testid=\"heatmap-cell-dinkes-24\" data-level=\"1\"", map);
        Assert.Matches("data-testid=\"heatmap-cell-dishub-24\" data-level=\"\"", map);
    }

    [GeneratedRegex("(?:href|src)=\"(_(?:content|framework)/[^\"]+)\"")]
    private static partial Regex AssetReference();
}
