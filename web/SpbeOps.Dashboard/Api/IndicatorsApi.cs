using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace SpbeOps.Dashboard.Api;

/// <summary>The typed client of the Indicators API (configuration <c>Services:indicators</c>).</summary>
public sealed class IndicatorsApi(HttpClient http, IHttpClientFactory clients, AccessToken token) : IIndicatorsApi
{
    public const string StreamClient = "indicators-stream";
    public const string ReportPath = "api/maturity/report";

    public Task<IndexView> GetIndexAsync(DateOnly? asOf = null, CancellationToken ct = default) =>
        GetAsync<IndexView>("api/maturity/index" + (asOf is { } d ? "?asOf=" + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : ""), ct);

    public Task<IReadOnlyList<IndicatorSummary>> ListIndicatorsAsync(CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<IndicatorSummary>>("api/maturity/indicators", ct);

    public Task<IndicatorDetail> GetIndicatorAsync(int number, string? opd = null, CancellationToken ct = default) =>
        GetAsync<IndicatorDetail>($"api/maturity/indicators/{number}{Opd(opd)}", ct);

    public Task<IReadOnlyList<LevelHistoryEntry>> GetHistoryAsync(int number, string? opd = null, CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<LevelHistoryEntry>>($"api/maturity/indicators/{number}/history{Opd(opd)}", ct);

    public Task<HeatmapView> GetHeatmapAsync(CancellationToken ct = default) => GetAsync<HeatmapView>("api/maturity/heatmap", ct);

    public Task<WhatIfView> GetWhatIfAsync(int indicator, int level, CancellationToken ct = default) =>
        GetAsync<WhatIfView>($"api/maturity/what-if?indicator={indicator}&level={level}", ct);

    public Task<IReadOnlyList<OfficialEvaluation>> ListEvaluationsAsync(CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<OfficialEvaluation>>("api/maturity/evaluations", ct);

    public async Task<IndicatorSummary> PutSelfAssessmentAsync(int number, int level, string explanation, CancellationToken ct = default)
    {
        using var request = await RequestAsync(HttpMethod.Put, $"api/maturity/self-assessment/{number}");
        request.Content = JsonContent.Create(new { level, explanation });
        return await SendAsync<IndicatorSummary>(request, ct);
    }

    public async Task<Stream> OpenStreamAsync(CancellationToken ct)
    {
        var request = await RequestAsync(HttpMethod.Get, "api/maturity/stream");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        // Its own client: no resilience timeouts on a stream that stays open for the circuit's lifetime.
        var response = await clients.CreateClient(StreamClient).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        await EnsureSuccessAsync(response, ct);
        return await response.Content.ReadAsStreamAsync(ct);
    }

    private static string Opd(string? opd) => opd is null ? "" : "?opd=" + Uri.EscapeDataString(opd);

    private async Task<T> GetAsync<T>(string path, CancellationToken ct)
    {
        using var request = await RequestAsync(HttpMethod.Get, path);
        return await SendAsync<T>(request, ct);
    }

    private async Task<HttpRequestMessage> RequestAsync(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await token.GetAsync());
        return request;
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, CancellationToken ct)
    {
        using var response = await http.SendAsync(request, ct);
        await EnsureSuccessAsync(response, ct);
        return await response.Content.ReadFromJsonAsync<T>(JsonSerializerOptions.Web, ct)
            ?? throw new IndicatorsApiException(StatusCodes.Status502BadGateway, "Jawaban kosong / Empty answer.");
    }

    /// <summary>A 4xx/5xx becomes an <see cref="IndicatorsApiException"/> with the ProblemDetails' words.</summary>
    internal static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode) return;
        string message;
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(JsonSerializerOptions.Web, ct);
            message = string.Join(": ", new[] { problem?.Title, problem?.Detail }.Where(s => !string.IsNullOrWhiteSpace(s)));
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            message = "";
        }
        response.Dispose();
        throw new IndicatorsApiException((int)response.StatusCode, message.Length > 0 ? message : $"HTTP {(int)response.StatusCode}");
    }
}
