using System.Reflection;

namespace SpbeOps.Gateway.Dashboard;

/// <summary>
/// The live maturity dashboard: one static page, served anonymously (it holds no data); everything it shows comes
/// from the API with the token the user pastes, so it sees exactly what that token may see.
/// </summary>
public static class DashboardEndpoints
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
            .ExcludeFromDescription();
        return app;
    }
}
