using System.Diagnostics;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SpbeOps.Knowledge.Api.Articles;
using SpbeOps.Knowledge.Tests.Functional;
using Xunit.Abstractions;

namespace SpbeOps.Knowledge.Tests.Benchmarks;

/// <summary>
/// Search and list figures at scale: a fresh instansi seeded with <c>SPBE_BENCH_ARTICLES</c> articles (Marten bulk
/// insert; 40 OPDs, two thirds published, bodies of ~120 Indonesian words), then p50/p99 of search and list queries.
/// Opt-in: without the variable it returns at once; it prints figures and asserts only that the calls succeed.
/// <code>SPBE_BENCH_ARTICLES=100000 dotnet test tests/SpbeOps.Knowledge.Tests --filter ArticleSearchBenchmark --logger "console;verbosity=detailed"</code>
/// </summary>
public sealed class ArticleSearchBenchmark(InfrastructureFixture infrastructure, KnowledgeHost host, ITestOutputHelper output)
    : KnowledgeApiTest(infrastructure, host)
{
    private readonly string Postgres = infrastructure.PostgresConnectionString;

    private static readonly string[] Words =
    [
        "aplikasi", "server", "jaringan", "kata", "sandi", "pegawai", "layanan", "data", "cadangan", "pemulihan", "insiden", "keamanan",
        "pengguna", "akun", "situs", "kelurahan", "puskesmas", "sekolah", "perizinan", "surat", "arsip", "anggaran", "laporan", "pelatihan",
        "virtual", "privat", "konfigurasi", "pembaruan", "sistem", "informasi", "kesehatan", "kependudukan", "pajak", "retribusi", "pengaduan",
    ];

    [Fact]
    public async Task Search_at_scale()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("SPBE_BENCH_ARTICLES"), out var count) || count <= 0)
        {
            output.WriteLine("SPBE_BENCH_ARTICLES not set: benchmark skipped");
            return;
        }

        var store = Factory.Services.GetRequiredService<IDocumentStore>();
        var random = new Random(11);
        var seed = Stopwatch.StartNew();
        foreach (var chunk in Enumerable.Range(0, count).Chunk(5_000))
            await store.BulkInsertAsync(Instansi, chunk.Select(i => NewArticle(i, random)).ToList(), Weasel.Core.BulkInsertMode.InsertsOnly);
        output.WriteLine($"seeded {count} articles in {seed.Elapsed.TotalSeconds:F1} s");
        await using (var connection = new Npgsql.NpgsqlConnection(Postgres))
        {
            await connection.OpenAsync();
            await using var analyze = new Npgsql.NpgsqlCommand("ANALYZE", connection);
            await analyze.ExecuteNonQueryAsync();
        }

        var client = Admin();
        foreach (var (label, url) in new[]
                 {
                     ("search rare (1 hit)", $"{Articles}/search?q=" + Uri.EscapeDataString("unik77777")),
                     ("search two words", $"{Articles}/search?q=" + Uri.EscapeDataString("kata sandi")),
                     ("search common word", $"{Articles}/search?q=aplikasi"),
                     ("search phrase", $"{Articles}/search?q=" + Uri.EscapeDataString("\"jaringan privat virtual\"")),
                     ("search + opd", $"{Articles}/search?q=server&opd=opd-07"),
                     ("list page 1", Articles),
                     ("list status=terbit opd=", $"{Articles}?status=terbit&opd=opd-07"),
                 })
            output.WriteLine(await Latency.MeasureAsync(client, label, url));
    }

    private static Article NewArticle(int i, Random random)
    {
        var body = string.Join(' ', Enumerable.Range(0, 120).Select(_ => Words[random.Next(Words.Length)]));
        return new Article
        {
            Id = Guid.CreateVersion7(),
            Opd = $"opd-{i % 40 + 1:00}",
            Title = $"{Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]} {i}",
            Body = $"{body} unik{i}",
            Category = "panduan",
            Tags = [Words[i % Words.Length]],
            Author = "bench",
            Status = i % 3 == 2 ? ArticleStatus.Draft : ArticleStatus.Terbit,
            ReviewBy = new DateOnly(2027, 1, 1),
            UpdatedBy = "bench",
            UpdatedAt = DateTimeOffset.UtcNow,
            Version = 1,
        };
    }
}
