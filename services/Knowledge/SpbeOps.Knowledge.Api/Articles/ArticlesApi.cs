namespace SpbeOps.Knowledge.Api.Articles;

/// <summary>An article as a list shows it (no body), with the stale flag of today.</summary>
public sealed record ArticleSummary(
    Guid Id, long Version, string Opd, string Title, string? Category, IReadOnlyList<string> Tags, string Status, int Revision,
    string Author, DateOnly? ReviewBy, bool Stale, ArticleSource? Source, DateTimeOffset UpdatedAt)
{
    public static ArticleSummary Of(Article a, DateOnly today) =>
        new(a.Id, a.Version, a.Opd, a.Title, a.Category, a.Tags, a.Status, a.Revision, a.Author, a.ReviewBy, a.StaleOn(today), a.Source, a.UpdatedAt);
}

public sealed record ArticlePage(IReadOnlyList<ArticleSummary> Items, int Page, int PageSize, long Total, bool TotalExact, bool HasMore);

/// <summary>An article to read: the record, its body as sanitized HTML and whether it is stale today.</summary>
public sealed record RenderedArticle(Guid Id, long Version, string Title, string Status, string Html, bool Stale, DateOnly? ReviewBy, int Revision);

/// <summary>
/// The knowledge base. An OPD operator drafts and revises its own OPD's articles, submits them, and reviews and
/// publishes its OPD's (not its own: four eyes); Diskominfo does so for every OPD; every member reads published
/// articles, an operator another OPD's draft not at all (404); an auditor reads everything and writes nothing (403).
/// </summary>
public static class ArticlesApi
{
    public const string Route = "/api/knowledge/articles";

    public static RouteGroupBuilder MapArticlesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapRecordGroup(Route, "Articles");
        api.MapGet("/", List).WithName("ListArticles")
            .WithSummary("Daftar artikel dengan filter dan halaman / Articles, filtered and paged (?opd=&status=&category=&tag=&stale=&q=)");
        api.MapGet("/search", ArticleSearch.Search).WithName("SearchArticles")
            .WithSummary("Cari artikel terbit (teks penuh, peringkat, sorotan) / Full-text search of published articles, ranked, with highlights (?q=)");
        api.MapRecordReads<Article>("Article");
        api.MapGet("/{id:guid}/diff", ArticleDiffs.Get).WithName("DiffArticleVersions")
            .WithSummary("Perbedaan isi dua versi, per baris / The body's difference between two versions, line by line (?from=&to=)");
        api.MapGet("/{id:guid}/rendered", Rendered).WithName("GetRenderedArticle")
            .WithSummary("Isi artikel sebagai HTML aman / The article's body as safe HTML");
        api.MapPost("/", Draft).WithName("DraftArticle").WithSummary("Buat draf artikel / Draft an article");
        api.MapPost("/from-source", Capture).WithName("CaptureArticle")
            .WithSummary("Draf dari catatan layanan lain, sekali per sumber / Draft from another service's record, once per source");
        api.MapPut("/{id:guid}", (Guid id, ArticleRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<Article>(id, current => ArticleDecider.Revise(current, request), ct))
            .WithName("ReviseArticle").WithSummary("Perbarui isi (draf atau terbit: revisi baru) / Revise the content (a draft, or a published article: a new revision)");
        api.MapPost("/{id:guid}/submission", (Guid id, NoteRequest? request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<Article>(id, current => ArticleDecider.Submit(current, request ?? new NoteRequest(null), records.Caller.Actor, records.Today), ct))
            .WithName("SubmitArticle").WithSummary("Ajukan untuk reviu / Submit for review");
        api.MapPost("/{id:guid}/return", (Guid id, ReasonRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<Article>(id, current => ArticleDecider.Return(current, request), ct))
            .WithName("ReturnArticle").WithSummary("Kembalikan ke penulis dengan alasan / Return to the author with a reason");
        api.MapPost("/{id:guid}/publication", (Guid id, ReviewByRequest? request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<Article>(id, current => ArticleDecider.Publish(current, request ?? new ReviewByRequest(null, null), records.Caller.Actor, records.Today), ct))
            .WithName("PublishArticle").WithSummary("Terbitkan (peninjau, bukan penulis) / Publish (a reviewer, not the author)");
        api.MapPost("/{id:guid}/review-confirmation", (Guid id, ReviewByRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<Article>(id, current => ArticleDecider.ConfirmReview(current, request, records.Caller.Actor, records.Today), ct))
            .WithName("ConfirmArticleReview").WithSummary("Konfirmasi reviu berkala (menghapus tanda usang) / Confirm the periodic review (clears the stale flag)");
        api.MapPost("/{id:guid}/archive", (Guid id, ReasonRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<Article>(id, current => ArticleDecider.Archive(current, request), ct))
            .WithName("ArchiveArticle").WithSummary("Arsipkan (akhir) / Archive (final)");
        return api;
    }

    public static async Task<Results<Ok<ArticlePage>, ValidationProblem>> List(
        Caller caller, IQuerySession session, TimeProvider clock, string? opd, string? status, string? category, string? tag, bool? stale,
        string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .Opd("opd", opd, required: false)
            .OneOf("status", status, ArticleStatus.All, required: false)
            .MaxLength("category", category, 100)
            .MaxLength("tag", tag, 50)
            .MaxLength("q", q, 200)
            .Range("page", page, 1, 1_000_000, required: false)
            .Range("pageSize", pageSize, 1, 200, required: false);
        if (errors.Any) return errors.ToProblem();

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var query = session.Query<Article>().AsQueryable();
        // An operator sees its own OPD's articles and every published one.
        if (caller.IsOpdOperator)
        {
            var own = caller.Opd ?? "";
            query = query.Where(a => a.Opd == own || a.Status == ArticleStatus.Terbit);
        }
        if (opd is not null) query = query.Where(a => a.Opd == opd);
        if (status is not null) query = query.Where(a => a.Status == status);
        if (category is not null) query = query.Where(a => a.Category == category);
        if (tag is not null)
        {
            var t = tag.Trim().ToLowerInvariant();
            query = query.Where(a => a.Tags.Contains(t));
        }
        if (stale == true) query = query.Where(a => a.Status == ArticleStatus.Terbit && a.ReviewBy < today);
        if (stale == false) query = query.Where(a => !(a.Status == ArticleStatus.Terbit && a.ReviewBy < today));
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(a => a.Title.Contains(q, StringComparison.OrdinalIgnoreCase));

        var (number, size) = (page ?? 1, pageSize ?? 50);
        var result = await ListPaging.PageAsync(query, query.OrderBy(a => a.Opd).ThenBy(a => a.Title), number, size, ct);
        return TypedResults.Ok(new ArticlePage([.. result.Items.Select(a => ArticleSummary.Of(a, today))], number, size, result.Total, result.TotalExact, result.HasMore));
    }

    public static async Task<Results<Ok<RenderedArticle>, ProblemHttpResult>> Rendered(
        Guid id, Caller caller, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        if (await session.LoadReadableAsync<Article>(id, caller, ct) is not { } a) return RecordWriter.NotFound<Article>(id);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return TypedResults.Ok(new RenderedArticle(a.Id, a.Version, a.Title, a.Status, MarkdownRenderer.ToSafeHtml(a.Body), a.StaleOn(today), a.ReviewBy, a.Revision));
    }

    public static async Task<Results<Created<Article>, ValidationProblem, ProblemHttpResult>> Draft(
        ArticleRequest request, RecordWriter records, CancellationToken ct)
    {
        if (PerangkatDaerahCode.IsValid(request.Opd) && records.RefusesOpd<Article>(request.Opd!) is { } refused) return refused.ToProblem();
        return await records.CreateAsync(ArticleDecider.Draft(Guid.CreateVersion7(), request, records.Caller.Actor), Route, ct);
    }

    /// <summary>
    /// Idempotent: the first capture of a source creates the draft (201); a repeated one answers the existing article
    /// (200), whatever happened to it since. Meant for the consumers of the Security and Service management contracts
    /// once those exist, and for Diskominfo meanwhile.
    /// </summary>
    public static async Task<Results<Created<Article>, Ok<Article>, ValidationProblem, ProblemHttpResult>> Capture(
        SourceDraftRequest request, RecordWriter records, CancellationToken ct)
    {
        if (PerangkatDaerahCode.IsValid(request.Opd) && records.RefusesOpd<Article>(request.Opd!) is { } refused) return refused.ToProblem();
        var decision = ArticleDecider.Capture(records.Caller.Instansi, request, records.Caller.Actor);
        if (decision.Next is { } next && await records.Session.LoadAsync<Article>(next.Id, ct) is { } existing)
            return existing.ReadableBy(records.Caller) ? TypedResults.Ok(existing) : RecordWriter.NotFound<Article>(existing.Id);
        var written = await records.TryCreateAsync(decision, ct);
        if (written.Record is { } created) return TypedResults.Created($"{Route}/{created.Id}", created);
        if (written.Invalid is { } invalid) return invalid;
        return written.Problem!;
    }
}
