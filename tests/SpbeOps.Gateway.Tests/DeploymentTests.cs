using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace SpbeOps.Gateway.Tests;

/// <summary>
/// docker-compose.yml cannot run on machines without Docker, so it is kept correct by construction: it must
/// build every runnable project of the solution, and agree with ./spbe and the gateway's clusters.
/// </summary>
public sealed partial class DeploymentTests
{
    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SpbeOps.sln"))) return dir.FullName;
        throw new InvalidOperationException("SpbeOps.sln not found above the test binaries.");
    }

    /// <summary>Web projects of the solution: the services and the gateway (project folder relative to the root).</summary>
    private static IReadOnlyList<string> RunnableProjects() =>
        SolutionProject().Matches(File.ReadAllText(Path.Combine(Root, "SpbeOps.sln")))
            .Select(m => m.Groups[1].Value.Replace('\\', '/'))
            .Where(p => File.ReadAllText(Path.Combine(Root, p)).Contains("Microsoft.NET.Sdk.Web"))
            .Select(p => Path.GetDirectoryName(p)!.Replace('\\', '/'))
            .ToList();

    private static YamlMappingNode ComposeServices()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(Root, "docker-compose.yml"))));
        return (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
    }

    [Fact]
    public void Compose_builds_every_runnable_project_from_its_dockerfile()
    {
        var dockerfiles = ComposeServices().Children.Values.OfType<YamlMappingNode>()
            .Where(s => s.Children.ContainsKey("build"))
            .Select(s => ((YamlScalarNode)((YamlMappingNode)s["build"])["dockerfile"]).Value!)
            .ToHashSet();

        var projects = RunnableProjects();
        Assert.Contains("gateway/SpbeOps.Gateway", projects);
        Assert.Contains("services/Assets/SpbeOps.Assets.Api", projects);
        Assert.Contains("services/Indicators/SpbeOps.Indicators.Api", projects);
        foreach (var project in projects)
        {
            var dockerfile = $"{project}/Dockerfile";
            Assert.Contains(dockerfile, dockerfiles);
            Assert.Contains(Path.GetFileName(project) + ".dll", File.ReadAllText(Path.Combine(Root, dockerfile)));
        }
        Assert.Equal(projects.Count, dockerfiles.Count);
    }

    [Fact]
    public void Compose_runs_postgres_15_and_rabbitmq_3_without_delayed_plugins()
    {
        var services = ComposeServices();
        Assert.StartsWith("postgres:15", ((YamlScalarNode)((YamlMappingNode)services["postgres"])["image"]).Value);
        Assert.StartsWith("rabbitmq:3", ((YamlScalarNode)((YamlMappingNode)services["rabbitmq"])["image"]).Value);
        Assert.DoesNotContain("delayed", File.ReadAllText(Path.Combine(Root, "deploy/rabbitmq/enabled_plugins")));
    }

    [Fact]
    public void The_spbe_script_starts_every_service_and_the_gateway_routes_to_each()
    {
        var script = File.ReadAllText(Path.Combine(Root, "spbe"));
        var clusters = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "gateway/SpbeOps.Gateway/appsettings.json")))
            .RootElement.GetProperty("ReverseProxy").GetProperty("Clusters").EnumerateObject().Select(c => c.Name).ToHashSet();
        foreach (var project in RunnableProjects().Where(p => p.StartsWith("services/", StringComparison.Ordinal)))
        {
            var name = Path.GetFileName(project);
            Assert.Matches($@"[a-z]+:{Regex.Escape(name)}:", script);
            var service = Regex.Match(script, $@"([a-z]+):{Regex.Escape(name)}:").Groups[1].Value;
            Assert.Contains(service, clusters);
            Assert.Contains(service, ComposeServices().Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        }
    }

    [GeneratedRegex(@"Project\(""\{[^}]+\}""\) = ""[^""]+"", ""([^""]+\.csproj)""")]
    private static partial Regex SolutionProject();
}
