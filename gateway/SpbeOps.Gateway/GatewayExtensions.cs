using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration.Memory;
using SpbeOps.Gateway.Health;
using SpbeOps.ServiceDefaults;
using SpbeOps.ServiceDefaults.Auth;

namespace SpbeOps.Gateway;

public static class GatewayExtensions
{
    public const string PerUserRateLimit = "per-user";

    /// <summary>
    /// YARP with routes and clusters from configuration (section <c>ReverseProxy</c>); every route names its
    /// authorization policy. The gateway validates tokens before forwarding; services validate them again.
    /// The services' routes and clusters come from <c>deploy/services.txt</c> (see <see cref="ServiceList"/>), as
    /// the lowest configuration source: appsettings.json adds the special cases, environment variables (e.g. a
    /// cluster's address) override both.
    /// </summary>
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        var services = ServiceList.Load(builder.Configuration["Gateway:ServicesFile"] ?? ServiceList.DefaultPath);
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = services.ProxyConfiguration() });
        builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));

        var permitsPerMinute = builder.Configuration.GetValue("Gateway:RequestsPerMinute", 600);
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(PerUserRateLimit, context => RateLimitPartition.GetTokenBucketLimiter(
                context.User.FindFirst(SpbeClaims.Subject)?.Value ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = permitsPerMinute,
                    TokensPerPeriod = permitsPerMinute,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });

        // The gateway is ready when every service behind it is.
        builder.Services.AddHttpClient(DownstreamHealthCheck.ClientName);
        builder.Services.AddHealthChecks().AddCheck<DownstreamHealthCheck>("services", tags: [Extensions.ReadyTag]);
        return builder;
    }
}
