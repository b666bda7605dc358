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
        catch (ConcurrencyException)
        {
            return Problem.Conflict(
                "Data diubah pengguna lain; muat ulang lalu coba lagi / The record was changed by someone else; reload and retry.",
                "optimistic-concurrency");
        }
        catch (Exception e) when (uniqueDetail is not null && IsUniqueViolation(e))
        {
            return Problem.Conflict(uniqueDetail, "unique");
        }
    }

    private static bool IsUniqueViolation(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
            if (x is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }) return true;
        return false;
    }
}
