using System.Security.Cryptography;
using System.Text;

namespace SpbeOps.Knowledge.Api.Articles;

/// <summary>The article's rules, free of I/O (decision 13): the next state and its event, or a rejection.</summary>
public static class ArticleDecider
{
    public const int MaxTitle = 300;
    public const int MaxBody = 200_000;
    public const int MaxTags = 20;
    public const int MaxRelated = 50;
    /// <summary>A published article is reviewed at least this often (default review-by: publication + 12 months).</summary>
    public const int DefaultReviewMonths = 12;
    public const int MaxReviewYears = 5;

    public const string ArchivedRule = "archived-is-final";
    public const string InReviewRule = "in-review";
    public const string NotDraftRule = "not-a-draft";
    public const string NotInReviewRule = "not-in-review";
    public const string NotPublishedRule = "not-published";
    public const string FourEyesRule = "reviewer-is-author";

    /// <summary>The source services a lessons-learned draft may come from (when they exist: Security, Service management).</summary>
    public static readonly string[] SourceServices = ["security", "servicemanagement"];

    public static Decision<Article> Draft(Guid id, ArticleRequest r, string actor)
    {
        if (Validate(r) is { Any: true } errors) return errors;
        var article = Fill(new Article { Id = id, Author = actor, Status = ArticleStatus.Draft, Revision = 1 }, r);
        return Decision.Accept(article, new ArticleDrafted());
    }

    /// <summary>
    /// A draft captured from another service's record (lessons learned of a closed incident, a reviewed change). Its
    /// id is derived from the instansi and the source (<see cref="SourceId"/>), so a second capture is a duplicate.
    /// </summary>
    public static Decision<Article> Capture(string instansi, SourceDraftRequest r, string actor)
    {
        var errors = new FieldErrors()
            .OneOf("sourceService", r.SourceService, SourceServices)
            .Required("sourceKind", r.SourceKind, 50)
            .Required("sourceId", r.SourceId, 100)
            .MaxLength("sourceReference", r.SourceReference, 200);
        var content = new ArticleRequest(r.Opd, r.Title, r.Body, r.Category, r.Tags);
        Check(errors, content);
        if (errors.Any) return errors;
        var source = new ArticleSource(r.SourceService!, r.SourceKind!.Trim(), r.SourceId!.Trim(), r.SourceReference?.Trim());
        var article = Fill(new Article { Id = SourceId(instansi, source), Author = actor, Status = ArticleStatus.Draft, Source = source }, content);
        return Decision.Accept(article, new ArticleCaptured(source.Service, source.Kind, source.RecordId));
    }

    /// <summary>The one article id of a source in an instansi (a name-based UUID, so a repeated capture finds it).</summary>
    public static Guid SourceId(string instansi, ArticleSource source)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"spbeops-knowledge-source\n{instansi}\n{source.Service}\n{source.Kind}\n{source.RecordId}"));
        var bytes = hash[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50); // version 5-like (name-based)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }

    /// <summary>Replace the content: a draft, or a published article (a new revision, still published). Not while in review; never once archived.</summary>
    public static Decision<Article> Revise(Article current, ArticleRequest r)
    {
        if (Validate(r) is { Any: true } errors) return errors;
        if (current.Status == ArticleStatus.Diarsipkan) return Archived();
        if (current.Status == ArticleStatus.Reviu)
            return new Rejection.Conflict("Artikel sedang direviu; kembalikan dulu untuk diubah / The article is in review; return it before changing it.", InReviewRule, "status");
        var next = Fill(current.Copy(), r);
        if (next.Title != current.Title || next.Body != current.Body) next.Revision = current.Revision + 1;
        return Decision.Accept(next, new ArticleRevised());
    }

    public static Decision<Article> Submit(Article current, NoteRequest r, string actor, DateOnly today)
    {
        if (new FieldErrors().MaxLength("note", r.Note, 1000) is { Any: true } errors) return errors;
        if (current.Status == ArticleStatus.Diarsipkan) return Archived();
        if (current.Status != ArticleStatus.Draft)
            return new Rejection.Conflict($"Hanya draf yang dapat diajukan (status: {current.Status}) / Only a draft can be submitted.", NotDraftRule, "status");
        var next = current.Copy();
        next.Status = ArticleStatus.Reviu;
        next.Submission = new FlowStep(Trimmed(r.Note), actor, today);
        next.ReturnReason = null;
        return Decision.Accept(next, new ArticleSubmitted(Trimmed(r.Note)));
    }

    public static Decision<Article> Return(Article current, ReasonRequest r)
    {
        if (new FieldErrors().Required("reason", r.Reason, 1000) is { Any: true } errors) return errors;
        if (current.Status == ArticleStatus.Diarsipkan) return Archived();
        if (current.Status != ArticleStatus.Reviu) return NotInReview(current);
        var next = current.Copy();
        next.Status = ArticleStatus.Draft;
        next.ReturnReason = r.Reason!.Trim();
        return Decision.Accept(next, new ArticleReturned(next.ReturnReason));
    }

    /// <summary>The reviewer publishes an article in review; the reviewer is not its author (four eyes).</summary>
    public static Decision<Article> Publish(Article current, ReviewByRequest r, string actor, DateOnly today)
    {
        if (ReviewByErrors(r, today, required: false) is { Any: true } errors) return errors;
        if (current.Status == ArticleStatus.Diarsipkan) return Archived();
        if (current.Status != ArticleStatus.Reviu) return NotInReview(current);
        if (string.Equals(current.Author, actor, StringComparison.Ordinal))
            return new Rejection.BreaksRule("Penulis tidak boleh menerbitkan artikelnya sendiri; reviu oleh orang lain / The author may not publish their own article: someone else reviews it.", FourEyesRule);
        var next = current.Copy();
        next.Status = ArticleStatus.Terbit;
        next.Publication = new FlowStep(Trimmed(r.Note), actor, today);
        next.LastReview = next.Publication;
        next.ReviewBy = r.ReviewBy ?? today.AddMonths(DefaultReviewMonths);
        return Decision.Accept(next, new ArticlePublished(Trimmed(r.Note)));
    }

    /// <summary>The periodic review of a published article: still valid until the new review-by date (clears the stale flag).</summary>
    public static Decision<Article> ConfirmReview(Article current, ReviewByRequest r, string actor, DateOnly today)
    {
        if (ReviewByErrors(r, today, required: true) is { Any: true } errors) return errors;
        if (current.Status == ArticleStatus.Diarsipkan) return Archived();
        if (!current.Published)
            return new Rejection.Conflict($"Hanya artikel terbit yang direviu berkala (status: {current.Status}) / Only a published article has periodic reviews.", NotPublishedRule, "status");
        var next = current.Copy();
        next.LastReview = new FlowStep(Trimmed(r.Note), actor, today);
        next.ReviewBy = r.ReviewBy;
        return Decision.Accept(next, new ArticleReviewConfirmed(Trimmed(r.Note)));
    }

    public static Decision<Article> Archive(Article current, ReasonRequest r)
    {
        if (new FieldErrors().Required("reason", r.Reason, 1000) is { Any: true } errors) return errors;
        if (current.Status == ArticleStatus.Diarsipkan) return Archived();
        var next = current.Copy();
        next.Status = ArticleStatus.Diarsipkan;
        next.ArchiveReason = r.Reason!.Trim();
        return Decision.Accept(next, new ArticleArchived(next.ArchiveReason));
    }

    public static FieldErrors Validate(ArticleRequest r) => Check(new FieldErrors(), r);

    private static FieldErrors Check(FieldErrors errors, ArticleRequest r)
    {
        errors.Opd("opd", r.Opd)
            .Required("title", r.Title, MaxTitle)
            .Required("body", r.Body, MaxBody)
            .MaxLength("category", r.Category, 100)
            .Texts("tags", r.Tags, 50, MaxTags);
        errors.Count("relatedAssets", r.RelatedAssets, MaxRelated);
        return errors.When(r.RelatedAssets?.Any(id => id == Guid.Empty) == true, "relatedAssets", "id kosong tidak sah / an empty id is not valid");
    }

    private static FieldErrors ReviewByErrors(ReviewByRequest r, DateOnly today, bool required)
    {
        var errors = new FieldErrors().MaxLength("note", r.Note, 1000);
        if (r.ReviewBy is null) return required ? errors.Add("reviewBy", "wajib diisi / is required") : errors;
        if (r.ReviewBy <= today) return errors.Add("reviewBy", "harus setelah hari ini / must be after today");
        return r.ReviewBy > today.AddYears(MaxReviewYears)
            ? errors.Add("reviewBy", $"paling lambat {MaxReviewYears} tahun lagi / at most {MaxReviewYears} years ahead")
            : errors;
    }

    private static Article Fill(Article a, ArticleRequest r)
    {
        a.Opd = r.Opd!;
        a.Title = r.Title!.Trim();
        a.Body = r.Body!;
        a.Category = string.IsNullOrWhiteSpace(r.Category) ? null : r.Category.Trim();
        a.Tags = [.. (r.Tags ?? []).Select(t => t!.Trim().ToLowerInvariant()).Distinct()];
        a.RelatedAssets = [.. (r.RelatedAssets ?? []).Distinct()];
        return a;
    }

    private static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static Rejection Archived() =>
        new Rejection.Conflict("Artikel sudah diarsipkan dan tidak dapat diubah / The article is archived and cannot change.", ArchivedRule, "status");

    private static Rejection NotInReview(Article current) =>
        new Rejection.Conflict($"Artikel tidak sedang direviu (status: {current.Status}) / The article is not in review.", NotInReviewRule, "status");
}
