using System.Diagnostics;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SpbeOps.Risk.Api.Risks;
using SpbeOps.Risk.Tests.Functional;
using Xunit.Abstractions;

namespace SpbeOps.Risk.Tests.Benchmarks;

/// <summary>
/// Issue 8's list figures for the risk register: a fresh instansi seeded with <c>SPBE_BENCH_RISKS</c> risks (Marten
/// bulk insert; 40 OPDs, two years), then p50/p99 of the list queries. Opt-in: without the variable it returns at
/// once; it prints figures and asserts only that the calls succeed.
/// <code>SPBE_BENCH_RISKS=100000 dotnet test tests/SpbeOps.Risk.Tests --filter RiskListBenchmark --logger "console;verbosity=detailed"</code>
/// </summary>
public sealed class RiskListBenchmark(InfrastructureFixture infrastructure, RiskHost host, ITestOutputHelper output)
    : RiskApiTestBase(infrastructure, host)
{
    private static readonly string[] Words = ["server", "gangguan", "jaringan", "kebocoran", "data", "aplikasi", "listrik", "serangan", "siber", "cadangan"];

    [Fact]
    public async Task Register_list_at_scale()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("SPBE_BENCH_RISKS"), out var count) || count <= 0)
        {
            output.WriteLine("SPBE_BENCH_RISKS not set: benchmark skipped");
            return;
        }

        var store = Factory.Services.GetRequiredService<IDocumentStore>();
        var random = new Random(8);
        var seed = Stopwatch.StartNew();
        foreach (var chunk in Enumerable.Range(0, count).Chunk(10_000))
            await store.BulkInsertAsync(Instansi, chunk.Select(i => NewRisk(i, random)).ToList(), Weasel.Core.BulkInsertMode.InsertsOnly);
        output.WriteLine($"seeded {count} risks in {seed.Elapsed.TotalSeconds:F1} s");
        await using (var connection = new Npgsql.NpgsqlConnection(Infrastructure.PostgresConnectionString))
        {
            await connection.OpenAsync();
            await using var analyze = new Npgsql.NpgsqlCommand("ANALYZE", connection);
            await analyze.ExecuteNonQueryAsync();
        }

        if (Environment.GetEnvironmentVariable("SPBE_BENCH_EXPLAIN") == "1")
        {
            await using var session = store.QuerySession(Instansi);
            foreach (var q in new[] { "siber 777", "server" })
            {
                var query = session.Query<RegisteredRisk>().Where(r => !r.Withdrawn).Where(r => r.Event.Contains(q, StringComparison.OrdinalIgnoreCase))
                    .OrderBy(r => r.Opd).ThenByDescending(r => r.PeriodYear).ThenByDescending(r => r.Besaran).ThenByDescending(r => r.ImpactLevel).ThenBy(r => r.Code).Take(101);
                var command = query.ToCommand(Marten.Linq.FetchType.FetchMany);
                await using var connection = new Npgsql.NpgsqlConnection(Infrastructure.PostgresConnectionString);
                await connection.OpenAsync();
                command.CommandText = "EXPLAIN ANALYZE " + command.CommandText;
                command.Connection = connection;
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync()) output.WriteLine(reader.GetString(0));
            }
        }

        var client = Admin();
        foreach (var (label, url) in new[]
                 {
                     ("page 1", "/api/risks"),
                     ("page 20", "/api/risks?page=20"),
                     ("opd=", "/api/risks?opd=opd-07"),
                     ("opd= year=", "/api/risks?opd=opd-07&periodYear=2025"),
                     ("q= (common)", "/api/risks?q=server"),
                     ("q= (rare)", "/api/risks?q=" + Uri.EscapeDataString("siber 777")),
                 })
            output.WriteLine(await Latency.MeasureAsync(client, label, url));
    }

    private static RegisteredRisk NewRisk(int i, Random random)
    {
        var (likelihood, impact) = (random.Next(1, 6), random.Next(1, 6));
        return new RegisteredRisk
        {
            Id = Guid.CreateVersion7(),
            ContextId = Guid.NewGuid(),
            Opd = $"opd-{i % 40 + 1:00}",
            PeriodYear = 2025 + i % 2,
            Code = $"R-{i / 40 + 1:00000}",
            RiskType = "negatif",
            Event = $"{Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]} {i}",
            Category = "infrastruktur-spbe",
            ImpactArea = "layanan",
            LikelihoodLevel = likelihood,
            ImpactLevel = impact,
            Besaran = likelihood * impact,
            Level = 1 + likelihood * impact / 6,
            UpdatedBy = "bench",
            UpdatedAt = DateTimeOffset.UtcNow,
            Version = 1,
        };
    }
}
