using SpbeOps.Contracts.Knowledge;

namespace SpbeOps.Knowledge.Api.Articles;

/// <summary>The article's states (status draft → reviu → terbit → diarsipkan).</summary>
public static class ArticleStatus
{
    public const string Draft = "draft";
    public const string Reviu = "reviu";
    public const string Terbit = "terbit";
    public const string Diarsipkan = "diarsipkan";

    public static readonly string[] All = [Draft, Reviu, Terbit, Diarsipkan];
}

/// <summary>A step of the flow as the article keeps it: who took it, when, with what note.</summary>
public sealed record FlowStep(string? Note, string By, DateOnly On);

/// <summary>
/// Where a captured article came from: a record of another service (a closed incident with lessons learned of the
/// Security service, a reviewed change of Service management). One article per source (the id is derived from it).
/// </summary>
public sealed record ArticleSource(string Service, string Kind, string RecordId, string? Reference);

/// <summary>
/// One knowledge article (pengetahuan) of a perangkat daerah: Markdown body, category, tags, related applications or
/// assets, the flow draft → reviu → terbit → diarsipkan, and a review-by date after which a published article is
/// stale. Its versions are its event stream (<c>…/history</c> answers the full state of each version).
/// </summary>
public sealed class Article : IRecord<Article>, IOpdRecord, IPublishedRecord
{
    public static RecordNoun Noun { get; } = new("artikel pengetahuan", "knowledge article");

    public Guid Id { get; set; }
    public string Opd { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>Markdown (CommonMark); rendered to sanitized HTML when read (<c>…/rendered</c>).</summary>
    public string Body { get; set; } = "";
    public string? Category { get; set; }
    public List<string> Tags { get; set; } = [];
    /// <summary>Ids of related applications or ICT assets (records of the Assets service).</summary>
    public List<Guid> RelatedAssets { get; set; } = [];
    /// <summary>Who wrote it (the creator).</summary>
    public string Author { get; set; } = "";
    public string Status { get; set; } = ArticleStatus.Draft;
    /// <summary>The content revision: 1 at creation, +1 whenever the title or body changes.</summary>
    public int Revision { get; set; } = 1;
    public ArticleSource? Source { get; set; }
    public FlowStep? Submission { get; set; }
    public FlowStep? Publication { get; set; }
    public FlowStep? LastReview { get; set; }
    public string? ReturnReason { get; set; }
    public string? ArchiveReason { get; set; }
    /// <summary>Published articles must be reviewed by this day; after it they are flagged stale.</summary>
    public DateOnly? ReviewBy { get; set; }

    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }

    public bool Published => Status == ArticleStatus.Terbit;

    public bool StaleOn(DateOnly today) => Published && ReviewBy is { } by && by < today;

    /// <summary>A published article is read by every member of the instansi; a draft, one in review or an archived one only by its OPD (and instansi-wide roles).</summary>
    public bool ReadableBy(Caller caller) => Published || caller.CanRead(Opd);

    public bool WritableBy(Caller caller) => caller.CanWrite(Opd);

    public object ToIntegrationEvent(string instansi) =>
        new KnowledgeArticleChangedIntegrationEvent(instansi, Id, Version, Opd, Title, Status, Source?.Service, ReviewBy, UpdatedAt);

    public Article Copy()
    {
        var copy = (Article)MemberwiseClone();
        copy.Tags = [.. Tags];
        copy.RelatedAssets = [.. RelatedAssets];
        return copy;
    }
}

/// <summary>Draft an article, or replace its content.</summary>
public sealed record ArticleRequest(
    string? Opd, string? Title, string? Body, string? Category = null, IReadOnlyList<string?>? Tags = null,
    IReadOnlyList<Guid>? RelatedAssets = null);

/// <summary>Capture a draft from another service's record (once per source).</summary>
public sealed record SourceDraftRequest(
    string? Opd, string? SourceService, string? SourceKind, string? SourceId, string? SourceReference,
    string? Title, string? Body, string? Category = null, IReadOnlyList<string?>? Tags = null);

public sealed record NoteRequest(string? Note);

public sealed record ReasonRequest(string? Reason);

/// <summary>Publish (or confirm a published article after its periodic review) until <see cref="ReviewBy"/>.</summary>
public sealed record ReviewByRequest(DateOnly? ReviewBy, string? Note);

public sealed record ArticleDrafted : RecordEvent<Article>
{
    public override HistoryLine Describe() => new("draf dibuat / drafted");
}

public sealed record ArticleCaptured(string Service, string Kind, string RecordId) : RecordEvent<Article>
{
    public override HistoryLine Describe() => new($"draf dari {Service} / drafted from {Service} {Kind} {RecordId}");
}

public sealed record ArticleRevised : RecordEvent<Article>
{
    public override HistoryLine Describe() => new($"diperbarui / revised: {string.Join(", ", Changes.Keys)}");
}

public sealed record ArticleSubmitted(string? Note) : RecordEvent<Article>
{
    public override HistoryLine Describe() => new("diajukan untuk reviu / submitted for review", Note);
}

public sealed record ArticleReturned(string Reason) : RecordEvent<Article>
{
    public override HistoryLine Describe() => new("dikembalikan / returned", Reason);
}

public sealed record ArticlePublished(string? Note) : RecordEvent<Article>
{
    public override HistoryLine Describe() => new("diterbitkan / published", Note);
}

public sealed record ArticleReviewConfirmed(string? Note) : RecordEvent<Article>
{
    public override HistoryLine Describe() => new("reviu berkala dikonfirmasi / periodic review confirmed", Note);
}

public sealed record ArticleArchived(string Reason) : RecordEvent<Article>
{
    public override HistoryLine Describe() => new("diarsipkan / archived", Reason);
}
