using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace SpbeOps.ServiceDefaults.Problems;

/// <summary>
/// Refuses a query or route value that <see cref="SafeText"/> refuses (e.g. <c>?q=%00</c>), with a 400 naming the
/// parameter, before any endpoint binds it: one rule for every route, instead of a check in each handler (a NUL in
/// a search text reached PostgreSQL and answered 500). A control character in the path names the route parameter
/// that holds it, or <c>path</c> when no route matched (a guid or number constraint never matches one).
/// </summary>
public sealed class UnsafeRequestValuesMiddleware(RequestDelegate next, ILogger<UnsafeRequestValuesMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (Find(context) is { } field)
        {
            logger.LogInformation("Refused unsafe characters in {Field} of {Path}", field, SafeText.Printable(context.Request.Path.Value ?? "", 200));
            await BadInput.WriteAsync(context, StatusCodes.Status400BadRequest, field, SafeText.Rule);
            return;
        }
        await next(context);
    }

    private static string? Find(HttpContext context)
    {
        foreach (var (key, values) in context.Request.Query)
        {
            if (!SafeText.IsSafe(key)) return SafeText.Printable(key);
            foreach (var value in values)
                if (value is not null && !SafeText.IsSafe(value)) return key;
        }

        var path = context.Request.Path.Value;
        if (string.IsNullOrEmpty(path) || SafeText.IsSafe(path)) return null;
        var pattern = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern;
        foreach (var (name, value) in context.Request.RouteValues)
            if (value is string s && !SafeText.IsSafe(s) && pattern?.GetParameter(name) is { IsCatchAll: false })
                return name;
        return "path";
    }
}
