using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace SpbeOps.Gateway.Tests;

/// <summary>
/// deploy/services.txt is the one list of runnable projects: ./spbe and the gateway read it, but SpbeOps.sln and
/// docker-compose.yml cannot (and compose cannot run on machines without Docker), so these tests keep them in step.
/// </summary>
public sealed partial class DeploymentTests
{
    private const string SharedDockerfile = "deploy/Dockerfile";
    private static readonly string Root = FindRoot();
    private static readonly IReadOnlyList<ServiceEntry> Listed = ServiceList.Load(Path.Combine(Root, "deploy", ServiceList.FileName));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SpbeOps.sln"))) return dir.FullName;
        throw new InvalidOperationException("SpbeOps.sln not found above the test binaries.");
    }

    /// <summary>Web projects of the solution: the services and the gateway (project file relative to the root).</summary>
    private static IReadOnlyList<string> RunnableProjects() =>
        SolutionProject().Matches(File.ReadAllText(Path.Combine(Root, "SpbeOps.sln")))
            .Select(m => m.Groups[1].Value.Replace('\\', '/'))
            .Where(p => File.ReadAllText(Path.Combine(Root, p)).Contains("Microsoft.NET.Sdk.Web"))
            .ToList();

    private static YamlMappingNode ComposeServices()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(Root, "docker-compose.yml"))));
        return (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
    }

    private static YamlMappingNode Mapping(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var child) && child is YamlMappingNode mapping
            ? mapping
            : throw new Xunit.Sdk.XunitException($"'{key}' missing or not a mapping");

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var child) ? (child as YamlScalarNode)?.Value : null;

    [Fact]
    public void The_service_list_names_every_runnable_project_of_the_solution_and_nothing_else()
    {
        var listed = Listed.Select(e => $"{e.Folder}/{e.Project}.csproj").Order().ToList();
        Assert.Equal(listed, RunnableProjects().Order());
        Assert.Single(Listed, e => e.IsGateway);
        Assert.Contains(Listed, e => e.Folder == "services/Assets/SpbeOps.Assets.Api");
        Assert.Equal(Listed.Count, Listed.Select(e => e.Port).Distinct().Count());
    }

    [Fact]
    public void Compose_builds_every_listed_project_with_the_shared_dockerfile()
    {
        var compose = ComposeServices();
        foreach (var entry in Listed)
        {
            Assert.True(compose.Children.ContainsKey(entry.Name), $"docker-compose.yml has no service '{entry.Name}'");
            var build = Mapping(Mapping(compose, entry.Name), "build");
            Assert.Equal(".", Scalar(build, "context"));
            Assert.Equal(SharedDockerfile, Scalar(build, "dockerfile"));
            var args = Mapping(build, "args");
            Assert.Equal(entry.Folder, Scalar(args, "PROJECT"));
            Assert.Equal(entry.Project + ".dll", Scalar(args, "DLL"));
            Assert.False(File.Exists(Path.Combine(Root, entry.Folder, "Dockerfile")), $"{entry.Folder}/Dockerfile: use {SharedDockerfile}");
            if (!entry.IsGateway)
                Assert.Equal(entry.Schema, Scalar(Mapping(Mapping(compose, entry.Name), "environment"), "Marten__Schema"));
        }

        var built = compose.Children.Where(s => s.Value is YamlMappingNode m && m.Children.ContainsKey("build"))
            .Select(s => ((YamlScalarNode)s.Key).Value);
        Assert.Equal(Listed.Select(e => e.Name).Order(), built.Order());

        var dockerfile = File.ReadAllText(Path.Combine(Root, SharedDockerfile));
        Assert.Contains("ARG PROJECT", dockerfile);
        Assert.Contains("ARG DLL", dockerfile);
    }

    [Fact]
    public void Compose_gateway_routes_to_and_waits_for_every_listed_service()
    {
        var gateway = Mapping(ComposeServices(), ServiceList.GatewayName);
        var environment = Mapping(gateway, "environment");
        var dependsOn = Mapping(gateway, "depends_on");
        foreach (var service in Listed.Services())
        {
            Assert.Equal($"http://{service.Name}:8080/", Scalar(environment, $"ReverseProxy__Clusters__{service.Name}__Destinations__d1__Address"));
            Assert.Equal("service_healthy", Scalar(Mapping(dependsOn, service.Name), "condition"));
        }
    }

    [Fact]
    public void The_dashboard_takes_every_other_path_and_knows_where_the_indicators_api_is()
    {
        var dashboard = Assert.Single(Listed, e => e.IsCatchAll);
        Assert.Equal(["/"], dashboard.Routes);
        var environment = Mapping(Mapping(ComposeServices(), dashboard.Name), "environment");
        Assert.Equal("http://indicators:8080/", Scalar(environment, "Services__indicators"));
        Assert.Throws<FormatException>(() => ServiceList.Parse("web SpbeOps.Web web/SpbeOps.Web 8190 - /,/api/web"));
        Assert.Throws<FormatException>(() => ServiceList.Parse("web SpbeOps.Web web/SpbeOps.Web 8190 - /api/web/"));
    }

    [Fact]
    public void Compose_runs_postgres_15_and_rabbitmq_3_without_delayed_plugins()
    {
        var services = ComposeServices();
        Assert.StartsWith("postgres:15", Scalar(Mapping(services, "postgres"), "image"));
        Assert.StartsWith("rabbitmq:3", Scalar(Mapping(services, "rabbitmq"), "image"));
        Assert.DoesNotContain("delayed", File.ReadAllText(Path.Combine(Root, "deploy/rabbitmq/enabled_plugins")));
    }

    [Fact]
    public void The_gateway_settings_add_special_cases_to_listed_services_only()
    {
        var proxy = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "gateway/SpbeOps.Gateway/appsettings.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }).RootElement.GetProperty("ReverseProxy");
        var names = Listed.Services().Select(s => s.Name).ToList();
        foreach (var cluster in proxy.GetProperty("Clusters").EnumerateObject()) Assert.Contains(cluster.Name, names);
        foreach (var route in proxy.GetProperty("Routes").EnumerateObject()) Assert.Contains(route.Value.GetProperty("ClusterId").GetString(), names);
    }

    /// <summary>An IDE's <c>dotnet run</c> reads neither ./spbe nor compose: its launch profile and settings must agree too.</summary>
    [Fact]
    public void Launch_profiles_and_settings_agree_with_the_list()
    {
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        foreach (var entry in Listed)
        {
            var launch = Path.Combine(Root, entry.Folder, "Properties/launchSettings.json");
            if (File.Exists(launch))
                foreach (var profile in JsonDocument.Parse(File.ReadAllText(launch), options).RootElement.GetProperty("profiles").EnumerateObject())
                    if (profile.Value.TryGetProperty("applicationUrl", out var urls))
                        Assert.All(urls.GetString()!.Split(';'), url => Assert.Equal(entry.Port, new Uri(url).Port));

            var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, entry.Folder, "appsettings.json")), options).RootElement;
            if (settings.TryGetProperty("Marten", out var marten) && marten.TryGetProperty("Schema", out var schema))
                Assert.Equal(entry.Schema, schema.GetString());
        }
    }

    /// <summary>./spbe reads the list with bash: it must see the same lines, and name no project itself.</summary>
    [Fact]
    public async Task The_spbe_script_reads_the_same_list()
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                "-c",
                """
                set -euo pipefail
                . deploy/local/env.sh; . deploy/local/common.sh; . deploy/local/apps.sh
                services_load
                for entry in "${SERVICES[@]}" "$GATEWAY"; do
                  app_parse "$entry"; printf '%s %s %s %s %s\n' "$app_name" "$app_project" "${app_dir#"$SPBE_ROOT"/}" "$app_port" "$app_schema"
                done
                """,
            },
        };
        // No SPBE_<NAME>_PORT override (or any other) from the caller's environment.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("SPBE_", StringComparison.Ordinal)).ToList()) start.Environment.Remove(key);
        start.Environment["SPBE_ROOT"] = Root;
        using var bash = Process.Start(start)!;
        var output = await bash.StandardOutput.ReadToEndAsync();
        var errors = await bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync();
        Assert.True(bash.ExitCode == 0, errors);

        var expected = Listed.Services().Append(Listed.Single(e => e.IsGateway))
            .Select(e => $"{e.Name} {e.Project} {e.Folder} {e.Port} {e.Schema ?? "-"}");
        Assert.Equal(expected, output.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        var scripts = Directory.GetFiles(Path.Combine(Root, "deploy/local"), "*.sh").Append(Path.Combine(Root, "spbe"))
            .Select(File.ReadAllText).ToList();
        foreach (var entry in Listed)
            Assert.DoesNotContain(scripts, s => s.Contains(entry.Project, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"Project\(""\{[^}]+\}""\) = ""[^""]+"", ""([^""]+\.csproj)""")]
    private static partial Regex SolutionProject();
}
