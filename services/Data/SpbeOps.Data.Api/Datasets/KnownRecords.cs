namespace SpbeOps.Data.Api.Datasets;

/// <summary>The check a command that names other records makes before it is decided: do they exist (and still count)?</summary>
public static class KnownRecords
{
    /// <summary>422 <paramref name="rule"/> on <paramref name="field"/> when some of <paramref name="ids"/> are not records that <paramref name="count"/>.</summary>
    public static async Task<Rejection?> UnknownAsync<T>(
        IQuerySession session, IReadOnlyList<Guid>? ids, int maxIds, Func<T, bool> count, string what, string rule, string field, CancellationToken ct)
        where T : class, IRecord
    {
        if (ids is null || ids.Count == 0 || ids.Count > maxIds) return null;
        var found = (await session.LoadManyAsync<T>(ct, ids.Distinct())).Where(count).Select(r => r.Id).ToHashSet();
        var missing = ids.Where(id => !found.Contains(id)).Distinct().ToList();
        return missing.Count == 0 ? null : new Rejection.BreaksRule($"{what}: {string.Join(", ", missing)}", rule, field);
    }
}
