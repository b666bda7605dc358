using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Model;

namespace SpbeOps.Gateway.Security;

/// <summary>
/// The Content-Security-Policy of one endpoint (endpoint metadata); every other answer gets
/// <see cref="SecurityHeaders.ApiPolicy"/>.
/// </summary>
public sealed record ContentSecurityPolicy(string Value);

/// <summary>
/// The browser-facing hardening of every answer the gateway gives, its own and the services' it forwards
/// (issue 7, row 11): no MIME sniffing, no framing (X-Frame-Options and CSP <c>frame-ancestors</c>), no referrer,
/// a Content-Security-Policy (the API's answers are data and may load nothing; the dashboard's pages run their own
/// scripts, see <see cref="PagesPolicy"/>), HSTS when the request came over TLS, and no <c>Server</c> banner (Kestrel's is switched off in
/// <see cref="GatewayExtensions.AddGateway"/>; a service's, copied by the proxy, is removed here).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>For answers that are data (JSON, problem details, the event stream): nothing to load, nothing may frame them.</summary>
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>
    /// For the dashboard's pages (the catch-all route, <see cref="ServiceList.PagesPolicy"/>): scripts only from the
    /// gateway's origin (Blazor's and MudBlazor's files; no inline script, no eval), styles from it plus inline style
    /// attributes (MudBlazor sets sizes and colours in them), the Blazor circuit's WebSocket to the same host, images
    /// and fonts from the origin or data: URIs, forms posting only here, and never framed.
    /// </summary>
    public const string PagesPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self' data:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>One year, subdomains included: a browser that met the gateway over TLS never tries plain HTTP again.</summary>
    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    /// <summary>First in the pipeline, so error pages, 401/429 answers and proxied answers get the headers too.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Set when the answer starts: after an endpoint or the proxy has set its headers, so the gateway has the last word.
        context.Response.OnStarting(static state =>
        {
            Apply((HttpContext)state);
            return Task.CompletedTask;
        }, context);
        return next(context);
    });

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.Remove(HeaderNames.Server);
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        var endpoint = context.GetEndpoint();
        headers.ContentSecurityPolicy = endpoint?.Metadata.GetMetadata<ContentSecurityPolicy>()?.Value
            ?? (endpoint?.Metadata.GetMetadata<RouteModel>()?.Config.Metadata?.GetValueOrDefault(ServiceList.PolicyMetadata) == ServiceList.PagesPolicy
                ? PagesPolicy
                : ApiPolicy);
        if (context.Request.IsHttps) headers.StrictTransportSecurity = StrictTransportSecurity;
    }
}
