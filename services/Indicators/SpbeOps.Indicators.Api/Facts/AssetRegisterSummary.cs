namespace SpbeOps.Indicators.Api.Facts;

public sealed record AssetSample(Guid Id, string Name);

/// <summary>
/// One OPD's asset register as indicator 24 needs it: how many assets are at each lifecycle stage, and a few of
/// them to show as evidence. Kept up to date fact by fact, so a recalculation reads one small document per OPD
/// instead of every asset of the instansi (a register of 10,000 assets costs the same as one of 10).
/// </summary>
public sealed class AssetRegisterSummary
{
    public const int Samples = 5;

    /// <summary>The OPD code.</summary>
    public string Id { get; set; } = "";
    public Dictionary<string, int> ByStage { get; set; } = [];
    public List<AssetSample> InUse { get; set; } = [];
    public List<AssetSample> Active { get; set; } = [];

    public int Count(string stage) => ByStage.GetValueOrDefault(stage);
    public int Total => ByStage.Values.Sum();
    public int ActiveCount => Total - Count(Disposed);
    public int InUseCount => Count(InUseStage);

    /// <summary>Fewer samples are kept than exist (one left the list): the consumer reloads a few.</summary>
    public bool NeedsSamples => InUse.Count < Math.Min(Samples, InUseCount) || Active.Count < Math.Min(Samples, ActiveCount);

    public const string InUseStage = "pemanfaatan";
    public const string Disposed = "penghapusan";

    public void Remove(AssetFact asset)
    {
        if (ByStage.TryGetValue(asset.Stage, out var n)) ByStage[asset.Stage] = Math.Max(0, n - 1);
        InUse.RemoveAll(s => s.Id == asset.Id);
        Active.RemoveAll(s => s.Id == asset.Id);
    }

    public void Add(AssetFact asset)
    {
        ByStage[asset.Stage] = Count(asset.Stage) + 1;
        var sample = new AssetSample(asset.Id, asset.Name);
        if (asset.Stage == InUseStage && InUse.Count < Samples) InUse.Add(sample);
        if (asset.Stage != Disposed && Active.Count < Samples) Active.Add(sample);
    }

    /// <summary>
    /// Refills both sample lists when <see cref="NeedsSamples"/>: <see cref="InUse"/> from assets in use and
    /// <see cref="Active"/> from assets not disposed, each list from its own candidates (a few of the OPD's other
    /// assets of that set, as stored), then <paramref name="applied"/>, the asset just applied, in its new state.
    /// Candidates of another stage or OPD are ignored, so a caller cannot fill one list from the other's set.
    /// </summary>
    public void Resample(IEnumerable<AssetFact> inUse, IEnumerable<AssetFact> active, AssetFact applied) =>
        Resample(inUse, active, [applied]);

    /// <summary>As above, for a batch: <paramref name="applied"/> are the assets just applied, in their new state.</summary>
    public void Resample(IEnumerable<AssetFact> inUse, IEnumerable<AssetFact> active, IReadOnlyCollection<AssetFact> applied)
    {
        InUse = Pick(inUse, applied, a => a.Stage == InUseStage);
        Active = Pick(active, applied, a => a.Stage != Disposed);
    }

    private List<AssetSample> Pick(IEnumerable<AssetFact> candidates, IReadOnlyCollection<AssetFact> applied, Func<AssetFact, bool> belongs) =>
    [
        .. candidates.Where(a => applied.All(x => x.Id != a.Id)).Concat(applied)
            .Where(a => string.Equals(a.Opd, Id, StringComparison.OrdinalIgnoreCase) && belongs(a))
            .Take(Samples)
            .Select(a => new AssetSample(a.Id, a.Name)),
    ];
}
