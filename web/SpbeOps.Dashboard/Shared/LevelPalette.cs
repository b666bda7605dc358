using MudBlazor.Charts;

namespace SpbeOps.Dashboard.Shared;

/// <summary>
/// The colours of levels 1–5, the same as the heat map's cells (wwwroot/app.css <c>.level-N</c>), so a chart of levels
/// reads like the map next to it.
/// </summary>
public static class LevelPalette
{
    public static readonly string[] Colors = ["#b71c1c", "#e65100", "#f9a825", "#2e7d32", "#1b5e20"];

    public static T Apply<T>(T options) where T : IChartOptions
    {
        options.ChartPalette = Colors;
        return options;
    }
}
