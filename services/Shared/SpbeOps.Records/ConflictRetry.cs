namespace SpbeOps.Records;

/// <summary>
/// For work that recomputes state many writers share (e.g. an indicator's level, moved by self-assessments, the OPD
/// list and incoming facts at once): run it in a fresh session per attempt and retry, bounded and with jitter, when a
/// concurrent writer saved first. The conflict surfaces after the last attempt (and answers 409).
/// </summary>
public static class ConflictRetry
{
    public static async Task<T> RetryOnConflictAsync<T>(
        this IDocumentStore store, string tenant, Func<IDocumentSession, Task<T>> work, CancellationToken ct, int attempts = 5)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession(tenant);
            try
            {
                return await work(session);
            }
            catch (Exception e) when (attempt < attempts && StoreConflicts.IsWriteClash(e))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 40) * attempt), ct);
            }
        }
    }
}
