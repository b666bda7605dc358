using System.IO.Pipelines;
using System.Text;
using SpbeOps.Dashboard.Api;

namespace SpbeOps.Dashboard.Tests;

/// <summary>The Indicators API as the views see it, with answers a test sets; the live stream is a pipe the test writes.</summary>
public sealed class FakeIndicatorsApi : IIndicatorsApi
{
    public static readonly IReadOnlyList<int> Management = [.. Enumerable.Range(21, 11)];

    public IndexView Index { get; set; } = IndexOf(2.25m, "Cukup", "Fair");
    public Dictionary<int, int> Levels { get; } = Enumerable.Range(1, 47).ToDictionary(n => n, n => n is >= 21 and <= 31 ? 2 : 1);
    public List<OfficialEvaluation> Evaluations { get; } = [new(2021, 2.10m, "Cukup", 1.00m, 2.20m, "Keputusan MenPANRB 1503/2021"), new(2022, 2.22m, "Cukup", 1.00m, 2.50m, "Keputusan MenPANRB 108/2023")];
    public HeatmapView Heatmap { get; set; } = new([], [], []);
    public List<LevelHistoryEntry> History { get; } = [];
    public List<(int Number, int Level, string Explanation)> SelfAssessments { get; } = [];
    public Dictionary<int, SelfAssessmentView> SelfAssessed { get; } = [];
    public int IndexCalls { get; private set; }
    public Pipe Stream { get; private set; } = new();
    public int StreamsOpened { get; private set; }
    public Exception? StreamFailure { get; set; }

    public static IndexView IndexOf(decimal index, string predicate, string predicateEn) =>
        new(index, predicate, predicateEn,
            [new(1, "Kebijakan Internal SPBE", 13m, 2.5m), new(2, "Tata Kelola SPBE", 25m, 2m), new(3, "Manajemen SPBE", 16.5m, 2m), new(4, "Layanan SPBE", 45.5m, 2.4m)],
            [new(1, "Kebijakan Internal Tata Kelola SPBE", 13m, 2.5m)], null);

    public Task<IndexView> GetIndexAsync(DateOnly? asOf = null, CancellationToken ct = default)
    {
        IndexCalls++;
        return Task.FromResult(asOf is null ? Index : Index with { AsOf = asOf });
    }

    public Task<IReadOnlyList<IndicatorSummary>> ListIndicatorsAsync(CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<IndicatorSummary>>([.. Levels.Select(l => new IndicatorSummary(l.Key, $"Indikator {l.Key}", 1, l.Value,
            l.Key is >= 21 and <= 31 ? "computed" : "self-assessment"))]);

    public Task<IndicatorDetail> GetIndicatorAsync(int number, string? opd = null, CancellationToken ct = default)
    {
        var level = Levels[number];
        var missing = level < 5 ? [Criterion($"{number}.{level + 1}.a", false, new Evidence(Guid.Empty.ToString(), "asset", "Server utama"))] : Array.Empty<CriterionResult>();
        return Task.FromResult(new IndicatorDetail(number, $"Indikator {number}", $"Indicator {number}", 5, 1.5m, null, opd, level,
            new Api.LocalizedText("Terkelola", "Managed"), "computed", true,
            [.. Enumerable.Range(1, 5).Select(l => new LevelResult(l, new Api.LocalizedText($"Teks level {l}", $"Level {l} text"), l <= level, l <= level,
                l == 1 ? [] : [Criterion($"{number}.{l}.a", l <= level)]))],
            missing, null, SelfAssessed.GetValueOrDefault(number)));
    }

    private static CriterionResult Criterion(string id, bool met, params Evidence[] evidence) =>
        new(id, new Api.LocalizedText($"Kriteria {id}", $"Criterion {id}"), "metric", met, evidence);

    public Task<IReadOnlyList<LevelHistoryEntry>> GetHistoryAsync(int number, string? opd = null, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<LevelHistoryEntry>>(History);

    public Task<HeatmapView> GetHeatmapAsync(CancellationToken ct = default) => Task.FromResult(Heatmap);

    public Task<WhatIfView> GetWhatIfAsync(int indicator, int level, CancellationToken ct = default)
    {
        var delta = (level - Levels[indicator]) * 0.015m;
        return Task.FromResult(new WhatIfView(indicator, Levels[indicator], level, Index.Index, Index.Index + delta, delta, "Cukup", "Fair"));
    }

    public Task<IReadOnlyList<OfficialEvaluation>> ListEvaluationsAsync(CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<OfficialEvaluation>>(Evaluations);

    public Task<IndicatorSummary> PutSelfAssessmentAsync(int number, int level, string explanation, CancellationToken ct = default)
    {
        SelfAssessments.Add((number, level, explanation));
        Levels[number] = level;
        return Task.FromResult(new IndicatorSummary(number, $"Indikator {number}", 1, level, "self-assessment"));
    }

    public Task<Stream> OpenStreamAsync(CancellationToken ct)
    {
        StreamsOpened++;
        if (StreamFailure is { } failure) throw failure;
        return Task.FromResult(Stream.Reader.AsStream());
    }

    /// <summary>Writes one SSE event as <c>GET /api/maturity/stream</c> does, keep-alive comment included.</summary>
    public async Task SendAsync(LevelChange change)
    {
        var data = System.Text.Json.JsonSerializer.Serialize(change, System.Text.Json.JsonSerializerOptions.Web);
        await Stream.Writer.WriteAsync(Encoding.UTF8.GetBytes($": keep-alive\n\nevent: level-changed\nid: x\ndata: {data}\n\n"));
    }

    /// <summary>The server ends the stream; the next open gets a new one.</summary>
    public async Task EndStreamAsync()
    {
        var ending = Stream;
        Stream = new Pipe();
        await ending.Writer.CompleteAsync();
    }
}
