using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace SpbeOps.LocalTool.Bench;

/// <summary>
/// What PostgreSQL itself does on this box for the transaction an asset registration commits: pgbench running, on
/// the same server and database, the statements Marten issues for a new document with its new event stream (a stream
/// row, an event row with a sequence number, a JSONB document upserted into a table carrying the same kinds of index
/// as the asset table: tenant + sort keys, and a trigram index on the name), in a schema of its own that is dropped
/// afterwards. The service's write rate is compared with this, the ceiling of any service on the box.
/// </summary>
internal static partial class PgBench
{
    private const string Schema = "bench_pgbench";

    private const string Script = """
        \set n random(1, 1000000000)
        BEGIN;
        WITH s AS (INSERT INTO bench_pgbench.mt_streams (id, type, version, timestamp, created, tenant_id)
                   VALUES (gen_random_uuid(), 'asset', 1, now(), now(), 'bench') RETURNING id)
        INSERT INTO bench_pgbench.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type)
        SELECT nextval('bench_pgbench.mt_events_sequence'), gen_random_uuid(), s.id, 1,
               '{"Stage":"pemanfaatan","Changes":{"Opd":"beban-01","Kind":"hardware","Name":"Laptop beban","Stage":"pemanfaatan"},"Actor":"bench","At":"2026-01-01T00:00:00Z"}'::jsonb,
               'asset_registered', now(), 'bench', 'SpbeOps.Assets.Api.Assets.AssetRegistered'
        FROM s;
        INSERT INTO bench_pgbench.mt_doc_asset (tenant_id, id, data, mt_last_modified, mt_version, mt_dotnet_type)
        VALUES ('bench', gen_random_uuid(),
                ('{"Opd":"beban-01","Kind":"hardware","Name":"Laptop beban ' || :n || '","Stage":"pemanfaatan","Version":1,"Lifecycle":[{"To":"pemanfaatan","On":"2026-01-01","Actor":"bench"}],"CreatedAt":"2026-01-01T00:00:00Z","UpdatedAt":"2026-01-01T00:00:00Z","CreatedBy":"bench"}')::jsonb,
                now(), gen_random_uuid(), 'SpbeOps.Assets.Api.Assets.Asset')
        ON CONFLICT (tenant_id, id) DO UPDATE SET data = excluded.data, mt_last_modified = excluded.mt_last_modified, mt_version = excluded.mt_version;
        COMMIT;
        """;

    private const string Setup = """
        DROP SCHEMA IF EXISTS bench_pgbench CASCADE;
        CREATE SCHEMA bench_pgbench;
        CREATE SEQUENCE bench_pgbench.mt_events_sequence;
        CREATE TABLE bench_pgbench.mt_streams (id uuid NOT NULL, tenant_id varchar NOT NULL, type varchar, version bigint,
            timestamp timestamptz NOT NULL, snapshot jsonb, snapshot_version integer, created timestamptz NOT NULL,
            is_archived bool DEFAULT false, PRIMARY KEY (tenant_id, id));
        CREATE TABLE bench_pgbench.mt_events (seq_id bigint NOT NULL PRIMARY KEY, id uuid NOT NULL, stream_id uuid, version bigint NOT NULL,
            data jsonb NOT NULL, type varchar(500) NOT NULL, timestamp timestamptz NOT NULL, tenant_id varchar, mt_dotnet_type varchar,
            is_archived bool DEFAULT false);
        CREATE UNIQUE INDEX ON bench_pgbench.mt_events (tenant_id, stream_id, version);
        CREATE TABLE bench_pgbench.mt_doc_asset (tenant_id varchar NOT NULL, id uuid NOT NULL, data jsonb NOT NULL,
            mt_last_modified timestamptz, mt_version uuid NOT NULL, mt_dotnet_type varchar, PRIMARY KEY (tenant_id, id));
        CREATE INDEX ON bench_pgbench.mt_doc_asset (tenant_id, (data ->> 'Opd'), (data ->> 'Name'));
        CREATE INDEX ON bench_pgbench.mt_doc_asset (tenant_id, (data ->> 'Kind'), (data ->> 'Opd'), (data ->> 'Name'));
        CREATE INDEX ON bench_pgbench.mt_doc_asset (tenant_id, (data ->> 'Stage'), (data ->> 'Opd'), (data ->> 'Name'));
        CREATE INDEX ON bench_pgbench.mt_doc_asset USING gin ((data ->> 'Name') gin_trgm_ops);
        """;

    /// <summary>Transactions per second at <paramref name="clients"/> connections, or null when pgbench is not installed.</summary>
    public static async Task<double?> RunAsync(string? pgbench, string connectionString, int clients, TimeSpan duration)
    {
        if (pgbench is null || !File.Exists(pgbench)) return null;
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        await ExecuteAsync(connectionString, Setup);
        var script = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(script, Script);
            var start = new ProcessStartInfo(pgbench)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                ArgumentList =
                {
                    "-n", "-h", connection.Host!, "-p", connection.Port.ToString(CultureInfo.InvariantCulture), "-U", connection.Username!,
                    "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2",
                    "-T", ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture), "-f", script,
                    connection.Database!,   // positional: pgbench's -d is --debug
                },
            };
            start.Environment["PGPASSWORD"] = connection.Password;
            using var process = Process.Start(start)!;
            // Both pipes at once: a full stderr pipe would block pgbench while stdout is being read.
            var reading = process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            var output = await reading;
            await process.WaitForExitAsync();
            var tps = Tps().Match(output);
            if (process.ExitCode != 0 || !tps.Success)
                throw new InvalidOperationException($"pgbench failed ({process.ExitCode}): {errors.Trim()}");
            return double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(script);
            await ExecuteAsync(connectionString, $"DROP SCHEMA IF EXISTS {Schema} CASCADE");
        }
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        await command.ExecuteNonQueryAsync();
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();
}
