namespace SpbeOps.Knowledge.Api.Extensions;

public static class Extensions
{
    /// <summary>The service's name in deploy/services.txt: default Marten schema and queue prefix.</summary>
    public const string ServiceName = "knowledge";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddSpbeMarten(ServiceName);
        builder.AddTrigramSearch();
        // Lists per tenant in (opd, title) and (status, opd, title); the title filter q is ILIKE (trigram); search is
        // PostgreSQL full text over title and body, one GIN expression index each (Articles/ArticleSearch.cs).
        builder.AddRecord<Article>(schema => schema
            .Index([a => a.Opd, a => a.Title], ListIndexes.PerTenant("ix_article_opd_title"))
            .Index([a => a.Status, a => a.Opd, a => a.Title], ListIndexes.PerTenant("ix_article_status_opd_title"))
            .Index(a => a.Title, ListIndexes.Trigram("ix_article_title_trgm"))
            .Index(a => a.Title, FullText("ix_article_title_fts"))
            .Index(a => a.Body, FullText("ix_article_body_fts")));
        builder.AddRecord<KnowledgeTransfer>(schema => schema.Index([t => t.Opd, t => t.HeldOn], ListIndexes.PerTenant("ix_transfer_opd_held")));
        builder.AddGovernance(KnowledgeGovernance.Options);
        // Lessons learned of closed incidents (Security) and reviewed changes (ServiceManagement) become drafts here.
        builder.AddSpbeMessaging(ServiceName, (x, options) =>
            x.AddConsumer<LessonsLearnedConsumer>().Endpoint(e => e.Temporary = options.TemporaryQueues));
        return builder;
    }

    /// <summary>A GIN index over <c>to_tsvector('simple', member)</c>: the expression ArticleSearch matches with.</summary>
    private static Action<Marten.Schema.ComputedIndex> FullText(string name) => index =>
    {
        index.Name = name;
        index.Method = Weasel.Postgresql.Tables.IndexMethod.gin;
        index.Mask = $"to_tsvector('{ArticleSearch.Config}'::regconfig, ?)";
    };
}
