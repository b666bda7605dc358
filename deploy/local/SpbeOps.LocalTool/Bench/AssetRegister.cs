using System.Diagnostics;
using System.Net.Http.Headers;
using MiniExcelLibs;

namespace SpbeOps.LocalTool.Bench;

/// <summary>
/// The register at 1k, 10k and 100k assets, filled the way a Diskominfo would: XLSX imports through the gateway (the
/// Assets service's own sheet layout), then timed reads of the list routes users call and an export of the whole
/// register.
/// </summary>
internal static class AssetRegister
{
    public const int OpdCount = 20;
    public const string RareWord = "oseanografi";   // one asset in a thousand has it: a q= that matches little
    public const string CommonWord = "laptop";      // one in ten

    private static readonly string[] Words = ["Laptop", "Server", "Printer", "Router", "Switch", "Komputer", "Proyektor", "UPS", "Pemindai", "Kamera"];
    private static readonly string[] Kinds = ["hardware", "hardware", "hardware", "software", "network"];

    /// <summary>Rows <paramref name="from"/> … <paramref name="from"/> + <paramref name="count"/> − 1 as the Assets import sheet.</summary>
    public static byte[] Workbook(int from, int count)
    {
        var rows = Enumerable.Range(from, count).Select(i => new Dictionary<string, object?>
        {
            ["ID"] = null,
            ["Versi"] = null,
            ["Perangkat Daerah"] = $"daftar-{i % OpdCount + 1:00}",
            ["Jenis Aset"] = Kinds[i % Kinds.Length],
            ["Nama"] = i % 1000 == 7 ? $"Alat {RareWord} {i}" : $"{Words[i % Words.Length]} {i:000000}",
            ["Kode Barang"] = $"BENCH-{i:000000}",
            ["Tahap Siklus Hidup"] = i % 4 == 0 ? "pengadaan" : "pemanfaatan",
            ["Sejak Tanggal"] = "2025-01-02",
        });
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: "Register Aset TIK");
        return stream.ToArray();
    }

    /// <summary>One import, all rows or none; the seconds it took from upload to the 200.</summary>
    public static async Task<double> ImportAsync(HttpClient gateway, int from, int count)
    {
        var xlsx = Workbook(from, count);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(xlsx);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "register-aset.xlsx");
        var clock = Stopwatch.StartNew();
        using var response = await gateway.PostAsync("api/assets/import", form);
        var seconds = clock.Elapsed.TotalSeconds;
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"import of {count} rows answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return seconds;
    }

    /// <summary>The list reads the issue names: page 1, a later page, each filter and q= (rare and common).</summary>
    public static IReadOnlyList<(string Label, string Url)> Queries(int size) =>
    [
        ("page 1", "api/assets?pageSize=50"),
        ($"page {Math.Min(40, size / 50)}", $"api/assets?pageSize=50&page={Math.Min(40, size / 50)}"),
        ("opd=", "api/assets?opd=daftar-07&pageSize=50"),
        ("kind=", "api/assets?kind=software&pageSize=50"),
        ("stage=", "api/assets?stage=pengadaan&pageSize=50"),
        ("q= rare", $"api/assets?q={RareWord}&pageSize=50"),
        ("q= common", $"api/assets?q={CommonWord}&pageSize=50"),
    ];

    public static async Task<Latencies> TimeAsync(HttpClient gateway, string url, int warmUp, int samples)
    {
        var times = new List<double>();
        for (var i = 0; i < warmUp + samples; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await gateway.GetAsync(url, HttpCompletionOption.ResponseContentRead);
            response.EnsureSuccessStatusCode();
            if (i >= warmUp) times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return new Latencies(times);
    }

    /// <summary>The whole register as XLSX through the gateway: seconds, bytes, and the Assets process's peak RSS meanwhile.</summary>
    public static async Task<(double Seconds, long Bytes, long PeakRss)> ExportAsync(HttpClient gateway, Func<long?> assetsRss)
    {
        long peak = assetsRss() ?? 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, assetsRss() ?? 0);
                try { await Task.Delay(50, sampling.Token); } catch (OperationCanceledException) { }
            }
        });
        var clock = Stopwatch.StartNew();
        using var response = await gateway.GetAsync("api/assets/export", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var counting = new CountingStream();
        await body.CopyToAsync(counting);
        var seconds = clock.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;
        return (seconds, counting.Length, peak);
    }

    private sealed class CountingStream : Stream
    {
        private long _length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
