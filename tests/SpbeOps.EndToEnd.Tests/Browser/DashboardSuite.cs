using Microsoft.Playwright;

namespace SpbeOps.EndToEnd.Tests.Browser;

/// <summary>
/// What the browser tests share: the whole suite (<see cref="RunningSuite"/>, the dashboard behind the gateway), the
/// demo instansi seeded into a tenant of its own, and one headless Chromium, Debian's package, driven by Playwright
/// (<c>./spbe test</c> installs the package when missing; Playwright's own browser download is never used).
/// </summary>
public sealed class DashboardSuite : IAsyncLifetime
{
    private readonly InfrastructureFixture _infrastructure = new();
    private RunningSuite? _suite;
    private IPlaywright? _playwright;

    public RunningSuite Suite => _suite ?? throw new InvalidOperationException("The suite has not started.");
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The demo seed's instansi, under a name of this run.</summary>
    public string SeededInstansi { get; } = Tenants.New("ui");

    public async Task InitializeAsync()
    {
        await _infrastructure.InitializeAsync();
        _suite = await RunningSuite.StartAsync(_infrastructure);
        var seed = await DemoSeed.CopyForAsync(SeededInstansi);
        try
        {
            await DemoSeed.RunAsync(Suite.GatewayUrl, seed);
        }
        finally
        {
            File.Delete(seed);
        }

        // Expectations wait for the page (a Blazor circuit, a live stream): generous on a shared 2-core box.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath(),
            Headless = true,
            // As root there is no sandbox; the rest keeps Chromium off the network it cannot reach (a closed box, CI).
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh browser context (own cookies) on the gateway, Indonesian locale, laptop-sized.</summary>
    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Suite.GatewayUrl,
            Locale = "id-ID",
            ViewportSize = viewport ?? new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_suite is not null) await _suite.DisposeAsync();
        await _infrastructure.DisposeAsync();
    }
}

/// <summary>
/// Runs alone, after the other collections: two whole suites at once share this project's exchanges, so each one's
/// Indicators would also take the other's facts and level changes (every change seen twice on a stream).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DashboardCollection : ICollectionFixture<DashboardSuite>
{
    public const string Name = "dashboard in a browser";
}

/// <summary>The Chromium the tests drive, and where their screenshots go.</summary>
public static class Chromium
{
    /// <summary><c>SPBE_TEST_BROWSER</c> (set by <c>./spbe test</c>), else the distribution's <c>chromium</c> on the PATH.</summary>
    public static string ExecutablePath()
    {
        if (Environment.GetEnvironmentVariable("SPBE_TEST_BROWSER") is { Length: > 0 } configured && File.Exists(configured)) return configured;
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => new[] { "chromium", "chromium-browser" }.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
        return onPath ?? throw new InvalidOperationException(
            "No Chromium for the browser tests: run them with ./spbe test (it installs Debian's chromium package), or " +
            "install it (apt-get install chromium) or point SPBE_TEST_BROWSER at a Chromium executable.");
    }

    /// <summary>
    /// <c>SPBE_TEST_ARTIFACTS</c> (<c>./spbe test</c>: screenshots/ beside the TRX files), else screenshots/ beside the
    /// test binaries.
    /// </summary>
    public static string ScreenshotPath(string name)
    {
        var folder = Environment.GetEnvironmentVariable("SPBE_TEST_ARTIFACTS") is { Length: > 0 } artifacts
            ? Path.Combine(artifacts, "screenshots")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }
}
