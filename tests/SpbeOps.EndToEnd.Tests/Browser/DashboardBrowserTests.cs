using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SpbeOps.EndToEnd.Tests.Browser;

/// <summary>
/// Issue 13: the dashboard as Diskominfo and an OPD operator use it, in a real browser (headless Chromium) through the
/// gateway of the whole suite: sign in, the index equal to the API's, the heat map, indicator 24, a level change that
/// arrives live, the language switch, and the operator's narrower view. Screenshots of the main views are saved as
/// test artefacts (<see cref="Chromium.ScreenshotPath"/>).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardBrowserTests(DashboardSuite dashboard) : IAsyncLifetime
{
    private readonly List<(IPage Page, string Test)> _pages = [];
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(60);
    private static readonly int[] ManagementIndicators = Enumerable.Range(21, 11).ToArray();

    private HttpClient Api(string role, string instansi, string? opd = null) => dashboard.Suite.Client(role, instansi, opd);

    private async Task<IPage> SignInAsync(string role, string instansi, string? opd = null, ViewportSize? viewport = null,
        [CallerMemberName] string test = "")
    {
        var page = await dashboard.NewPageAsync(viewport);
        _pages.Add((page, test));
        await page.GotoAsync("/masuk");
        await page.GetByTestId("signin-token").FillAsync(TestAuth.Token(role, instansi, opd));
        await page.GetByTestId("signin-submit").ClickAsync();
        await Expect(page.GetByTestId("index-value")).ToBeVisibleAsync();
        // The page is interactive once its circuit has connected the live stream: clicks before that may be lost
        // (a person would click again; a test must not).
        await Expect(page.GetByTestId("live-status")).ToHaveAttributeAsync("data-state", "connected");
        return page;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Every page as the test left it (what a failed test saw), beside the named screenshots; then closed.</summary>
    public async Task DisposeAsync()
    {
        foreach (var ((page, test), i) in _pages.Select((p, i) => (p, i)))
        {
            try
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath($"last-{test}-{i}"), FullPage = true });
            }
            catch (PlaywrightException) { /* the page is gone: nothing to show */ }
            await page.Context.CloseAsync();
        }
    }

    private static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath(name), FullPage = true });

    /// <summary>Waits until what the page shows equals what the API says (facts of the seed may still be arriving).</summary>
    private static async Task ShowsAsTheApi(Func<Task<string?>> onPage, Func<Task<string>> inApi, string what)
    {
        var deadline = DateTime.UtcNow + Bounded;
        string? shown = null, expected = null;
        while (DateTime.UtcNow < deadline)
        {
            expected = await inApi();
            shown = await onPage();
            if (shown == expected) return;
            await Task.Delay(500);
        }
        Assert.Fail($"{what}: the page shows '{shown}', the API says '{expected}'");
    }

    private async Task<string> ApiIndex(HttpClient api) =>
        (await (await api.GetAsync("api/maturity/index").ShouldBe(HttpStatusCode.OK)).ReadJson())
            .GetProperty("index").GetDecimal().ToString("0.00", CultureInfo.InvariantCulture);

    private async Task<string> ApiLevel(HttpClient api, int indicator, string? opd = null) =>
        (await (await api.GetAsync($"api/maturity/indicators/{indicator}" + (opd is null ? "" : $"?opd={opd}")).ShouldBe(HttpStatusCode.OK)).ReadJson())
            .GetProperty("level").GetInt32().ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Diskominfo_signs_in_and_sees_the_index_and_the_management_indicators_as_the_api_computes_them()
    {
        var admin = Api("diskominfo-admin", dashboard.SeededInstansi);
        var page = await SignInAsync("diskominfo-admin", dashboard.SeededInstansi);

        await ShouldShowTheApisIndex(page, admin);
        foreach (var indicator in ManagementIndicators)
            await ShowsAsTheApi(() => page.GetByTestId($"indicator-row-{indicator}").GetAttributeAsync("data-level"),
                () => ApiLevel(admin, indicator), $"the level of indicator {indicator} on Ringkasan");
        await Expect(page.GetByTestId("predicate")).Not.ToBeEmptyAsync();
        await Expect(page.GetByTestId("live-status")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(page.GetByTestId("current-user")).ToContainTextAsync("diskominfo-admin");
        await ScreenshotAsync(page, "ringkasan");

        // The same view on a phone.
        var phone = await SignInAsync("diskominfo-admin", dashboard.SeededInstansi, viewport: new ViewportSize { Width = 390, Height = 844 });
        await ShouldShowTheApisIndex(phone, admin);
        await ScreenshotAsync(phone, "ringkasan-ponsel");
    }

    private Task ShouldShowTheApisIndex(IPage page, HttpClient admin) =>
        ShowsAsTheApi(() => page.GetByTestId("index-value").GetAttributeAsync("data-value"), () => ApiIndex(admin), "Indeks SPBE");

    [Fact]
    public async Task The_heat_map_shows_each_opds_level_and_a_cell_opens_that_opds_explanation()
    {
        var admin = Api("diskominfo-admin", dashboard.SeededInstansi);
        var page = await SignInAsync("diskominfo-admin", dashboard.SeededInstansi);
        await page.GetByTestId("nav-peta-opd").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/peta-opd$"));
        await Expect(page.GetByTestId("heatmap")).ToBeVisibleAsync();

        foreach (var opd in new[] { "diskominfo", "dinkes", "bkpsdmd", "kec-gabek" })
            await ShowsAsTheApi(() => page.GetByTestId($"heatmap-cell-{opd}-24").GetAttributeAsync("data-level"),
                () => ApiLevel(admin, 24, opd), $"{opd}'s level of indicator 24 on the heat map");
        await ScreenshotAsync(page, "peta-opd");

        var expected = await ApiLevel(admin, 24, "diskominfo");
        await page.GetByTestId("heatmap-cell-diskominfo-24").ClickAsync();
        await Expect(page.GetByTestId("indicator-level")).ToHaveAttributeAsync("data-level", expected);
        await Expect(page.GetByTestId("missing-criteria").Or(page.GetByTestId("level-history")).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Indicator_24_shows_its_level_the_levels_history_what_is_missing_and_what_would_lift_it()
    {
        var admin = Api("diskominfo-admin", dashboard.SeededInstansi);
        var page = await SignInAsync("diskominfo-admin", dashboard.SeededInstansi);
        await page.GetByTestId("indicator-row-24").GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/indikator/24"));

        await ShowsAsTheApi(() => page.GetByTestId("indicator-level").GetAttributeAsync("data-level"), () => ApiLevel(admin, 24), "indicator 24's level");
        await Expect(page.GetByTestId("level-history")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("missing-criteria")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("what-if")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "indikator-24");
    }

    [Fact]
    public async Task A_level_change_arrives_live_on_the_open_page_without_a_reload()
    {
        var instansi = Tenants.New("live");
        var admin = Api("diskominfo-admin", instansi);
        await admin.PutAsJsonAsync("api/maturity/organisation", new
        {
            name = "Pemerintah Kota Uji Langsung",
            ictUnitOpd = "diskominfo",
            perangkatDaerah = new[] { new { code = "diskominfo", name = "Dinas Komunikasi dan Informatika" }, new { code = "dinkes", name = "Dinas Kesehatan" } },
        }).ShouldBe(HttpStatusCode.OK);

        var page = await SignInAsync("diskominfo-admin", instansi);
        await Expect(page.GetByTestId("indicator-row-24")).ToHaveAttributeAsync("data-level", "1");
        await Expect(page.GetByTestId("live-status")).ToHaveAttributeAsync("data-state", "connected");
        await page.EvaluateAsync("() => { window.__stillTheSamePage = true; }");

        // A planned programme for asset management lifts indicator 24 to level 2, as the API sees it.
        await admin.PostAsJsonAsync("api/assets/governance/programmes", new
        {
            indicator = 24, title = "Program Pengelolaan Aset TIK", date = DateTime.UtcNow.AddDays(-30).ToString("yyyy-MM-dd"),
            endDate = DateTime.UtcNow.AddDays(300).ToString("yyyy-MM-dd"), allOpd = true, activities = new[] { "Inventarisasi" },
        }).ShouldBe(HttpStatusCode.Created);

        await Expect(page.GetByTestId("indicator-row-24")).ToHaveAttributeAsync("data-level", "2", new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("live-change").First).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.__stillTheSamePage === true"), "the page was reloaded");
        await ShouldShowTheApisIndex(page, admin);
        await ScreenshotAsync(page, "perubahan-langsung");
    }

    [Fact]
    public async Task Switching_the_language_turns_the_dashboard_to_english_and_back_to_bahasa_indonesia()
    {
        var page = await SignInAsync("diskominfo-admin", dashboard.SeededInstansi);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "id");
        var indonesian = (await page.GetByTestId("nav-peta-opd").TextContentAsync())!.Trim();

        await page.GetByTestId("lang-toggle").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByTestId("nav-peta-opd")).Not.ToHaveTextAsync(indonesian);
        await Expect(page.GetByTestId("index-value")).ToBeVisibleAsync();

        await page.GetByTestId("lang-toggle").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "id");
        await Expect(page.GetByTestId("nav-peta-opd")).ToHaveTextAsync(indonesian);
    }

    [Fact]
    public async Task An_opd_operator_sees_its_own_opd_in_full_and_not_the_levels_of_other_opd()
    {
        var own = Api("opd-operator", dashboard.SeededInstansi, "dinkes");
        var page = await SignInAsync("opd-operator", dashboard.SeededInstansi, "dinkes");
        await Expect(page.GetByTestId("current-user")).ToContainTextAsync("dinkes");
        await page.GetByTestId("nav-peta-opd").ClickAsync();
        await Expect(page.GetByTestId("heatmap")).ToBeVisibleAsync();

        await ShowsAsTheApi(() => page.GetByTestId("heatmap-cell-dinkes-24").GetAttributeAsync("data-level"),
            () => ApiLevel(own, 24, "dinkes"), "the operator's own OPD on the heat map");
        // The API refuses the operator another OPD's levels, and so does the page.
        await own.GetAsync("api/maturity/indicators/24?opd=diskominfo").ShouldBe(HttpStatusCode.Forbidden);
        foreach (var indicator in ManagementIndicators)
            await Expect(page.GetByTestId($"heatmap-cell-diskominfo-{indicator}")).Not.ToHaveAttributeAsync("data-level", new Regex("[1-5]"));
        await ScreenshotAsync(page, "peta-opd-operator");
    }

    [Fact]
    public async Task Diskominfo_fills_in_the_self_assessment_and_downloads_the_report()
    {
        var page = await SignInAsync("diskominfo-admin", dashboard.SeededInstansi);
        await page.GetByTestId("nav-penilaian-mandiri").ClickAsync();
        await Expect(page.GetByTestId("self-assessment-1")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("self-assessment-21")).ToHaveCountAsync(0);   // computed, not self-assessed
        await ScreenshotAsync(page, "penilaian-mandiri");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-download").ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"laporan-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(file);
        try
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.True(bytes.Length > 1000 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K', "the report is not an XLSX file");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
