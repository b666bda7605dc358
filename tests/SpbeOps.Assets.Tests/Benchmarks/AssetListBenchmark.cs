using System.Diagnostics;
using System.Net.Http.Headers;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using SpbeOps.Assets.Api.Assets;
using SpbeOps.Assets.Tests.Functional;
using Xunit.Abstractions;

namespace SpbeOps.Assets.Tests.Benchmarks;

/// <summary>
/// Issue 8's list and XLSX figures, measured in process against the test PostgreSQL: a fresh instansi seeded with
/// <c>SPBE_BENCH_ASSETS</c> assets (Marten bulk insert), then p50/p99 of the list queries, the export's time and
/// memory, and a 10k-row import. Opt-in (it takes minutes): without the variable it returns at once. It prints
/// figures and asserts only that the calls succeed.
/// <code>SPBE_BENCH_ASSETS=100000 dotnet test tests/SpbeOps.Assets.Tests --filter AssetListBenchmark --logger "console;verbosity=detailed"</code>
/// </summary>
public sealed class AssetListBenchmark(InfrastructureFixture infrastructure, ITestOutputHelper output) : AssetsApiTest(infrastructure)
{
    private static readonly string[] Opds = Enumerable.Range(1, 40).Select(i => $"opd-{i:00}").ToArray();
    private static readonly string[] Words = ["server", "laptop", "router", "switch", "aplikasi", "sistem", "informasi", "pegawai", "keuangan", "lisensi", "printer", "storage"];

    [Fact]
    public async Task Lists_and_workbooks_at_scale()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("SPBE_BENCH_ASSETS"), out var count) || count <= 0)
        {
            output.WriteLine("SPBE_BENCH_ASSETS not set: benchmark skipped");
            return;
        }

        var store = ((AssetsApiFactory)Factory).Services.GetRequiredService<IDocumentStore>();
        var seed = Stopwatch.StartNew();
        var random = new Random(8);
        foreach (var chunk in Enumerable.Range(0, count).Chunk(10_000))
        {
            var assets = chunk.Select(i => NewAsset(i, random)).ToList();
            await store.BulkInsertAsync(Instansi, assets, Weasel.Core.BulkInsertMode.InsertsOnly);
        }
        output.WriteLine($"seeded {count} assets in {seed.Elapsed.TotalSeconds:F1} s");
        await using (var connection = new Npgsql.NpgsqlConnection(((AssetsApiFactory)Factory).Infrastructure.PostgresConnectionString))
        {
            await connection.OpenAsync();
            await using var analyze = new Npgsql.NpgsqlCommand("ANALYZE", connection);
            await analyze.ExecuteNonQueryAsync();
        }

        var client = Admin();
        var rare = Words[3] + " 7";
        foreach (var (label, url) in new[]
                 {
                     ("page 1", "/api/assets"),
                     ("page 20", "/api/assets?page=20"),
                     ("opd=", "/api/assets?opd=opd-07"),
                     ("kind=", "/api/assets?kind=data-centre"),
                     ("stage=", "/api/assets?stage=penghapusan"),
                     ("q= (common)", "/api/assets?q=server"),
                     ("q= (rare)", "/api/assets?q=" + Uri.EscapeDataString(rare + "77")),
                     ("opd= + q=", "/api/assets?opd=opd-07&q=laptop"),
                 })
            output.WriteLine(await Latency.MeasureAsync(client, label, url));

        // Export: time and memory of the process (in process here, so the test host's growth is the service's).
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = Process.GetCurrentProcess().WorkingSet64;
        var managedBefore = GC.GetTotalMemory(true);
        var peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, Process.GetCurrentProcess().WorkingSet64);
                await Task.Delay(50);
            }
        });
        var export = Stopwatch.StartNew();
        using (var response = await client.GetAsync("/api/assets/export", HttpCompletionOption.ResponseHeadersRead))
        {
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync();
            var bytes = 0L;
            var buffer = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0) bytes += read;
            output.WriteLine($"export {count} assets: {export.Elapsed.TotalSeconds:F2} s, {bytes / 1024 / 1024.0:F1} MB");
        }
        await sampling.CancelAsync();
        await sampler;
        GC.Collect();
        output.WriteLine($"export memory: working set peak +{(peak - before) / 1024 / 1024} MB, after +{(Process.GetCurrentProcess().WorkingSet64 - before) / 1024 / 1024} MB, managed heap after {(GC.GetTotalMemory(true) - managedBefore) / 1024 / 1024} MB");

        // Imports of 5,000 and 10,000 new rows, each into an OPD of its own.
        var failed = new List<string>();
        foreach (var rows in new[] { 5_000, 10_000 })
        {
            using var sheet = new MemoryStream();
            sheet.SaveAs(Enumerable.Range(0, rows).Select(i => AssetWorkbook.Columns.ToDictionary(c => c.Header, c => (object?)(c.Header switch
            {
                "Perangkat Daerah" => $"opd-import-{rows}",
                "Jenis Aset" => "hardware",
                "Nama" => $"Perangkat impor {i:00000}",
                "Tahap Siklus Hidup" => "pemanfaatan",
                "Sejak Tanggal" => "2024-01-02",
                _ => null,
            }))), sheetName: AssetWorkbook.SheetName);
            var content = new ByteArrayContent(sheet.ToArray());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            var import = Stopwatch.StartNew();
            var imported = await client.PostAsync("/api/assets/import", content);
            output.WriteLine($"import {rows} rows ({sheet.Length / 1024} KB): {(int)imported.StatusCode} in {import.Elapsed.TotalSeconds:F2} s");
            if (!imported.IsSuccessStatusCode) failed.Add($"{rows} rows: {(int)imported.StatusCode}");
        }
        Assert.Empty(failed);
    }

    private static Asset NewAsset(int i, Random random)
    {
        var kind = i % 100 == 0 ? AssetVocabulary.DataCentre : AssetVocabulary.Kinds[random.Next(4)];
        return new Asset
        {
            Id = Guid.CreateVersion7(),
            Opd = Opds[random.Next(Opds.Length)],
            Kind = kind,
            Name = $"{Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]} {i}",
            Stage = i % 50 == 0 ? AssetVocabulary.Penghapusan : AssetVocabulary.Pemanfaatan,
            StageSince = new DateOnly(2024, 1, 2),
            Location = "Gedung A",
            Manufacturer = "Lenovo",
            UpdatedBy = "bench",
            UpdatedAt = DateTimeOffset.UtcNow,
            Version = 1,
        };
    }
}
