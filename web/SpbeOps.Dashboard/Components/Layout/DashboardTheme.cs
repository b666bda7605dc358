using MudBlazor;

namespace SpbeOps.Dashboard.Components.Layout;

/// <summary>One theme for every layout: a dark blue with white text passes WCAG AA contrast on the app bar and buttons.</summary>
public static class DashboardTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight { Primary = "#0d47a1", Secondary = "#00695c", AppbarBackground = "#0d47a1" },
    };
}
