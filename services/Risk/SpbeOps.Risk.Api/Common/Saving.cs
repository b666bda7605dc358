using JasperFx;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using SpbeOps.ServiceDefaults.Problems;

namespace SpbeOps.Risk.Api.Common;

/// <summary>One <c>SaveChangesAsync</c> per command (state and events in one transaction), with conflicts as 409.</summary>
internal static class Saving
{
    public static async Task<ProblemHttpResult?> TrySaveAsync(IDocumentSession session, string uniqueDetail, CancellationToken ct)
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
        catch (Exception e) when (IsUniqueViolation(e))
        {
            return Problem.Conflict(uniqueDetail, "unique");
        }
    }

    private static bool IsUniqueViolation(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }) return true;
        return false;
    }
}
