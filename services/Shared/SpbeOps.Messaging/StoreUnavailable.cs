using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace SpbeOps.Messaging;

/// <summary>
/// Recognises "PostgreSQL cannot be reached right now" among the exceptions Npgsql and Marten throw: the server is
/// down, restarting, refusing connections or gone mid-command. Such a failure is transient: the same request or
/// message succeeds once the server is back. Everything else (a constraint, a bad query, a concurrency clash) is not.
/// </summary>
public static class StoreUnavailable
{
    /// <summary>
    /// SQLSTATEs that mean the server, not the statement, is the problem: class 08 (connection exception),
    /// 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up or in recovery),
    /// 53300 too_many_connections.
    /// </summary>
    private static readonly HashSet<string> ServerStates = ["57P01", "57P02", "57P03", "53300"];

    /// <summary>True when <paramref name="exception"/> (or one it wraps) says PostgreSQL is unavailable.</summary>
    public static bool IsStoreUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg:
                    return pg.SqlState.StartsWith("08", StringComparison.Ordinal) || ServerStates.Contains(pg.SqlState);
                case NpgsqlException npgsql when npgsql.IsTransient || IsNetwork(npgsql.InnerException):
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsStoreUnavailable):
                    return true;
            }
        }
        return false;
    }

    private static bool IsNetwork(Exception? e) => e is SocketException or IOException or TimeoutException or EndOfStreamException;
}

/// <summary>
/// While PostgreSQL is unavailable every request that needs it answers 503 with <c>Retry-After</c> and a
/// ProblemDetails that says so, instead of a generic 500 (issue 7, row 5). Nothing is half-written: a write that
/// fails this way was not committed, or (when the connection broke during the commit itself) may have been, so a
/// client re-reads before repeating a create. Registered by <see cref="MartenExtensions.AddSpbeMarten"/>.
/// </summary>
public sealed class StoreUnavailableExceptionHandler(IProblemDetailsService problems, ILogger<StoreUnavailableExceptionHandler> logger)
    : IExceptionHandler
{
    /// <summary>Seconds a client should wait before trying again: about one PostgreSQL restart.</summary>
    public const int RetryAfterSeconds = 10;

    public const string Title = "Penyimpanan data sedang tidak tersedia / The data store is unavailable";

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (!StoreUnavailable.IsStoreUnavailable(exception)) return false;

        logger.LogWarning("PostgreSQL is unavailable; {Method} {Path} answered 503: {Reason}",
            context.Request.Method, context.Request.Path, exception.GetBaseException().Message);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = Title,
            Detail = $"Basis data PostgreSQL tidak dapat dihubungi. Coba lagi dalam {RetryAfterSeconds} detik; baca ulang " +
                     "datanya sebelum mengulang penambahan data. / PostgreSQL cannot be reached. Try again in " +
                     $"{RetryAfterSeconds} seconds; read the record again before repeating a create.",
            Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
        };
        problem.Extensions["rule"] = "store-unavailable";
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }
}
