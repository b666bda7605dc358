namespace SpbeOps.Indicators.Api.Facts;

public sealed record DatasetSample(Guid Id, string Title);

/// <summary>
/// One OPD's data catalogue as indicator 23 needs it: how many of its datasets are active, verified by the walidata,
/// published, and published with complete Standar Data and metadata, with a few of them as evidence. Kept up to date
/// fact by fact like <see cref="AssetRegisterSummary"/>, so a recalculation reads one small document per OPD whatever
/// the catalogue's size.
/// </summary>
public sealed class DataCatalogueSummary
{
    public const int Samples = 5;
    public const string PublishedStatus = "dipublikasikan";
    public const string ArchivedStatus = "diarsipkan";

    /// <summary>The OPD code.</summary>
    public string Id { get; set; } = "";
    public int Total { get; set; }
    public int Verified { get; set; }
    public int Published { get; set; }
    public int PublishedComplete { get; set; }
    public List<DatasetSample> VerifiedSamples { get; set; } = [];
    public List<DatasetSample> IncompleteSamples { get; set; } = [];

    public int PublishedIncomplete => Published - PublishedComplete;

    /// <summary>Fewer samples are kept than exist (one left its set): the consumer reloads a few.</summary>
    public bool NeedsSamples => VerifiedSamples.Count < Math.Min(Samples, Verified) || IncompleteSamples.Count < Math.Min(Samples, PublishedIncomplete);

    public static bool Complete(DatasetFact d) => d.StandarDataComplete && d.MetadataComplete;

    public void Add(DatasetFact d) => Count(d, +1);

    public void Remove(DatasetFact d)
    {
        Count(d, -1);
        VerifiedSamples.RemoveAll(s => s.Id == d.Id);
        IncompleteSamples.RemoveAll(s => s.Id == d.Id);
    }

    private void Count(DatasetFact d, int by)
    {
        if (d.Archived) return;
        Total = Math.Max(0, Total + by);
        if (d.Verified) Verified = Math.Max(0, Verified + by);
        if (d.Published) Published = Math.Max(0, Published + by);
        if (d.Published && Complete(d)) PublishedComplete = Math.Max(0, PublishedComplete + by);
        if (by < 0) return;
        if (d.Verified && VerifiedSamples.Count < Samples) VerifiedSamples.Add(new DatasetSample(d.Id, d.Title));
        if (d.Published && !Complete(d) && IncompleteSamples.Count < Samples) IncompleteSamples.Add(new DatasetSample(d.Id, d.Title));
    }

    /// <summary>Moves each dataset between the counts of its OPD's catalogue (or two OPDs', when it moved), and stores them.</summary>
    public static async Task UpdateAsync(
        IDocumentSession session, FactSet facts, IReadOnlyList<DatasetFact> datasets, Func<DatasetFact, DatasetFact?> previousOf, CancellationToken ct)
    {
        var touched = new Dictionary<string, DataCatalogueSummary>(StringComparer.OrdinalIgnoreCase);
        foreach (var d in datasets)
        {
            if (previousOf(d) is { } previous) (touched[previous.Opd] = facts.CatalogueOf(previous.Opd)).Remove(previous);
            (touched[d.Opd] = facts.CatalogueOf(d.Opd)).Add(d);
        }

        var applied = datasets.Select(d => d.Id).ToArray();
        foreach (var c in touched.Values)
        {
            if (c.NeedsSamples)
            {
                // The stored copies of the datasets being applied are the previous ones: those come from memory.
                var opd = c.Id;
                var others = await session.Query<DatasetFact>()
                    .Where(d => d.Opd == opd && !applied.Contains(d.Id) && d.Verified && d.Status != ArchivedStatus)
                    .OrderBy(d => d.Title).Take(Samples * 2).ToListAsync(ct);
                var candidates = others.Concat(datasets.Where(d => string.Equals(d.Opd, opd, StringComparison.OrdinalIgnoreCase) && !d.Archived)).ToList();
                c.VerifiedSamples = [.. candidates.Where(d => d.Verified).Take(Samples).Select(d => new DatasetSample(d.Id, d.Title))];
                c.IncompleteSamples = [.. candidates.Where(d => d.Published && !Complete(d)).Take(Samples).Select(d => new DatasetSample(d.Id, d.Title))];
            }
            session.Store(c);
            facts.With(c);
        }
    }
}
