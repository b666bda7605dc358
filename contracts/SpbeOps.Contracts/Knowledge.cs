namespace SpbeOps.Contracts.Knowledge;

/// <summary>
/// The state of one knowledge article (pengetahuan) of the Knowledge service after a change: where it is in the flow
/// (draft → reviu → terbit → diarsipkan), and whether it was captured from another service's record (a closed
/// incident, a reviewed change: <see cref="SourceService"/>), which makes the KM system "integrated" (indicator 26
/// level 4). State-carried: consumers keep the highest <see cref="Version"/> and ignore older or repeated copies
/// (decision 4).
/// </summary>
public sealed record KnowledgeArticleChangedIntegrationEvent(
    string Instansi,
    Guid ArticleId,
    long Version,
    string Opd,
    string Title,
    string Status,
    string? SourceService,
    DateOnly? ReviewBy,
    DateTimeOffset OccurredAt);
