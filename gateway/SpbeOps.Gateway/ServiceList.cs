using System.Globalization;
using System.Text.RegularExpressions;
using SpbeOps.ServiceDefaults.Auth;

namespace SpbeOps.Gateway;

/// <summary>One line of <c>deploy/services.txt</c>: a runnable project of the suite.</summary>
public sealed record ServiceEntry(string Name, string Project, string Folder, int Port, string? Schema, IReadOnlyList<string> Routes)
{
    public bool IsGateway => Name == ServiceList.GatewayName;

    /// <summary>Routes <c>/</c>: the pages (the web dashboard), every path no other route or gateway endpoint takes.</summary>
    public bool IsCatchAll => Routes.Contains(ServiceList.CatchAllRoute);
}

/// <summary>
/// <c>deploy/services.txt</c>, the one list of runnable projects that <c>./spbe</c>, the gateway and the tests read
/// (its header explains the columns). The csproj copies it next to the dll, locally and in the Docker image.
/// </summary>
public static partial class ServiceList
{
    public const string FileName = "services.txt";
    public const string GatewayName = "gateway";

    /// <summary>The route column value of the service that answers every other path (the dashboard's pages).</summary>
    public const string CatchAllRoute = "/";

    /// <summary>After every other route (YARP: lower Order wins), so <c>/api/...</c>, <c>/health</c>, <c>/alive</c> never reach it.</summary>
    public const int CatchAllOrder = 1000;

    /// <summary>Route metadata naming the Content-Security-Policy of the answers (<see cref="Security.SecurityHeaders"/>).</summary>
    public const string PolicyMetadata = "ContentSecurityPolicy";
    public const string PagesPolicy = "pages";

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, FileName);

    public static IReadOnlyList<ServiceEntry> Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>The services behind the gateway, in start order.</summary>
    public static IReadOnlyList<ServiceEntry> Services(this IEnumerable<ServiceEntry> entries) => entries.Where(e => !e.IsGateway).ToList();

    public static IReadOnlyList<ServiceEntry> Parse(string text, string source = FileName)
    {
        var entries = new List<ServiceEntry>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var f = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (f.Length != 6 || !Name().IsMatch(f[0]) || !int.TryParse(f[3], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
                throw new FormatException($"{source}:{i + 1}: expected 'name project folder port schema routes', got '{line}'");
            var routes = f[5] == "-" ? [] : f[5].Split(',');
            if (routes.FirstOrDefault(r => r != CatchAllRoute && (!r.StartsWith('/') || r.EndsWith('/'))) is { } bad)
                throw new FormatException($"{source}:{i + 1}: route prefix '{bad}' must start with '/' and not end with it (or be '/' alone)");
            if (routes.Contains(CatchAllRoute) && routes.Length > 1)
                throw new FormatException($"{source}:{i + 1}: the catch-all route '/' stands alone");
            entries.Add(new ServiceEntry(f[0], f[1], f[2], port, f[4] == "-" ? null : f[4], routes));
        }
        if (entries.GroupBy(e => e.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new FormatException($"{source}: '{twice.Key}' is listed twice");
        if (entries.SelectMany(e => e.Routes).GroupBy(r => r).FirstOrDefault(g => g.Count() > 1) is { } shared)
            throw new FormatException($"{source}: route prefix '{shared.Key}' is listed twice");
        return entries;
    }

    /// <summary>
    /// YARP configuration (keys under <c>ReverseProxy</c>) for the services: a cluster each with passive health
    /// checks and destination <c>http://127.0.0.1:port/</c>, and for each route prefix P the routes <c>P</c> and
    /// <c>P/{**rest}</c>, both for members only and rate limited per user. The catch-all <c>/</c> (the dashboard)
    /// is one route <c>/{**rest}</c> after all others, with no token needed at the gateway
    /// (<see cref="GatewayExtensions.DashboardPagesPolicy"/>), with the browser's Host header (its redirects and
    /// cookies name the gateway's address) and the pages' Content-Security-Policy. WebSockets (the Blazor
    /// circuit) pass through YARP as they are.
    /// </summary>
    public static Dictionary<string, string?> ProxyConfiguration(this IEnumerable<ServiceEntry> entries)
    {
        var config = new Dictionary<string, string?>();
        foreach (var service in entries.Services())
        {
            var cluster = $"ReverseProxy:Clusters:{service.Name}";
            config[$"{cluster}:HealthCheck:Passive:Enabled"] = "true";
            config[$"{cluster}:Destinations:d1:Address"] = $"http://127.0.0.1:{service.Port}/";
            if (service.IsCatchAll)
            {
                var route = $"ReverseProxy:Routes:{service.Name}";
                config[$"{route}:ClusterId"] = service.Name;
                config[$"{route}:AuthorizationPolicy"] = GatewayExtensions.DashboardPagesPolicy;
                config[$"{route}:RateLimiterPolicy"] = GatewayExtensions.PerUserRateLimit;
                config[$"{route}:Order"] = CatchAllOrder.ToString(CultureInfo.InvariantCulture);
                config[$"{route}:Match:Path"] = "/{**rest}";
                config[$"{route}:Metadata:{PolicyMetadata}"] = PagesPolicy;
                config[$"{route}:Transforms:0:RequestHeaderOriginalHost"] = "true";
                continue;
            }
            foreach (var prefix in service.Routes)
            {
                var id = prefix.Trim('/').Replace('/', '-');     // /api/assets -> api-assets
                Route(id, prefix + "/{**rest}");
                Route(id + "-root", prefix);

                void Route(string routeId, string path)
                {
                    var route = $"ReverseProxy:Routes:{routeId}";
                    config[$"{route}:ClusterId"] = service.Name;
                    config[$"{route}:AuthorizationPolicy"] = SpbePolicies.Member;
                    config[$"{route}:RateLimiterPolicy"] = GatewayExtensions.PerUserRateLimit;
                    config[$"{route}:Match:Path"] = path;
                }
            }
        }
        return config;
    }

    [GeneratedRegex("^[a-z][a-z0-9]*$")]
    private static partial Regex Name();
}
