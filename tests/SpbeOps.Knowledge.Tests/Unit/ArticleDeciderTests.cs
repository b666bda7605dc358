using SpbeOps.Contracts.Knowledge;
using SpbeOps.Knowledge.Api.Articles;
using SpbeOps.Records;

namespace SpbeOps.Knowledge.Tests.Unit;

public sealed class ArticleDeciderTests
{
    private static readonly DateOnly Today = new(2026, 5, 4);
    private static readonly ArticleRequest Request = new("dinkes", " Reset kata sandi ", "Langkah 1", "panduan", ["SIMPEG", "simpeg", "akun"]);

    private static Article Draft() => ArticleDecider.Draft(Guid.NewGuid(), Request, "penulis").Next!;

    private static Article InReview() => ArticleDecider.Submit(Draft(), new NoteRequest(null), "penulis", Today).Next!;

    private static Article Published() => ArticleDecider.Publish(InReview(), new ReviewByRequest(null, null), "peninjau", Today).Next!;

    [Fact]
    public void A_draft_is_trimmed_its_tags_normalised_and_its_author_kept()
    {
        var decision = ArticleDecider.Draft(Guid.NewGuid(), Request, "penulis");
        Assert.IsType<ArticleDrafted>(decision.Change);
        Assert.Equal(("Reset kata sandi", "draft", "penulis", 1), (decision.Next!.Title, decision.Next.Status, decision.Next.Author, decision.Next.Revision));
        Assert.Equal(["simpeg", "akun"], decision.Next.Tags);
    }

    [Fact]
    public void An_invalid_request_names_each_field()
    {
        var refused = Assert.IsType<Rejection.Invalid>(ArticleDecider.Draft(Guid.NewGuid(),
            new ArticleRequest("Dinas", "", null, new string('k', 101), [""], [Guid.Empty]), "x").Rejection);
        Assert.Equivalent(new[] { "opd", "title", "body", "category", "tags[0]", "relatedAssets" }, refused.Errors.ToDictionary().Keys, strict: true);
    }

    [Fact]
    public void Revising_counts_a_revision_only_when_title_or_body_change()
    {
        var draft = Draft();
        Assert.Equal(1, ArticleDecider.Revise(draft, Request with { Category = "faq" }).Next!.Revision);
        var revised = ArticleDecider.Revise(draft, Request with { Body = "Langkah 2" }).Next!;
        Assert.Equal(2, revised.Revision);
        Assert.Equal("Langkah 1", draft.Body);
        Assert.Equal(["body", "revision"], RecordChanges.Between(draft, revised).Keys.Order());
        // A published article stays published with a new revision.
        var published = ArticleDecider.Revise(Published(), Request with { Body = "baru" }).Next!;
        Assert.Equal(("terbit", 2), (published.Status, published.Revision));
    }

    [Fact]
    public void The_flow_refuses_steps_out_of_order()
    {
        Assert.Equal(ArticleDecider.NotInReviewRule, Assert.IsType<Rejection.Conflict>(ArticleDecider.Publish(Draft(), new ReviewByRequest(null, null), "p", Today).Rejection).Rule);
        Assert.Equal(ArticleDecider.NotInReviewRule, Assert.IsType<Rejection.Conflict>(ArticleDecider.Return(Draft(), new ReasonRequest("x")).Rejection).Rule);
        Assert.Equal(ArticleDecider.NotDraftRule, Assert.IsType<Rejection.Conflict>(ArticleDecider.Submit(InReview(), new NoteRequest(null), "p", Today).Rejection).Rule);
        Assert.Equal(ArticleDecider.InReviewRule, Assert.IsType<Rejection.Conflict>(ArticleDecider.Revise(InReview(), Request).Rejection).Rule);
        Assert.Equal(ArticleDecider.NotPublishedRule, Assert.IsType<Rejection.Conflict>(
            ArticleDecider.ConfirmReview(Draft(), new ReviewByRequest(Today.AddDays(10), null), "p", Today).Rejection).Rule);
    }

    [Fact]
    public void The_author_may_not_publish_their_own_article()
    {
        var refused = Assert.IsType<Rejection.BreaksRule>(ArticleDecider.Publish(InReview(), new ReviewByRequest(null, null), "penulis", Today).Rejection);
        Assert.Equal(ArticleDecider.FourEyesRule, refused.Rule);
    }

    [Fact]
    public void Publication_sets_the_review_by_date_and_the_article_is_stale_after_it()
    {
        var published = Published();
        Assert.Equal(Today.AddMonths(12), published.ReviewBy);
        Assert.Equal(new FlowStep(null, "peninjau", Today), published.Publication);
        Assert.False(published.StaleOn(Today.AddMonths(12)));
        Assert.True(published.StaleOn(Today.AddMonths(12).AddDays(1)));
        Assert.False(Draft().StaleOn(Today.AddYears(5)));

        var confirmed = ArticleDecider.ConfirmReview(published, new ReviewByRequest(Today.AddYears(2), "masih berlaku"), "peninjau", Today.AddMonths(13)).Next!;
        Assert.False(confirmed.StaleOn(Today.AddMonths(13)));
        Assert.Equal(Today.AddMonths(13), confirmed.LastReview!.On);
    }

    [Fact]
    public void The_review_by_date_lies_after_today_and_within_five_years()
    {
        Assert.Contains("reviewBy", Assert.IsType<Rejection.Invalid>(ArticleDecider.Publish(InReview(), new ReviewByRequest(Today, null), "p", Today).Rejection).Errors.ToDictionary().Keys);
        Assert.Contains("reviewBy", Assert.IsType<Rejection.Invalid>(ArticleDecider.Publish(InReview(), new ReviewByRequest(Today.AddYears(6), null), "p", Today).Rejection).Errors.ToDictionary().Keys);
        Assert.Contains("reviewBy", Assert.IsType<Rejection.Invalid>(ArticleDecider.ConfirmReview(Published(), new ReviewByRequest(null, null), "p", Today).Rejection).Errors.ToDictionary().Keys);
    }

    [Fact]
    public void Archiving_needs_a_reason_and_is_final()
    {
        Assert.IsType<Rejection.Invalid>(ArticleDecider.Archive(Draft(), new ReasonRequest(" ")).Rejection);
        var archived = ArticleDecider.Archive(Published(), new ReasonRequest("usang")).Next!;
        Assert.Equal("diarsipkan", archived.Status);
        Assert.Equal(ArticleDecider.ArchivedRule, Assert.IsType<Rejection.Conflict>(ArticleDecider.Revise(archived, Request).Rejection).Rule);
        Assert.Equal(ArticleDecider.ArchivedRule, Assert.IsType<Rejection.Conflict>(ArticleDecider.Archive(archived, new ReasonRequest("x")).Rejection).Rule);
        Assert.Equal(ArticleDecider.ArchivedRule, Assert.IsType<Rejection.Conflict>(ArticleDecider.Submit(archived, new NoteRequest(null), "p", Today).Rejection).Rule);
    }

    [Fact]
    public void A_capture_has_one_id_per_instansi_and_source()
    {
        var request = new SourceDraftRequest("diskominfo", "security", "incident", "INC-1", null, "Pelajaran", "Isi");
        var first = ArticleDecider.Capture("kota-a", request, "sistem").Next!;
        Assert.Equal(first.Id, ArticleDecider.Capture("kota-a", request with { Title = "lain" }, "sistem").Next!.Id);
        Assert.NotEqual(first.Id, ArticleDecider.Capture("kota-b", request, "sistem").Next!.Id);
        Assert.NotEqual(first.Id, ArticleDecider.Capture("kota-a", request with { SourceId = "INC-2" }, "sistem").Next!.Id);
        Assert.Equal(new ArticleSource("security", "incident", "INC-1", null), first.Source);
        var refused = Assert.IsType<Rejection.Invalid>(ArticleDecider.Capture("kota-a", request with { SourceService = "risk", SourceKind = "" }, "x").Rejection);
        Assert.Equivalent(new[] { "sourceService", "sourceKind" }, refused.Errors.ToDictionary().Keys, strict: true);
    }

    [Fact]
    public void The_article_is_the_fold_of_its_events_and_publishes_its_state()
    {
        var drafted = Draft();
        var submitted = ArticleDecider.Submit(drafted, new NoteRequest("siap"), "penulis", Today).Next!;
        var folded = RecordChanges.Apply(
            RecordChanges.Apply<Article>(null, new ArticleDrafted { Changes = RecordChanges.Between(null, drafted) }, drafted.Id, 1),
            new ArticleSubmitted("siap") { Changes = RecordChanges.Between(drafted, submitted) }, drafted.Id, 2);
        Assert.Equal(("reviu", submitted.Submission, 2L), (folded.Status, folded.Submission, folded.Version));

        var published = Assert.IsType<KnowledgeArticleChangedIntegrationEvent>(Published().ToIntegrationEvent("kota-a"));
        Assert.Equal(("terbit", (string?)null), (published.Status, published.SourceService));
    }
}
