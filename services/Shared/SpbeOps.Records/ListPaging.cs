namespace SpbeOps.Records;

/// <summary>One page of a list, and how much is known about the rest without counting every row.</summary>
/// <param name="Total">
/// The number of matching records when <paramref name="TotalExact"/>; otherwise a lower bound (more than
/// <see cref="ListPaging.ExactTotalUpTo"/> match, and at least this many).
/// </param>
/// <param name="HasMore">Another page follows this one.</param>
public sealed record ListPage<T>(IReadOnlyList<T> Items, long Total, bool TotalExact, bool HasMore);

/// <summary>
/// Paging that does not count the world (issue 8): a page is read with one row more than asked, which tells whether
/// another page follows; <c>total</c> is exact when the last page is reached or when at most
/// <see cref="ExactTotalUpTo"/> records match (counted with a LIMIT, so never more than that many rows), and a lower
/// bound otherwise.
/// </summary>
public static class ListPaging
{
    public const int ExactTotalUpTo = 1000;

    /// <param name="filtered">The filtered query, unordered (used for the capped count).</param>
    /// <param name="ordered">The same query in list order (served by an index).</param>
    public static async Task<ListPage<T>> PageAsync<T>(
        IQueryable<T> filtered, IQueryable<T> ordered, int page, int pageSize, CancellationToken ct) where T : IRecord
    {
        var offset = (page - 1) * pageSize;
        var rows = await ordered.Skip(offset).Take(pageSize + 1).ToListAsync(ct);
        var hasMore = rows.Count > pageSize;
        var items = hasMore ? rows.Take(pageSize).ToList() : rows.ToList();

        // The last page (with rows, or page 1): everything before it and on it is the whole set.
        if (!hasMore && (items.Count > 0 || offset == 0)) return new ListPage<T>(items, offset + items.Count, true, false);

        var counted = (await filtered.Select(r => r.Id).Take(ExactTotalUpTo + 1).ToListAsync(ct)).Count;
        if (counted <= ExactTotalUpTo) return new ListPage<T>(items, counted, true, hasMore);
        return new ListPage<T>(items, Math.Max(counted, offset + items.Count + (hasMore ? 1 : 0)), false, hasMore);
    }
}
