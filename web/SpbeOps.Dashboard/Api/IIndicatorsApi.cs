namespace SpbeOps.Dashboard.Api;

/// <summary>
/// The Indicators service as the dashboard calls it: server-side, with the signed-in user's own bearer token, so
/// the API's authorization and redaction decide what the user sees (docs/architecture.md, the dashboard as BFF).
/// </summary>
public interface IIndicatorsApi
{
    Task<IndexView> GetIndexAsync(DateOnly? asOf = null, CancellationToken ct = default);
    Task<IReadOnlyList<IndicatorSummary>> ListIndicatorsAsync(CancellationToken ct = default);
    Task<IndicatorDetail> GetIndicatorAsync(int number, string? opd = null, CancellationToken ct = default);
    Task<IReadOnlyList<LevelHistoryEntry>> GetHistoryAsync(int number, string? opd = null, CancellationToken ct = default);
    Task<HeatmapView> GetHeatmapAsync(CancellationToken ct = default);
    Task<WhatIfView> GetWhatIfAsync(int indicator, int level, CancellationToken ct = default);
    Task<IReadOnlyList<OfficialEvaluation>> ListEvaluationsAsync(CancellationToken ct = default);
    Task<IndicatorSummary> PutSelfAssessmentAsync(int number, int level, string explanation, CancellationToken ct = default);

    /// <summary>The open SSE stream of level changes (<c>GET /api/maturity/stream</c>); the caller disposes it.</summary>
    Task<Stream> OpenStreamAsync(CancellationToken ct);
}
