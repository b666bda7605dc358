using System.Text;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SpbeOps.Dashboard.Api;
using SpbeOps.Dashboard.Components.Layout;
using SpbeOps.Dashboard.Live;
using SpbeOps.Dashboard.Localization;

namespace SpbeOps.Dashboard.Tests;

public sealed class LiveTests : DashboardTestContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Level_changes_are_read_from_the_stream_kept_newest_first_and_the_state_is_connected()
    {
        Live.Start();
        await Eventually(() => Live.State == LiveState.Connected);
        await Api.SendAsync(new LevelChange("kota-pangkalpinang", 24, null, 1, 2, "computed", DateTimeOffset.UtcNow));
        await Api.SendAsync(new LevelChange("kota-pangkalpinang", 21, "dinkes", 1, 3, "computed", DateTimeOffset.UtcNow));
        await Eventually(() => Live.Recent.Count == 2);
        Assert.Equal([21, 24], Live.Recent.Select(c => c.Indicator));
        Assert.Equal("dinkes", Live.Recent[0].Opd);
    }

    [Fact]
    public async Task When_the_stream_ends_the_state_says_so_and_it_reconnects()
    {
        var states = new List<LiveState>();
        Live.StateChanged += () => { lock (states) states.Add(Live.State); return Task.CompletedTask; };
        Live.Start();
        await Eventually(() => Live.State == LiveState.Connected);
        await Api.EndStreamAsync();
        await Eventually(() => Api.StreamsOpened == 2 && Live.State == LiveState.Connected);
        lock (states) Assert.Equal([LiveState.Connected, LiveState.Disconnected, LiveState.Connecting, LiveState.Connected], states);
    }

    [Fact]
    public async Task A_refused_stream_leaves_it_disconnected_and_trying_again()
    {
        Api.StreamFailure = new IndicatorsApiException(401, "Unauthorized");
        Live.Start();
        await Eventually(() => Live.State == LiveState.Disconnected);
        await Eventually(() => Api.StreamsOpened >= 2);
    }

    [Fact]
    public async Task The_status_in_the_app_bar_follows_the_connection()
    {
        var status = Render<LiveStatus>();
        Assert.Equal("connecting", status.Find("[data-testid=live-status]").GetAttribute("data-state"));
        await status.InvokeAsync(() => Live.SetStateAsync(LiveState.Connected));
        Assert.Equal("connected", status.Find("[data-testid=live-status]").GetAttribute("data-state"));
        Assert.Contains("Terhubung", status.Markup);
        await status.InvokeAsync(() => Live.SetStateAsync(LiveState.Disconnected));
        Assert.Equal("disconnected", status.Find("[data-testid=live-status]").GetAttribute("data-state"));
    }

    [Fact]
    public async Task Server_sent_events_skip_comments_and_join_data_lines()
    {
        var text = ": terhubung / connected\n\nevent: level-changed\nid: a\ndata: {\"a\":\ndata: 1}\n\n: keep-alive\n\ndata: plain\n\n";
        var events = new List<ServerSentEvent>();
        await foreach (var e in ServerSentEvents.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), CancellationToken.None)) events.Add(e);
        Assert.Equal([new ServerSentEvent("level-changed", "{\"a\":\n1}"), new ServerSentEvent("message", "plain")], events);
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var until = DateTime.UtcNow + Wait;
        while (!condition())
        {
            if (DateTime.UtcNow > until) Assert.Fail("the condition did not hold in time");
            await Task.Delay(20);
        }
    }
}

public sealed class LayoutTests : DashboardTestContext
{
    [Fact]
    public void The_app_bar_shows_the_user_the_navigation_and_the_language_toggle()
    {
        Auth.SetClaims(new System.Security.Claims.Claim("name", "Operator Dinkes"), new System.Security.Claims.Claim("instansi", "kota-pangkalpinang"),
            new System.Security.Claims.Claim("opd", "dinkes"), new System.Security.Claims.Claim("role", "opd-operator"));
        var layout = Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(b => b.AddContent(0, "isi"))));
        Assert.Contains("kota-pangkalpinang / dinkes", layout.Find("[data-testid=current-user]").TextContent);
        foreach (var nav in new[] { "nav-ringkasan", "nav-peta-opd", "nav-tren", "nav-penilaian-mandiri" })
            Assert.NotNull(layout.Find($"[data-testid={nav}]").GetAttribute("href"));
        Assert.Equal("English", layout.Find("[data-testid=lang-toggle]").TextContent.Trim());
        Assert.NotNull(layout.Find("[data-testid=live-status]"));
    }

    [Fact]
    public void The_language_toggle_is_a_plain_link_through_the_language_cookie_back_to_the_page()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/peta-opd");
        var layout = Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(b => b.AddContent(0, "isi"))));
        var toggle = layout.Find("[data-testid=lang-toggle]");
        // A link, not a click handler: it works before the page's circuit is interactive (a click then was lost).
        Assert.Equal("/bahasa?kode=en&kembali=%2Fpeta-opd", toggle.GetAttribute("href"));
        Assert.Equal("false", toggle.GetAttribute("data-enhance-nav"));
    }

    [Fact]
    public void In_English_the_toggle_offers_Bahasa_Indonesia()
    {
        Language.Use("en");
        var layout = Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(b => b.AddContent(0, "content"))));
        Assert.Equal("Bahasa Indonesia", layout.Find("[data-testid=lang-toggle]").TextContent.Trim());
        Assert.Contains("Overview", layout.Find("[data-testid=nav-ringkasan]").TextContent);
    }

    [Theory]
    [InlineData("id", 2.25, "2,25")]
    [InlineData("en", 2.25, "2.25")]
    [InlineData("id", 1, "1,00")]
    public void Numbers_follow_the_language(string code, double value, string expected)
    {
        var language = new Language();
        language.Use(code);
        Assert.Equal(expected, language.Number((decimal)value));
    }
}
