using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using SpbeOps.Gateway.Security;

namespace SpbeOps.Gateway.Dashboard;

/// <summary>
/// The live maturity dashboard: one static page, served anonymously (it holds no data); everything it shows comes
/// from the API with the token the user pastes, so it sees exactly what that token may see.
/// </summary>
public static partial class DashboardEndpoints
{
    private static readonly Lazy<string> Page = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SpbeOps.Gateway.dashboard.html")
            ?? throw new InvalidOperationException("The dashboard page is not embedded.");
        return new StreamReader(stream).ReadToEnd();
    });

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Content(Page.Value, "text/html; charset=utf-8"))
            .AllowAnonymous()
            .WithMetadata(new ContentSecurityPolicy(Policy(Page.Value)))
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// The page's Content-Security-Policy: it runs its own inline script and style, named by their SHA-256 (taken
    /// from the page itself, so editing the page never breaks it), talks only to its own origin (the API and the
    /// live stream), and loads, frames and is framed by nothing else. A token pasted into it cannot be carried off
    /// by an injected script.
    /// </summary>
    public static string Policy(string page)
    {
        static string Hashes(MatchCollection blocks) => string.Join(' ', blocks.Select(m =>
            $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups[1].Value)))}'"));
        return $"default-src 'none'; script-src {Hashes(InlineScript().Matches(page))}; style-src {Hashes(InlineStyle().Matches(page))}; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    [GeneratedRegex("<script>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex InlineStyle();
}
