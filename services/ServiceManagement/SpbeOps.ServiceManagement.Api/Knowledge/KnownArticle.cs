using SpbeOps.Contracts.Knowledge;

namespace SpbeOps.ServiceManagement.Api.Knowledge;

/// <summary>
/// A knowledge article of the Knowledge service, learned from its events (never from its tables): what a ticket's
/// known error may name as its <c>knowledgeArticleId</c>.
/// </summary>
public sealed class KnownArticle : ILearnedRecord
{
    public const string UnknownRule = "unknown-article";

    // The Knowledge service's states (its README): an archived article is final, a published one is read instansi-wide.
    private const string Terbit = "terbit";
    private const string Diarsipkan = "diarsipkan";

    public Guid Id { get; set; }
    public long Version { get; set; }

    /// <summary>The article as its latest integration event told it.</summary>
    public required KnowledgeArticleChangedIntegrationEvent Article { get; set; }

    public static KnownArticle From(KnowledgeArticleChangedIntegrationEvent m) => new() { Id = m.ArticleId, Version = m.Version, Article = m };

    /// <summary>
    /// Null when <paramref name="article"/> (the learned copy of <paramref name="id"/>, if any) may be linked by a
    /// caller who reads the OPDs <paramref name="canRead"/> accepts; else the 422 naming <c>knowledgeArticleId</c>. As
    /// the Knowledge service shows them: an OPD operator reads every published article and its own OPD's in any state,
    /// so another OPD's draft is answered as unknown. An archived article is refused; one not learned yet (written a
    /// moment ago) is unknown until its event arrives.
    /// </summary>
    public static Rejection? RefusesLink(Guid id, KnownArticle? article, Func<string, bool> canRead) => article switch
    {
        { } known when known.Id == id && known.Readable(canRead) && known.Article.Status == Diarsipkan => new Rejection.BreaksRule(
            $"Artikel pengetahuan '{id}' sudah diarsipkan / Knowledge article '{id}' is archived.", UnknownRule, "knowledgeArticleId"),
        { } known when known.Id == id && known.Readable(canRead) => null,
        _ => new Rejection.BreaksRule(
            $"Artikel pengetahuan '{id}' tidak dikenal (belum diterima dari layanan Pengetahuan; bila baru ditulis, coba lagi sebentar lagi) / " +
            $"Knowledge article '{id}' is not known (not received from the Knowledge service yet; if it was just written, try again shortly).",
            UnknownRule, "knowledgeArticleId"),
    };

    private bool Readable(Func<string, bool> canRead) => Article.Status == Terbit || canRead(Article.Opd);
}
