using JasperFx;
using Npgsql;

namespace SpbeOps.Records;

public static class DocumentSessionExtensions
{
    /// <summary>
    /// Commits a command's state and events in one transaction. A concurrent change (the stream moved past the
    /// expected version) or a unique-index clash comes back as a 409 ProblemDetails instead of an exception;
    /// null means saved.
    /// </summary>
    /// <param name="uniqueDetail">what to tell the caller when a unique index refuses the write</param>
    public static async Task<ProblemHttpResult?> TrySaveChangesAsync(this IDocumentSession session, CancellationToken ct, string? uniqueDetail = null)
    {
        try
        {
            await session.SaveChangesAsync(ct);
            return null;
        }
        catch (Exception e) when (StoreConflicts.IsWriteClash(e))
        {
            return Problem.Conflict(
                "Data diubah pengguna lain; muat ulang lalu coba lagi / The record was changed by someone else; reload and retry.",
                "optimistic-concurrency");
        }
        catch (Exception e) when (uniqueDetail is not null && StoreConflicts.IsUniqueViolation(e))
        {
            return Problem.Conflict(uniqueDetail, "unique");
        }
    }
}

/// <summary>How the store says "someone else wrote this first".</summary>
public static class StoreConflicts
{
    /// <summary>
    /// Two writers of one event stream: Marten's version check (<see cref="ConcurrencyException"/>), or two first
    /// appends creating the same stream at once (a unique violation on the event store's own keys).
    /// </summary>
    public static bool IsWriteClash(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (x is ConcurrencyException or Marten.Exceptions.ExistingStreamIdCollisionException) return true;
            if (x is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg
                && (pg.ConstraintName?.StartsWith("pkey_mt_streams", StringComparison.Ordinal) == true
                    || pg.ConstraintName?.StartsWith("pk_mt_events", StringComparison.Ordinal) == true)) return true;
        }
        return false;
    }

    public static bool IsUniqueViolation(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
            if (x is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }) return true;
        return false;
    }
}
