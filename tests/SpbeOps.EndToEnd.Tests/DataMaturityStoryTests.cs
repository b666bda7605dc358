using System.Collections.Concurrent;

namespace SpbeOps.EndToEnd.Tests;

/// <summary>
/// The Data service's story, end to end through the gateway: a new instansi's walidata runs a programme, issues a
/// guideline covering the six areas, verifies and publishes the OPD's datasets, gets a data strategy from the Forum
/// Satu Data, reviews and follows up, and watches indicator 23 climb from 1 to 5 live; meanwhile the public CKAN and
/// DCAT faces show the published catalogue to a harvester without a token.
/// </summary>
public sealed class DataMaturityStoryTests(InfrastructureFixture infrastructure) : MaturityStory(infrastructure, indicator: 23)
{
    private static string Day(int offset) => DateTime.UtcNow.AddDays(offset).ToString("yyyy-MM-dd");

    [Fact]
    public async Task The_walidatas_catalogue_moves_indicator_23_to_level_5_live_through_the_gateway()
    {
        var walidata = As("walidata");
        await SetUpOrganisation(("dinkes", "Dinas Kesehatan"), ("dishub", "Dinas Perhubungan"), ("diskominfo", "Dinas Komunikasi dan Informatika"));

        var changes = new ConcurrentQueue<JsonElement>();
        using var stream = new CancellationTokenSource();
        var listening = ListenAsync(Admin, changes, stream.Token);
        Assert.Equal(1, (await Indicator()).GetProperty("level").GetInt32());

        // Level 2: a planned data-management programme this year.
        await walidata.PostAsJsonAsync("api/data/governance/programmes", new
        {
            indicator = 23, title = "Program Satu Data Kota", date = Day(-30), endDate = Day(300), allOpd = true, activities = new[] { "Penyusunan daftar data" },
        }).ShouldBe(HttpStatusCode.Created);
        await LevelReaches(2);

        // Level 3: the guideline covering the six areas, and data verified by the walidata with complete Standar Data and metadata.
        await Admin.PostAsJsonAsync("api/data/governance/policies", new
        {
            indicator = 23, kind = "pedoman", number = "Perwako 9/2026", title = "Pedoman Manajemen Data", issuer = "walikota", date = Day(-20), allOpd = true,
            covers = new[] { "arsitektur-data", "data-induk", "data-referensi", "basis-data", "kualitas-data", "interoperabilitas-data" },
        }).ShouldBe(HttpStatusCode.Created);
        await PublishAsync(walidata, "dinkes", "Jumlah Puskesmas per Kecamatan");
        await PublishAsync(walidata, "diskominfo", "Jumlah Menara Telekomunikasi");
        var level3 = await LevelReaches(3);
        Assert.Contains("governance.strategy.byDataForum", MissingMetrics(level3));
        Assert.Contains("data.catalogue.opdCoverage", MissingMetrics(level3));

        // Level 4: the Forum Satu Data's strategy, every OPD producing through the catalogue, a review.
        await walidata.PostAsJsonAsync("api/data/governance/policies", new
        {
            indicator = 23, kind = "strategi", number = "01/FSD/2026", title = "Strategi Satu Data Kota", issuer = "forum-satu-data", date = Day(-10), allOpd = true,
        }).ShouldBe(HttpStatusCode.Created);
        await PublishAsync(walidata, "dishub", "Jumlah Angkutan Umum");
        var review = await (await walidata.PostAsJsonAsync("api/data/governance/reviews", new
        {
            indicator = 23, title = "Reviu Manajemen Data", date = Day(-2), reviewer = "Forum Satu Data", allOpd = true, findings = new[] { "Jadwal rilis belum lengkap" },
        }).ShouldBe(HttpStatusCode.Created)).ReadJson();
        var level4 = await LevelReaches(4);
        Assert.Equal(["governance.followUp.completed"], MissingMetrics(level4));

        // Level 5: the review's follow-up completed.
        var followUp = await (await walidata.PostAsJsonAsync("api/data/governance/follow-ups", new
        {
            indicator = 23, reviewId = review.GetProperty("id").GetGuid(), title = "Lengkapi jadwal rilis", date = Day(0), allOpd = true,
        }).ShouldBe(HttpStatusCode.Created)).ReadJson();
        await walidata.PostAsJsonAsync($"api/data/governance/follow-ups/{followUp.GetProperty("id").GetGuid()}/completion",
            new { completedOn = Day(0), outcome = "Jadwal rilis semua dataset ditetapkan" }).ShouldBe(HttpStatusCode.OK);
        var level5 = await LevelReaches(5);
        Assert.Empty(level5.GetProperty("missingForNextLevel").EnumerateArray());

        // Every step was pushed on the live stream, and kept as history.
        await HttpAssertions.Eventually<string?>(() => Task.FromResult(changes.Any(c => IsInstansi23(c, 5)) ? "ok" : null), Bounded, "the level-5 event on the stream");
        Assert.Equal([2, 3, 4, 5], changes.Where(c => IsInstansi23(c, null)).Select(c => c.GetProperty("level").GetInt32()));
        Assert.Equal([2, 3, 4, 5], (await History()).Select(h => h.GetProperty("level").GetInt32()));

        // The public face, through the gateway without a token: the published catalogue as CKAN and DCAT.
        var harvester = WithoutToken();
        var list = await (await harvester.GetAsync($"api/data/ckan/{Instansi}/api/3/action/package_list").ShouldBe(HttpStatusCode.OK)).ReadJson();
        Assert.True(list.GetProperty("success").GetBoolean());
        Assert.Equal(["jumlah-angkutan-umum", "jumlah-menara-telekomunikasi", "jumlah-puskesmas-per-kecamatan"], list.GetProperty("result").EnumerateArray().Select(n => n.GetString()));
        var catalog = await (await harvester.GetAsync($"api/data/catalog.jsonld?instansi={Instansi}").ShouldBe(HttpStatusCode.OK)).ReadJson();
        Assert.Equal(3, catalog.GetProperty("dcat:dataset").GetArrayLength());
        // The rest of the Data service still needs a token at the gateway.
        await harvester.GetAsync("api/data/datasets").ShouldBe(HttpStatusCode.Unauthorized);

        // An operator reads its own OPD's datasets only.
        var own = await (await Operator("dinkes").GetAsync("api/data/datasets")).ReadJson();
        Assert.All(own.GetProperty("items").EnumerateArray(), d => Assert.Equal("dinkes", d.GetProperty("opd").GetString()));

        await stream.CancelAsync();
        await listening;
    }

    /// <summary>The produsen drafts and submits; the walidata verifies and publishes.</summary>
    private async Task PublishAsync(HttpClient walidata, string opd, string title)
    {
        var produsen = Operator(opd);
        var dataset = await (await produsen.PostAsJsonAsync("api/data/datasets", new
        {
            opd, title, topic = "infrastruktur", tags = new[] { opd },
            standarData = new { konsep = title, definisi = $"Definisi {title}", klasifikasi = "Per kecamatan", ukuran = "Jumlah", satuan = "Unit" },
            metadata = new
            {
                periodicity = "tahunan", coverage = "Kota Uji", sourceActivity = "Pendataan tahunan", contactName = "Seksi Data",
                contactEmail = $"data@{opd}.example.go.id", license = "cc-by", accessLevel = "terbuka",
            },
            distributions = new[] { new { name = title, url = $"https://data.example.go.id/{opd}.csv", format = "CSV" } },
            nextReleaseDue = Day(60),
        }).ShouldBe(HttpStatusCode.Created)).ReadJson();
        var id = dataset.GetProperty("id").GetGuid();
        await produsen.PostAsJsonAsync($"api/data/datasets/{id}/submission", new { }).ShouldBe(HttpStatusCode.OK);
        await walidata.PostAsJsonAsync($"api/data/datasets/{id}/verification",
            new { standarData = true, metadata = true, interoperabilitas = true, kodeReferensi = true }).ShouldBe(HttpStatusCode.OK);
        await walidata.PostAsync($"api/data/datasets/{id}/publication", null).ShouldBe(HttpStatusCode.OK);
    }

    private bool IsInstansi23(JsonElement c, int? level) =>
        c.GetProperty("instansi").GetString() == Instansi && c.GetProperty("indicator").GetInt32() == 23
        && c.GetProperty("opd").ValueKind == JsonValueKind.Null && (level is null || c.GetProperty("level").GetInt32() == level);
}
