extern alias localtool;

namespace SpbeOps.EndToEnd.Tests;

/// <summary>
/// The Kota Pangkalpinang demo seed (deploy/seed/kota-pangkalpinang.yaml), sent through the gateway of the whole suite
/// into a fresh instansi, as `./spbe seed` sends it: every step passes the services' validation, and indicator 25
/// (Kompetensi SDM) shows above level 1 with its explanation.
/// </summary>
public sealed class DemoSeedTests(InfrastructureFixture infrastructure) : MaturityStory(infrastructure, indicator: 25)
{
    private static string SeedFilePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SpbeOps.sln"))) return Path.Combine(dir.FullName, "deploy", "seed", "kota-pangkalpinang.yaml");
        throw new InvalidOperationException("SpbeOps.sln not found above the test binaries.");
    }

    [Fact]
    public async Task The_demo_seed_passes_the_services_and_shows_indicator_25_above_level_1_with_its_explanation()
    {
        var seed = Path.Combine(Path.GetTempPath(), $"{Instansi}.yaml");
        var text = await File.ReadAllTextAsync(SeedFilePath());
        await File.WriteAllTextAsync(seed, text.Replace("instansi: kota-pangkalpinang", $"instansi: {Instansi}"));
        Environment.SetEnvironmentVariable("Auth__SigningKey", TestAuth.SigningKey);
        var (output, errors) = (new StringWriter(), new StringWriter());
        try
        {
            var code = await localtool::SpbeOps.LocalTool.SeedCommand.RunAsync(
                ["--gateway", Admin.BaseAddress!.ToString(), "--file", seed], output, errors);
            Assert.True(code == 0, $"the seed exited {code}:\n{output}\n{errors}");
        }
        finally
        {
            File.Delete(seed);
        }

        // The facts arrive one by one: wait for all three certified areas (keamanan, aplikasi, infrastruktur).
        var criteria = (await HttpAssertions.Eventually<Dictionary<string, JsonElement>?>(async () =>
        {
            var c = Criteria(await Indicator());
            return c["25.3.allAreas"].GetProperty("actual").GetDouble() == 3.0 ? c : null;
        }, Bounded, "three areas met"))!;
        var detail = await Indicator();
        Assert.Equal(2, detail.GetProperty("level").GetInt32());
        Assert.Equal(["competency.areas.met"], MissingMetrics(detail));
        Assert.Contains(criteria["25.3.allAreas"].GetProperty("evidence").EnumerateArray(),
            e => e.GetProperty("kind").GetString() == "competency.area.gap" && e.GetProperty("label").GetString()!.StartsWith("arsitektur-spbe (diskominfo)"));

        var coverage = await (await Admin.GetAsync("api/competency/coverage").ShouldBe(HttpStatusCode.OK)).ReadJson();
        Assert.Single(coverage.GetProperty("expiring").EnumerateArray());
    }

    private static Dictionary<string, JsonElement> Criteria(JsonElement detail) =>
        detail.GetProperty("levels").EnumerateArray().SelectMany(l => l.GetProperty("criteria").EnumerateArray())
            .ToDictionary(c => c.GetProperty("id").GetString()!);
}
