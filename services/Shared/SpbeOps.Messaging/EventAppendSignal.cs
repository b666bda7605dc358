using System.Security.Cryptography;
using System.Text;
using JasperFx.Events;
using Marten.Events.Daemon.HighWater;
using Npgsql;

namespace SpbeOps.Messaging;

/// <summary>
/// Wakes this service's async daemon when an event is appended to <em>its own</em> schema, and no other's.
/// Marten's built-in <c>UseListenNotifyForEventAppends</c> notifies one fixed channel (<c>mt_events_appended</c>)
/// for every store in the database, so with nine services in one database every append woke all nine daemons,
/// each then reading its high-water mark (issue 8: the lost pipeline capacity). Here a statement trigger on the
/// schema's <c>mt_events</c> notifies a channel named after the schema, and the daemon listens on that channel
/// only; polling stays the fallback, as with Marten's own wake-up.
/// </summary>
public sealed class EventAppendSignal(IDocumentStore store, EventAppendSignal.Target target, ILogger<EventAppendSignal> logger) : IHostedService
{
    /// <summary>The service's event schema and the database it lives in.</summary>
    public sealed record Target(string Schema, string ConnectionString);

    /// <summary>
    /// The channel for a schema: an identifier of at most 63 characters (PostgreSQL refuses a longer channel in
    /// <c>pg_notify</c>), lower case so LISTEN's unquoted name matches.
    /// </summary>
    public static string ChannelFor(string schema)
    {
        var name = "spbe_appended_" + schema.ToLowerInvariant();
        return name.Length <= 63 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? name
            : "spbe_appended_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(schema)))[..32];
    }

    /// <summary>The daemon's wake-up: LISTEN on the schema's channel (one connection of its own).</summary>
    public static PostgresqlListenWakeup Wakeup(NpgsqlDataSource dataSource, string schema, ILogger logger) =>
        new(dataSource, logger, ChannelFor(schema));

    /// <summary>
    /// Installs the trigger once the event tables exist. Idempotent, and checked before it is written, so hosts
    /// starting side by side do not queue for the table lock.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(IEvent), cancellationToken);
        var schema = target.Schema;
        var channel = ChannelFor(schema);
        var quoted = $"\"{schema.Replace("\"", "\"\"")}\"";
        await using var connection = new NpgsqlConnection(target.ConnectionString);
        await connection.OpenAsync(cancellationToken);

        await using (var exists = new NpgsqlCommand("""
            select count(*) from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
            join pg_proc p on p.oid = t.tgfoid
            where n.nspname = $1 and c.relname = 'mt_events' and t.tgname = 'spbe_events_appended' and p.prosrc like '%' || $2 || '%'
            """, connection))
        {
            exists.Parameters.AddWithValue(schema);
            exists.Parameters.AddWithValue($"'{channel}'");
            if ((long)(await exists.ExecuteScalarAsync(cancellationToken))! > 0) return;
        }

        await using var install = new NpgsqlCommand($"""
            create or replace function {quoted}.spbe_notify_events_appended() returns trigger language plpgsql as $$
            begin
              perform pg_notify('{channel}', '');
              return null;
            end $$;
            create or replace trigger spbe_events_appended after insert on {quoted}.mt_events
              for each statement execute function {quoted}.spbe_notify_events_appended();
            """, connection);
        await install.ExecuteNonQueryAsync(cancellationToken);
        logger.LogInformation("Event appends in schema {Schema} now notify channel {Channel}", schema, channel);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
