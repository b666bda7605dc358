namespace SpbeOps.Dashboard.Api;

// The Indicators API's answers as the dashboard reads them (JSON, web casing). The dashboard's own copies, as a
// backend-for-frontend keeps them: it depends on the wire format, not on the service's assembly.

public sealed record LocalizedText(string Id, string En);

public sealed record ScoreRow(int Number, string Name, decimal Weight, decimal Index);

public sealed record IndexView(decimal Index, string Predicate, string PredicateEn, IReadOnlyList<ScoreRow> Domains, IReadOnlyList<ScoreRow> Aspects, DateOnly? AsOf);

public sealed record IndicatorSummary(int Number, string Name, int Aspect, int Level, string Source)
{
    public bool IsManagement => Number is >= 21 and <= 31;
}

public sealed record Evidence(string Id, string Kind, string Label);

public sealed record CriterionResult(string Id, LocalizedText Text, string Metric, bool Met, IReadOnlyList<Evidence> Evidence);

public sealed record LevelResult(int Level, LocalizedText Text, bool Met, bool Attained, IReadOnlyList<CriterionResult> Criteria);

public sealed record SelfAssessmentView(int Level, string? Explanation, string? By, DateTimeOffset At);

public sealed record IndicatorDetail(
    int Number, string Name, string NameEn, int Aspect, decimal Weight, LocalizedText? Question, string? Opd, int Level,
    LocalizedText LevelName, string Source, bool Computed, IReadOnlyList<LevelResult> Levels,
    IReadOnlyList<CriterionResult> MissingForNextLevel, LocalizedText? Note, SelfAssessmentView? SelfAssessment);

public sealed record LevelHistoryEntry(int PreviousLevel, int Level, string Source, string Reason, string ChangedBy, DateTimeOffset ChangedAt);

public sealed record HeatmapCell(int Indicator, int? Level, int? Missing);

public sealed record HeatmapRow(string Opd, string Name, bool Visible, IReadOnlyList<HeatmapCell> Cells);

public sealed record LevelCount(int Indicator, IReadOnlyList<int> Levels);

public sealed record HeatmapView(IReadOnlyList<IndicatorSummary> Indicators, IReadOnlyList<HeatmapRow> Rows, IReadOnlyList<LevelCount> Distribution);

public sealed record WhatIfView(int Indicator, int CurrentLevel, int Level, decimal CurrentIndex, decimal Index, decimal Delta, string Predicate, string PredicateEn);

public sealed record OfficialEvaluation(int Id, decimal Index, string Predicate, decimal? ManagementDomain, decimal? Target, string Source);

/// <summary>One <c>level-changed</c> event of <c>GET /api/maturity/stream</c>.</summary>
public sealed record LevelChange(string Instansi, int Indicator, string? Opd, int PreviousLevel, int Level, string Source, DateTimeOffset ChangedAt);

/// <summary>The API refused or failed: its ProblemDetails title and detail, for the page to show.</summary>
public sealed class IndicatorsApiException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
