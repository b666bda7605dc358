using System.Security.Cryptography;
using System.Text;

namespace SpbeOps.Indicators.Api.Maturity;

public static class LevelSources
{
    public const string Computed = "computed";
    public const string SelfAssessment = "self-assessment";
}

/// <summary>The last recorded level of one indicator for the instansi or one OPD (one document per scope).</summary>
public sealed class IndicatorState
{
    public string Id { get; set; } = "";
    public int Indicator { get; set; }
    public string? Opd { get; set; }
    public int Level { get; set; } = 1;
    public string Source { get; set; } = LevelSources.Computed;
    public string? Explanation { get; set; }
    public string? ChangedBy { get; set; }
    public DateTimeOffset ChangedAt { get; set; }

    public static string IdFor(int indicator, string? opd) => $"{indicator}:{opd ?? "*"}";

    /// <summary>The level-change stream of one scope in one tenant (stable, so history is one stream read).</summary>
    public static Guid StreamFor(string instansi, int indicator, string? opd) =>
        new(MD5.HashData(Encoding.UTF8.GetBytes($"spbeops:level:{instansi}:{indicator}:{opd ?? "*"}")));
}

/// <summary>A level moved: the event that makes history and "as of a date" answerable.</summary>
public sealed record IndicatorLevelChanged(
    int Indicator,
    string? Opd,
    int PreviousLevel,
    int Level,
    string Source,
    string Reason,
    string ChangedBy,
    DateTimeOffset ChangedAt);
