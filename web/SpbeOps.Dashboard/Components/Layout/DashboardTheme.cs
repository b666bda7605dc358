using MudBlazor;

namespace SpbeOps.Dashboard.Components.Layout;

/// <summary>
/// One theme for every layout. MudBlazor's default status colours carry white text below WCAG AA (e.g. success
/// #00c853 at 2:1); these darker ones reach at least 4.5:1 with white (the live status chip, alerts, buttons).
/// </summary>
public static class DashboardTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0d47a1",
            Secondary = "#00695c",
            AppbarBackground = "#0d47a1",
            Success = "#2e7d32",
            Warning = "#b45309",
            Error = "#c62828",
            Info = "#1565c0",
        },
    };
}
