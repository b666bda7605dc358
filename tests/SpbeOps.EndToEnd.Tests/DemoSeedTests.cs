extern alias localtool;
using localtool::SpbeOps.LocalTool;

namespace SpbeOps.EndToEnd.Tests;

/// <summary>
/// The demo seed of Kota Pangkalpinang (deploy/seed/kota-pangkalpinang.yaml) sent by the LocalTool through the
/// gateway to the real services, twice: every step is accepted, the second run sends nothing, and the demo shows
/// indicators 27 and 28 above level 1 with their explanations.
/// </summary>
public sealed class DemoSeedTests(InfrastructureFixture infrastructure) : MaturityStory(infrastructure, indicator: 28)
{
    private static string SeedFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SpbeOps.sln"))) return Path.Combine(dir.FullName, "deploy", "seed", "kota-pangkalpinang.yaml");
        throw new InvalidOperationException("SpbeOps.sln not found above the test binaries.");
    }

    [Fact]
    public async Task The_pangkalpinang_seed_converges_and_shows_27_and_28_above_level_1()
    {
        Environment.SetEnvironmentVariable("Auth__SigningKey", TestAuth.SigningKey);
        var (output, errors) = (new StringWriter(), new StringWriter());
        string[] args = ["--gateway", GatewayAddress, "--file", SeedFile()];
        var code = await SeedCommand.RunAsync(args, output, errors, delay: (_, _) => Task.CompletedTask);
        Assert.True(code == 0, $"the seed exited {code}:\n{output}\n{errors}");

        var admin = OfInstansi("diskominfo-admin", "kota-pangkalpinang");
        var service = await HttpAssertions.Eventually<JsonElement?>(async () =>
        {
            var detail = await (await admin.GetAsync("api/maturity/indicators/28").ShouldBe(HttpStatusCode.OK)).ReadJson();
            return detail.GetProperty("level").GetInt32() >= 3 ? detail : null;
        }, Bounded, "indicator 28 of Kota Pangkalpinang at level 3");
        Assert.Contains("servicedesk.opdCoverage", MissingMetrics(service!.Value));
        await HttpAssertions.Eventually<JsonElement?>(async () =>
        {
            var detail = await (await admin.GetAsync("api/maturity/indicators/27").ShouldBe(HttpStatusCode.OK)).ReadJson();
            return detail.GetProperty("level").GetInt32() >= 2 ? detail : null;
        }, Bounded, "indicator 27 of Kota Pangkalpinang at level 2");

        output.GetStringBuilder().Clear();
        code = await SeedCommand.RunAsync(args, output, errors, delay: (_, _) => Task.CompletedTask);
        Assert.True(code == 0, $"the second seed exited {code}:\n{output}\n{errors}");
        var steps = localtool::SpbeOps.LocalTool.SeedFile.Load(SeedFile()).Steps.Count;
        Assert.Contains($"{steps} already as seeded", output.ToString());
    }
}
