namespace SpbeOps.Indicators.Tests.Functional;

/// <summary>Integration events in, levels and level-change events out, through the real broker.</summary>
public sealed class IndicatorEngineTests(InfrastructureFixture infrastructure) : IndicatorsApiTest(infrastructure)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    public override async Task InitializeAsync() =>
        await Admin().PutAsJsonAsync("/api/maturity/organisation", Organisation("dinkes", "diskominfo")).ShouldBe(HttpStatusCode.OK);

    private Task<JsonElement> Indicator24(string? opd = null) => Indicator(24, opd);

    private Task<JsonElement> LevelReaches(int level) => IndicatorReaches(24, level);

    private async Task<int> HistoryCount(string? opd = null) =>
        (await (await Admin().GetAsync("/api/maturity/indicators/24/history" + (opd is null ? "" : $"?opd={opd}"))).ReadJson()).GetArrayLength();

    [Fact]
    public async Task Governance_and_asset_facts_raise_indicator_24_level_by_level_with_reasons()
    {
        var today = Facts.Today;
        await Factory.Publish(Facts.Record(Instansi, "programme", date: today.AddMonths(-1), endDate: today.AddMonths(6)));
        await LevelReaches(2);

        await Factory.Publish(Facts.Record(Instansi, "policy", kind: "pedoman", issuer: "walikota", covers: Facts.Lifecycle));
        await Factory.Publish(Facts.Asset(Instansi, "dinkes"));
        await LevelReaches(3);

        // Level 4 needs a strategy, a review and every OPD's register: diskominfo has none yet.
        await Factory.Publish(Facts.Record(Instansi, "policy", kind: "strategi", issuer: "kepala-perangkat-daerah", issuerOpd: "diskominfo"));
        var review = Guid.NewGuid();
        await Factory.Publish(Facts.Record(Instansi, "review", id: review, date: today.AddDays(-5)));
        var stuck = await HttpAssertions.Eventually<JsonElement?>(async () =>
        {
            var d = await Indicator24();
            var missing = d.GetProperty("missingForNextLevel");
            return missing.GetArrayLength() == 1 ? d : null;
        }, Wait, "only the register coverage to be missing for level 4").ContinueWith(t => t.Result!.Value);
        var coverage = stuck.GetProperty("missingForNextLevel")[0];
        Assert.Equal("assets.register.opdCoverage", coverage.GetProperty("metric").GetString());
        Assert.Equal(0.5, coverage.GetProperty("actual").GetDouble());
        Assert.Contains(coverage.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("id").GetString() == "diskominfo");

        await Factory.Publish(Facts.Asset(Instansi, "diskominfo"));
        await LevelReaches(4);

        await Factory.Publish(Facts.Record(Instansi, "follow-up", reviewId: review, status: "selesai", completedOn: today.AddDays(-1)));
        var top = await LevelReaches(5);
        Assert.Empty(top.GetProperty("missingForNextLevel").EnumerateArray());
        Assert.Equal(4, await HistoryCount()); // 1→2, 2→3, 3→4, 4→5

        // A record of an OPD the list does not have is pointed out to Diskominfo.
        await Factory.Publish(Facts.Asset(Instansi, "dinkess"));
        await HttpAssertions.Eventually<string?>(async () =>
        {
            var org = await (await Admin().GetAsync("/api/maturity/organisation")).ReadJson();
            return org.GetProperty("unlistedOpd").EnumerateArray().Any(o => o.GetString() == "dinkess") ? "seen" : null;
        }, Wait, "the unlisted OPD to be reported");

        // An OPD operator reads the instansi's verdicts but not other OPDs' records behind them; its own OPD in full.
        var operatorClient = Operator("dinkes");
        var asOperator = await (await operatorClient.GetAsync("/api/maturity/indicators/24").ShouldBe(HttpStatusCode.OK)).ReadJson();
        Assert.Equal(5, asOperator.GetProperty("level").GetInt32());
        var evidence = asOperator.GetProperty("levels").EnumerateArray().SelectMany(l => l.GetProperty("criteria").EnumerateArray())
            .SelectMany(c => c.GetProperty("evidence").EnumerateArray()).ToList();
        Assert.NotEmpty(evidence);
        Assert.All(evidence, e => Assert.Equal("redacted", e.GetProperty("kind").GetString()));
        var ownView = await (await operatorClient.GetAsync("/api/maturity/indicators/24?opd=dinkes").ShouldBe(HttpStatusCode.OK)).ReadJson();
        Assert.Contains(ownView.GetProperty("levels").EnumerateArray().SelectMany(l => l.GetProperty("criteria").EnumerateArray())
            .SelectMany(c => c.GetProperty("evidence").EnumerateArray()), e => e.GetProperty("kind").GetString() == "asset");

        // Each OPD has its own level too: dinkes keeps its register.
        var dinkes = await Indicator24("dinkes");
        Assert.Equal(5, dinkes.GetProperty("level").GetInt32());
    }

    [Fact]
    public async Task A_redelivered_or_older_message_changes_nothing()
    {
        var programme = Facts.Record(Instansi, "programme", date: Facts.Today.AddMonths(-1), endDate: Facts.Today.AddMonths(6));
        var messageId = Guid.NewGuid();
        await Factory.Publish(programme, messageId);
        await LevelReaches(2);

        // The same message again (a redelivery), then an older version of the record that says it was withdrawn.
        await Factory.Publish(programme, messageId);
        await Factory.Publish(programme with { Version = 0, Withdrawn = true });
        // A newer, unrelated fact proves both were processed before it (one consumer, in order).
        await Factory.Publish(Facts.Asset(Instansi, "dinkes"));
        await HttpAssertions.Eventually<string?>(async () =>
        {
            var d = await Indicator24();
            return d.GetProperty("levels")[2].GetProperty("criteria")[1].GetProperty("met").GetBoolean() ? "seen" : null;
        }, Wait, "the asset fact to be applied");

        Assert.Equal(2, (await Indicator24()).GetProperty("level").GetInt32());
        Assert.Equal(1, await HistoryCount());

        // A newer version that withdraws the programme does take effect.
        await Factory.Publish(programme with { Version = 2, Withdrawn = true });
        await LevelReaches(1);
        Assert.Equal(2, await HistoryCount());
    }

    private async Task<JsonElement> Actual(string metric, string opd) =>
        (await Indicator24(opd)).GetProperty("levels").EnumerateArray().SelectMany(l => l.GetProperty("criteria").EnumerateArray())
            .First(c => c.GetProperty("metric").GetString() == metric).GetProperty("actual");

    [Fact]
    public async Task Register_counts_follow_each_assets_latest_state_across_stages_and_opds()
    {
        var id = Guid.NewGuid();
        await Factory.Publish(Facts.Asset(Instansi, "dinkes", "pemanfaatan", id, version: 1));
        await HttpAssertions.Eventually<string?>(async () => (await Actual("assets.lifecycle.inUse", "dinkes")).GetBoolean() ? "in use" : null, Wait, "dinkes in use");

        // Moved to Diskominfo (mutasi), then disposed there; a late copy of version 1 changes nothing.
        await Factory.Publish(Facts.Asset(Instansi, "diskominfo", "pemanfaatan", id, version: 2));
        await HttpAssertions.Eventually<string?>(async () => (await Actual("assets.lifecycle.inUse", "diskominfo")).GetBoolean() ? "moved" : null, Wait, "the move");
        Assert.False((await Actual("assets.lifecycle.inUse", "dinkes")).GetBoolean());
        Assert.Equal(0.0, (await Actual("assets.register.opdCoverage", "dinkes")).GetDouble());

        await Factory.Publish(Facts.Asset(Instansi, "diskominfo", "penghapusan", id, version: 3));
        await Factory.Publish(Facts.Asset(Instansi, "dinkes", "pemanfaatan", id, version: 1));
        await Factory.Publish(Facts.Asset(Instansi, "dishub", "perencanaan", version: 1)); // a later fact, to know the others were applied
        await HttpAssertions.Eventually<string?>(async () =>
            (await Actual("assets.register.opdCoverage", "diskominfo")).GetDouble() == 0.0 ? "disposed" : null, Wait, "the disposal");
        Assert.False((await Actual("assets.lifecycle.inUse", "diskominfo")).GetBoolean());
        Assert.False((await Actual("assets.lifecycle.inUse", "dinkes")).GetBoolean());
    }

    [Fact]
    public async Task Each_level_change_is_pushed_on_the_live_stream()
    {
        using var client = Admin();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/maturity/stream");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(Wait);

        // While nothing changes, the stream stays open with keep-alive comments (every second in this factory).
        string? idle;
        do idle = await reader.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("The stream ended.");
        while (!idle.StartsWith(": keep-alive", StringComparison.Ordinal));

        await Factory.Publish(Facts.Record(Instansi, "programme", date: Facts.Today.AddMonths(-1), endDate: Facts.Today.AddMonths(6)));

        string? data = null;
        while (data is null)
        {
            var line = await reader.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("The stream ended.");
            if (line == "event: level-changed")
            {
                await reader.ReadLineAsync(timeout.Token); // id
                data = (await reader.ReadLineAsync(timeout.Token))![6..];
            }
        }
        var change = JsonDocument.Parse(data).RootElement;
        Assert.Equal(Instansi, change.GetProperty("instansi").GetString());
        Assert.Equal(24, change.GetProperty("indicator").GetInt32());
        Assert.Equal(2, change.GetProperty("level").GetInt32());
    }

    [Fact]
    public async Task A_level_change_reaches_the_stream_once_though_it_is_pushed_locally_and_comes_back_through_the_broker()
    {
        using var client = Admin();
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/maturity/stream"), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        await reader.ReadLineAsync(); // connected

        await Factory.Publish(Facts.Record(Instansi, "programme", date: Facts.Today.AddMonths(-1), endDate: Facts.Today.AddMonths(6)));

        // Read for a while after the first change: the broker's copy of each change arrives within it and is dropped.
        // (A change is identified by its content, which includes the moment it was recorded.)
        var changes = new List<string>();
        using var first = new CancellationTokenSource(Wait);
        using var window = new CancellationTokenSource();
        try
        {
            while (await reader.ReadLineAsync(changes.Count == 0 ? first.Token : window.Token) is { } line)
            {
                if (!line.StartsWith("data: ", StringComparison.Ordinal)) continue;
                changes.Add(line[6..]);
                if (changes.Count == 1) window.CancelAfter(TimeSpan.FromSeconds(3));
            }
        }
        catch (OperationCanceledException) when (changes.Count > 0)
        {
        }
        Assert.Contains(changes, c => JsonDocument.Parse(c).RootElement is var e && e.GetProperty("indicator").GetInt32() == 24
                                      && e.GetProperty("opd").ValueKind == JsonValueKind.Null && e.GetProperty("level").GetInt32() == 2);
        Assert.Equal(changes.Distinct().Count(), changes.Count);
    }
}
