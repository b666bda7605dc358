using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration.Memory;
using SpbeOps.Gateway.Health;
using SpbeOps.ServiceDefaults;
using SpbeOps.ServiceDefaults.Auth;

namespace SpbeOps.Gateway;

public static class GatewayExtensions
{
    public const string PerUserRateLimit = "per-user";

    /// <summary>
    /// The routes of a Satu Data portal's public face (the Data service's CKAN Action API and DCAT catalogue): no token
    /// needed. A policy of its own, named in appsettings.json, so that no route is anonymous by accident.
    /// </summary>
    public const string PublicCataloguePolicy = "public-catalogue";

    /// <summary>
    /// The dashboard's pages (the catch-all route): no token at the gateway, because the dashboard signs its users in
    /// itself (its cookie; <c>/masuk</c> must be reachable) and calls the API with their token. Named, like
    /// <see cref="PublicCataloguePolicy"/>, so that no route is anonymous by accident.
    /// </summary>
    public const string DashboardPagesPolicy = "dashboard-pages";

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

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(PublicCataloguePolicy, p => p.RequireAssertion(_ => true))
            .AddPolicy(DashboardPagesPolicy, p => p.RequireAssertion(_ => true));

        var limits = RateLimits.From(builder.Configuration);
        builder.Services.AddSingleton(limits);
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // A refused caller is told when the bucket has tokens again (the limiter knows; else one period).
            o.OnRejected = (context, _) =>
            {
                var after = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter =
                    Math.Max(1, (long)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            // One bucket per caller and instansi, sized by role or integration client (RateLimits).
            o.AddPolicy(PerUserRateLimit, context =>
            {
                var (partition, perMinute) = limits.For(context.User, context.Connection.RemoteIpAddress?.ToString());
                return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perMinute,
                    TokensPerPeriod = perMinute,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });

        // No "Server: Kestrel" banner (SecurityHeaders removes a service's banner from proxied answers).
        builder.Services.Configure<KestrelServerOptions>(k => k.AddServerHeader = false);

        // The gateway is ready when every service behind it is.
        builder.Services.AddHttpClient(DownstreamHealthCheck.ClientName);
        builder.Services.AddHealthChecks().AddCheck<DownstreamHealthCheck>("services", tags: [Extensions.ReadyTag]);
        return builder;
    }
}
