using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SpbeOps.ServiceDefaults.Auth;

namespace SpbeOps.Gateway.Health;

/// <summary>
/// The gateway's <c>/health</c>. It faces the internet, so it says to anyone only whether the suite is ready
/// (<c>{"status":"Healthy"}</c>, 200, or 503 when unhealthy: what probes and <c>./spbe</c> need), and names the
/// checks and the services behind it only to a Diskominfo admin's token (issue 7, row 11). <c>/alive</c> stays the
/// anonymous liveness probe of <see cref="ServiceDefaults.Extensions.MapDefaultEndpoints"/>.
/// </summary>
public static class GatewayHealthEndpoints
{
    public static IEndpointRouteBuilder MapGatewayHealth(this IEndpointRouteBuilder app)
    {
        // MapDefaultEndpoints maps a /health that shows every check to anyone, for any method; a lower order makes this
        // one answer instead, for any method too.
        app.Map("/health", Health)
            .AllowAnonymous()
            .WithOrder(-1)
            .ExcludeFromDescription();
        return app;
    }

    private static async Task Health(HttpContext http, HealthCheckService health, IAuthorizationService authorization)
    {
        var report = await health.CheckHealthAsync(http.RequestAborted);
        var detailed = (await authorization.AuthorizeAsync(http.User, SpbePolicies.DiskominfoAdmin)).Succeeded;
        object body = detailed
            ? new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => new
                {
                    status = e.Value.Status.ToString(),
                    description = e.Value.Description ?? e.Value.Exception?.Message,
                    data = e.Value.Data.Count == 0 ? null : e.Value.Data,
                }),
            }
            : new { status = report.Status.ToString() };

        http.Response.StatusCode = report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        http.Response.Headers.CacheControl = "no-store";
        await http.Response.WriteAsJsonAsync(body, JsonSerializerOptions.Web, http.RequestAborted);
    }
}
