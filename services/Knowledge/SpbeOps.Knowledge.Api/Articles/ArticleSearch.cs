using System.Net;
using Npgsql;

namespace SpbeOps.Knowledge.Api.Articles;

/// <summary>One search hit: the article, its relevance, and highlighted fragments (HTML-encoded, matches in &lt;mark&gt;).</summary>
public sealed record SearchHit(
    Guid Id, string Opd, string Title, string? Category, IReadOnlyList<string> Tags, double Rank, string TitleHighlight, string Highlight,
    bool Stale, DateOnly? ReviewBy, DateTimeOffset UpdatedAt);

public sealed record SearchPage(string Q, IReadOnlyList<SearchHit> Items, int Page, int PageSize, bool HasMore);

/// <summary>
/// Full-text search over the published articles of the instansi, in PostgreSQL: <c>to_tsvector('simple', …)</c> of
/// the title and of the body, each with a GIN expression index (Extensions.cs), matched with
/// <c>websearch_to_tsquery</c> (words, "phrases", OR, -excluded). PostgreSQL has no Indonesian stemmer, so the
/// <c>simple</c> configuration is used: lower-cased words, no stemming and no stop words ("aplikasi" does not match
/// "mengaplikasikan"; a prefix search is not offered). Ranking: <c>ts_rank_cd</c> of the title counts four times the
/// body's, over at most <see cref="Candidates"/> title and as many body matches; ties by the newest. Highlights: <c>ts_headline</c> only for the page's rows.
/// </summary>
public static class ArticleSearch
{
    public const string Config = "simple";

    /// <summary>
    /// At most this many title matches and this many body matches are ranked: ranking recomputes each candidate's
    /// tsvector, so a word found in most articles would otherwise cost seconds at 100k. Every title match (up to the
    /// cap) is a candidate, so a common word still brings the articles it names first.
    /// </summary>
    public const int Candidates = 1000;

    private const string Query = $"websearch_to_tsquery('{Config}', $2)";

    /// <summary>
    /// The query the candidates are found with: phrases loosened to "all these words" (a phrase needs each row's
    /// tsvector recomputed to check word order; the words alone are answered by the GIN index). The candidates are
    /// then held to the real query (<see cref="Query"/>), so a phrase still means a phrase.
    /// </summary>
    private const string Retrieval = $"replace(websearch_to_tsquery('{Config}', $2)::text, '<->', '&')::tsquery";
    private const char Start = '\uE000';
    private const char Stop = '\uE001';

    public static async Task<Results<Ok<SearchPage>, ValidationProblem>> Search(
        IQuerySession session, TimeProvider clock, string? q, string? opd, string? category, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .Required("q", q, 200)
            .Opd("opd", opd, required: false)
            .MaxLength("category", category, 100)
            .Range("page", page, 1, 100, required: false)
            .Range("pageSize", pageSize, 1, 100, required: false);
        if (errors.Any) return errors.ToProblem();

        var (number, size) = (page ?? 1, pageSize ?? 20);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var table = session.DocumentStore.Options.FindOrResolveDocumentType(typeof(Article)).TableName.QualifiedName;
        await using var connection = session.DocumentStore.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"""
            WITH title_hits AS (
              SELECT d.id FROM {table} d
              WHERE d.tenant_id = $1 AND d.data ->> 'Status' = '{ArticleStatus.Terbit}' AND to_tsvector('{Config}', d.data ->> 'Title') @@ {Retrieval}
                AND ($3::text IS NULL OR d.data ->> 'Opd' = $3) AND ($4::text IS NULL OR d.data ->> 'Category' = $4)
              LIMIT {Candidates}),
            body_hits AS (
              SELECT d.id FROM {table} d
              WHERE d.tenant_id = $1 AND d.data ->> 'Status' = '{ArticleStatus.Terbit}' AND to_tsvector('{Config}', d.data ->> 'Body') @@ {Retrieval}
                AND ($3::text IS NULL OR d.data ->> 'Opd' = $3) AND ($4::text IS NULL OR d.data ->> 'Category' = $4)
              LIMIT {Candidates}),
            -- Each candidate's tsvectors are computed once (OFFSET 0 keeps the subquery from being inlined).
            vectors AS (
              SELECT d.id, d.mt_last_modified AS modified,
                     to_tsvector('{Config}', d.data ->> 'Title') AS title, to_tsvector('{Config}', d.data ->> 'Body') AS body
              FROM (SELECT id FROM title_hits UNION SELECT id FROM body_hits) c JOIN {table} d ON d.id = c.id AND d.tenant_id = $1
              OFFSET 0),
            hits AS (
              SELECT v.id, ts_rank_cd(v.title, {Query}) * 4 + ts_rank_cd(v.body, {Query}) AS rank, v.modified
              FROM vectors v
              WHERE v.title @@ {Query} OR v.body @@ {Query}
              ORDER BY rank DESC, v.modified DESC, v.id
              LIMIT $5 OFFSET $6)
            SELECT hits.id, hits.rank,
                   ts_headline('{Config}', d.data ->> 'Title', {Query}, 'HighlightAll=true, StartSel={Start}, StopSel={Stop}'),
                   ts_headline('{Config}', d.data ->> 'Body', {Query}, 'MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … ", StartSel={Start}, StopSel={Stop}')
            FROM hits JOIN {table} d ON d.id = hits.id AND d.tenant_id = $1
            ORDER BY hits.rank DESC, hits.modified DESC, hits.id
            """, connection)
        {
            Parameters =
            {
                new() { Value = session.TenantId },
                new() { Value = q!.Trim() },
                new() { Value = (object?)opd ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text },
                new() { Value = (object?)category ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text },
                new() { Value = size + 1 },
                new() { Value = (number - 1) * size },
            },
        };
        var rows = new List<(Guid Id, double Rank, string Title, string Body)>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) rows.Add((reader.GetGuid(0), reader.GetFloat(1), reader.GetString(2), reader.GetString(3)));

        var hasMore = rows.Count > size;
        var page1 = rows.Take(size).ToList();
        var articles = (await session.LoadManyAsync<Article>(ct, page1.Select(r => r.Id))).ToDictionary(a => a.Id);
        var hits = page1.Where(r => articles.ContainsKey(r.Id)).Select(r =>
        {
            var a = articles[r.Id];
            return new SearchHit(a.Id, a.Opd, a.Title, a.Category, a.Tags, Math.Round(r.Rank, 6), Highlight(r.Title), Highlight(r.Body),
                a.StaleOn(today), a.ReviewBy, a.UpdatedAt);
        }).ToList();
        return TypedResults.Ok(new SearchPage(q.Trim(), hits, number, size, hasMore));
    }

    /// <summary>The fragment as HTML: everything encoded (a body may hold "&lt;script&gt;"), then the matches wrapped in &lt;mark&gt;.</summary>
    public static string Highlight(string fragment)
    {
        var html = new System.Text.StringBuilder(fragment.Length + 32);
        var open = false;
        foreach (var part in fragment.Split([Start, Stop]).Select((text, i) => (text, i)))
        {
            if (part.i > 0)
            {
                html.Append(open ? "</mark>" : "<mark>");
                open = !open;
            }
            html.Append(WebUtility.HtmlEncode(part.text));
        }
        return open ? html.Append("</mark>").ToString() : html.ToString();
    }
}
