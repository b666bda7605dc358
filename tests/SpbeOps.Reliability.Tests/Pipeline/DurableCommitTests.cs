namespace SpbeOps.Reliability.Tests.Pipeline;

/// <summary>
/// Issue 7, row 3: a 2xx means the write is on disk. The PostgreSQL that <c>./spbe up</c> starts commits durably
/// (fsync, full-page writes, synchronous commit), and the services' database commits synchronously even on a server
/// started for tests. The test starts a throw-away cluster of its own with the same scripts (own state dir and
/// port), never the shared one.
/// </summary>
public sealed class DurableCommitTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]   // ./spbe is bash on Debian/Ubuntu
    public async Task The_postgresql_of_spbe_up_commits_durably_and_the_services_database_stays_durable_on_a_test_server()
    {
        var state = Directory.CreateTempSubdirectory("spbe-durable-");
        // Traversable by user postgres (as root the scripts run PostgreSQL as postgres), so the cluster lives inside it.
        File.SetUnixFileMode(state.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        try
        {
            var port = PipelineProbes.FreePort();
            // The functions ./spbe uses: pg_start without 'test' is what `up` and `infra` run.
            const string script = """
                set -euo pipefail
                . deploy/local/env.sh; . deploy/local/common.sh; . deploy/local/postgres.sh
                spbe_load_secrets
                trap 'pg_stop >/dev/null 2>&1 || true' EXIT
                show() { pg_psql "$1" -At -c 'SHOW fsync' -c 'SHOW full_page_writes' -c 'SHOW synchronous_commit' | paste -sd' '; }
                pg_start >/dev/null; pg_ensure_objects
                echo "up: $(show postgres)"
                pg_stop >/dev/null
                pg_start test >/dev/null; pg_ensure_objects
                echo "test: $(show postgres)"
                echo "test/spbeops: $(show spbeops)"
                """;
            var (code, output, errors) = await PipelineProbes.BashAsync(script, new Dictionary<string, string>
            {
                ["SPBE_STATE_DIR"] = state.FullName,
                ["SPBE_PG_PORT"] = port.ToString(),
            });

            Assert.True(code == 0, $"the scripts failed ({code}): {errors}\n{output}");
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains("up: on on on", lines);                // fsync, full_page_writes, synchronous_commit
            Assert.Contains("test: off off off", lines);           // the test cluster keeps its fast settings
            Assert.Contains("test/spbeops: off off on", lines);    // but the services' database commits synchronously
        }
        finally
        {
            // The cluster's files belong to user postgres when the tests run as root: remove what can be removed.
            try { state.Delete(recursive: true); } catch (Exception) { /* best effort */ }
        }
    }
}
