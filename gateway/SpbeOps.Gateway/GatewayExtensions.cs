using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
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
    /// </summary>
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
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
