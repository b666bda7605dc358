using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace SpbeOps.Records;

/// <summary>The reads every record type answers the same way: one record, and its history from its events.</summary>
public static class RecordEndpoints
{
    /// <summary>
    /// <c>GET /{id}</c> (unless the feature answers it itself, e.g. with values computed when read) and
    /// <c>GET /{id}/history</c>, named <c>Get{operation}</c> and <c>Get{operation}History</c>.
    /// </summary>
    public static RouteGroupBuilder MapRecordReads<T>(this RouteGroupBuilder api, string operation, bool get = true) where T : class, IRecord<T>
    {
        if (get)
        {
            api.MapGet("/{id:guid}", (Guid id, Caller caller, IQuerySession session, CancellationToken ct) => session.ReadAsync<T>(id, caller, ct))
                .WithName($"Get{operation}").WithSummary($"Satu {T.Noun.Indonesian} / One {T.Noun.English}");
        }
        api.MapGet("/{id:guid}/history", (Guid id, Caller caller, IQuerySession session, CancellationToken ct) => session.HistoryAsync<T>(id, caller, ct))
            .WithName($"Get{operation}History")
            .WithSummary($"Riwayat {T.Noun.Indonesian} dari event-nya / The {T.Noun.English}'s history, from its events");
        return api;
    }
}
