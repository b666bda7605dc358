using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;
using SpbeOps.ServiceDefaults.Auth;

namespace SpbeOps.Records;

/// <summary>
/// A record's version is its entity tag: every answer that carries a record says <c>ETag: "7"</c>, and a write that
/// sends <c>If-Match: "7"</c> is refused with 412 once someone else has moved the record on (a client that sends no
/// If-Match keeps last-writer-wins within the write path's own concurrency check).
/// </summary>
public static class RecordVersions
{
    /// <summary>The group every record API maps its routes in: authorized for members, answers ETag on every record.</summary>
    public static RouteGroupBuilder MapRecordGroup(this IEndpointRouteBuilder app, string prefix, string tag) =>
        app.MapGroup(prefix).WithTags(tag).RequireAuthorization(SpbePolicies.Member).AddEndpointFilter<ETagFilter>();

    public static string ETagOf(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The version an If-Match header names: null when absent or <c>*</c>; false when it is not a version.</summary>
    public static bool TryParseIfMatch(StringValues header, out long? version)
    {
        version = null;
        var value = header.ToString().Trim();
        if (value.Length == 0 || value == "*") return true;
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        if (value.Length < 3 || value[0] != '"' || value[^1] != '"') return false;
        if (!long.TryParse(value[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var v)) return false;
        version = v;
        return true;
    }

    public static ProblemHttpResult Stale(long current) => TypedResults.Problem(
        statusCode: StatusCodes.Status412PreconditionFailed,
        title: "Data sudah berubah / The record has changed",
        detail: $"Catatan ini sudah diubah (sekarang versi {current}); muat ulang lalu ulangi / The record was changed since you read it (now version {current}); reload and retry.",
        extensions: new Dictionary<string, object?> { ["rule"] = "stale-version", ["currentVersion"] = current });

    public static ProblemHttpResult UnreadableIfMatch() => TypedResults.Problem(new HttpValidationProblemDetails(
        new Dictionary<string, string[]> { ["If-Match"] = ["harus versi catatan dalam tanda kutip, mis. \"3\" / must be the record's version in quotes, e.g. \"3\""] })
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "Permintaan tidak dapat dibaca / The request could not be read",
    });

    /// <summary>Sets ETag from the record an endpoint answers with (unwrapping typed <c>Results&lt;…&gt;</c>).</summary>
    private sealed class ETagFilter : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var result = await next(context);
            var inner = result;
            while (inner is INestedHttpResult nested) inner = nested.Result;
            if (inner is IValueHttpResult { Value: IRecord record })
                context.HttpContext.Response.Headers.ETag = ETagOf(record.Version);
            return result;
        }
    }
}

/// <summary>
/// The last word on a write clash: a concurrency exception that escaped the write path (or a bounded retry) is a
/// 409, never a 500.
/// </summary>
public sealed class ConflictExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (!StoreConflicts.IsWriteClash(exception)) return false;
        context.Response.StatusCode = StatusCodes.Status409Conflict;
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Tidak dapat dilakukan pada keadaan saat ini / Conflicts with the current state",
            Detail = "Data diubah penulis lain pada saat yang sama; ulangi / Someone else changed the same data at the same moment; retry.",
            Extensions = { ["rule"] = "optimistic-concurrency" },
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }
}
