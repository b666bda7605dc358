extern alias localtool;
using localtool::SpbeOps.LocalTool;

namespace SpbeOps.EndToEnd.Tests;

/// <summary>
/// The demo seed of <c>./spbe up</c> (deploy/seed/kota-pangkalpinang.yaml) against the whole suite: every step is
/// accepted by the real services, a second run writes nothing, and the indicators the demo promises are above level 1
/// with their explanations.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class DemoSeedTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(60);
    private RunningSuite _suite = null!;

    public async Task InitializeAsync() => _suite = await RunningSuite.StartAsync(infrastructure);
    public async Task DisposeAsync() => await _suite.DisposeAsync();

    private static string SeedFilePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SpbeOps.sln"))) return Path.Combine(dir.FullName, "deploy", "seed", "kota-pangkalpinang.yaml");
        throw new InvalidOperationException("SpbeOps.sln not found above the test binaries.");
    }

    private async Task<string> Seed()
    {
        Environment.SetEnvironmentVariable("Auth__SigningKey", TestAuth.SigningKey);
        var (output, errors) = (new StringWriter(), new StringWriter());
        var code = await SeedCommand.RunAsync(["--gateway", _suite.GatewayUrl, "--file", SeedFilePath()], output, errors);
        Assert.True(code == 0, $"the seed exited {code}:\n{output}\n{errors}");
        return output.ToString();
    }

    [Fact]
    public async Task The_demo_seed_is_accepted_converges_and_shows_the_security_audit_and_knowledge_indicators_above_level_1()
    {
        await Seed();
        var admin = _suite.Client("diskominfo-admin", SeedFile.Load(SeedFilePath()).Instansi);
        foreach (var indicator in new[] { 22, 26, 29, 30, 31 })
        {
            var detail = await HttpAssertions.Eventually<JsonElement?>(async () =>
            {
                var d = await (await admin.GetAsync($"api/maturity/indicators/{indicator}").ShouldBe(HttpStatusCode.OK)).ReadJson();
                return d.GetProperty("level").GetInt32() >= 2 ? d : null;
            }, Bounded, $"indicator {indicator} above level 1");
            Assert.NotEmpty(detail!.Value.GetProperty("missingForNextLevel").EnumerateArray());
        }

        var again = await Seed();
        Assert.Contains($"{SeedFile.Load(SeedFilePath()).Steps.Count} already as seeded", again);
    }
}
