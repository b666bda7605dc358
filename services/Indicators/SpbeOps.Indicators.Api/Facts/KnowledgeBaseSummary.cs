using SpbeOps.Contracts.Knowledge;

namespace SpbeOps.Indicators.Api.Facts;

public sealed class KnowledgeArticleFact : OpdFact
{
    public string Title { get; set; } = "";
    public string Status { get; set; } = "";
    /// <summary>The service the article was captured from (a closed incident, a reviewed change), or null.</summary>
    public string? SourceService { get; set; }

    public bool Published => Status == KnowledgeBaseSummary.PublishedStatus;
    public bool Archived => Status == KnowledgeBaseSummary.ArchivedStatus;
    public bool Integrated => Published && SourceService is not null;

    public static KnowledgeArticleFact From(KnowledgeArticleChangedIntegrationEvent m) => new()
    {
        Id = m.ArticleId, Version = m.Version, UpdatedAt = m.OccurredAt, Opd = m.Opd, Title = m.Title, Status = m.Status,
        SourceService = m.SourceService,
    };
}

public sealed record ArticleSample(Guid Id, string Title);

/// <summary>
/// One OPD's knowledge base as indicator 26 needs it: how many articles it keeps, how many are published, and how
/// many of the published ones were captured from another service's record (the "integrated" KM system), with a few
/// as evidence. Kept up to date fact by fact like <see cref="DataCatalogueSummary"/>, so a recalculation reads one
/// small document per OPD whatever the number of articles.
/// </summary>
public sealed class KnowledgeBaseSummary
{
    public const int Samples = 5;
    public const string PublishedStatus = "terbit";
    public const string ArchivedStatus = "diarsipkan";

    /// <summary>The OPD code.</summary>
    public string Id { get; set; } = "";
    public int Total { get; set; }
    public int Published { get; set; }
    public int Integrated { get; set; }
    public List<ArticleSample> PublishedSamples { get; set; } = [];
    public List<ArticleSample> IntegratedSamples { get; set; } = [];

    public bool NeedsSamples => PublishedSamples.Count < Math.Min(Samples, Published) || IntegratedSamples.Count < Math.Min(Samples, Integrated);

    public void Add(KnowledgeArticleFact a) => Count(a, +1);

    public void Remove(KnowledgeArticleFact a)
    {
        Count(a, -1);
        PublishedSamples.RemoveAll(s => s.Id == a.Id);
        IntegratedSamples.RemoveAll(s => s.Id == a.Id);
    }

    private void Count(KnowledgeArticleFact a, int by)
    {
        if (a.Archived) return;
        Total = Math.Max(0, Total + by);
        if (a.Published) Published = Math.Max(0, Published + by);
        if (a.Integrated) Integrated = Math.Max(0, Integrated + by);
        if (by < 0) return;
        if (a.Published && PublishedSamples.Count < Samples) PublishedSamples.Add(new ArticleSample(a.Id, a.Title));
        if (a.Integrated && IntegratedSamples.Count < Samples) IntegratedSamples.Add(new ArticleSample(a.Id, a.Title));
    }

    /// <summary>Moves each article between the counts of its OPD's knowledge base (or two OPDs'), and stores them.</summary>
    public static async Task UpdateAsync(
        IDocumentSession session, FactSet facts, IReadOnlyList<KnowledgeArticleFact> articles, Func<KnowledgeArticleFact, KnowledgeArticleFact?> previousOf,
        CancellationToken ct)
    {
        var touched = new Dictionary<string, KnowledgeBaseSummary>(StringComparer.OrdinalIgnoreCase);
        foreach (var a in articles)
        {
            if (previousOf(a) is { } previous) (touched[previous.Opd] = facts.KnowledgeBaseOf(previous.Opd)).Remove(previous);
            (touched[a.Opd] = facts.KnowledgeBaseOf(a.Opd)).Add(a);
        }

        var applied = articles.Select(a => a.Id).ToArray();
        foreach (var k in touched.Values)
        {
            if (k.NeedsSamples)
            {
                // The stored copies of the articles being applied are the previous ones: those come from memory.
                var opd = k.Id;
                var others = await session.Query<KnowledgeArticleFact>()
                    .Where(a => a.Opd == opd && !applied.Contains(a.Id) && a.Status == PublishedStatus)
                    .OrderBy(a => a.Title).Take(Samples * 2).ToListAsync(ct);
                var candidates = others.Concat(articles.Where(a => string.Equals(a.Opd, opd, StringComparison.OrdinalIgnoreCase) && a.Published)).ToList();
                k.PublishedSamples = [.. candidates.Take(Samples).Select(a => new ArticleSample(a.Id, a.Title))];
                k.IntegratedSamples = [.. candidates.Where(a => a.Integrated).Take(Samples).Select(a => new ArticleSample(a.Id, a.Title))];
            }
            session.Store(k);
            facts.With(k);
        }
    }
}
