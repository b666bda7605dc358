namespace SpbeOps.Knowledge.Tests.Functional;

/// <summary>Full-text search over published articles: Indonesian queries find the expected article first, with highlights.</summary>
public sealed class SearchTests(InfrastructureFixture infrastructure, KnowledgeHost host) : KnowledgeApiTest(infrastructure, host)
{
    private static readonly (string Opd, string Title, string Body)[] Corpus =
    [
        ("bkpsdmd", "Cara reset kata sandi SIMPEG", "Jika pegawai lupa kata sandi SIMPEG, operator kepegawaian membuka menu pengguna lalu memilih reset kata sandi. Kata sandi sementara dikirim ke surel dinas."),
        ("diskominfo", "Penanganan insiden defacement situs", "Saat situs web kelurahan diubah tampilannya (defacement), putuskan akses, pulihkan dari cadangan, lalu tambal CMS. Laporkan insiden ke CSIRT kota."),
        ("diskominfo", "Konfigurasi VPN untuk pegawai", "Koneksi jaringan privat virtual memakai klien WireGuard. Unduh berkas konfigurasi dari portal layanan TIK."),
        ("dinkes", "Pencadangan basis data SIK Puskesmas", "Cadangan harian basis data Sistem Informasi Kesehatan disimpan di pusat data kota. Uji pemulihan cadangan setiap bulan."),
        ("bappeda", "Penyusunan peta rencana SPBE", "Peta rencana SPBE disusun bersama tim koordinasi. Gunakan templat arsitektur dan sinkronkan dengan RPJMD."),
        ("dinkes", "Kata sandi kuat untuk aplikasi", "Gunakan kata sandi panjang; aplikasi Puskesmas menolak kata sandi pendek. Jangan pakai ulang kata sandi SIMPEG."),
    ];

    [Fact]
    public async Task Indonesian_queries_return_the_expected_article_first_with_highlights()
    {
        var ids = new Dictionary<string, Guid>();
        foreach (var (opd, title, body) in Corpus) ids[title] = await PublishedAsync(opd, title, body);
        // A draft never shows in search.
        await Created(Operator("dinkes"), Articles, Body("dinkes", "Draf reset kata sandi SIMPEG rahasia", "reset kata sandi SIMPEG"));

        var expectations = new (string Query, string First)[]
        {
            ("reset kata sandi simpeg", "Cara reset kata sandi SIMPEG"),
            ("defacement", "Penanganan insiden defacement situs"),
            ("insiden situs kelurahan", "Penanganan insiden defacement situs"),
            ("vpn", "Konfigurasi VPN untuk pegawai"),
            ("cadangan basis data", "Pencadangan basis data SIK Puskesmas"),
            ("\"peta rencana\"", "Penyusunan peta rencana SPBE"),
            ("kata sandi -simpeg", "Kata sandi kuat untuk aplikasi"),
        };
        var reader = Operator("dishub");
        foreach (var (query, first) in expectations)
        {
            var page = await Ok(reader.GetAsync($"{Articles}/search?q={Uri.EscapeDataString(query)}"));
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.True(items.Count > 0, $"'{query}' found nothing");
            Assert.Equal(first, items[0].GetProperty("title").GetString());
            Assert.DoesNotContain(items, i => i.GetProperty("title").GetString()!.StartsWith("Draf", StringComparison.Ordinal));
        }

        var hit = (await Ok(reader.GetAsync($"{Articles}/search?q=defacement"))).GetProperty("items")[0];
        Assert.Contains("<mark>defacement</mark>", hit.GetProperty("highlight").GetString());
        Assert.Contains("<mark>defacement</mark>", hit.GetProperty("titleHighlight").GetString());
        Assert.Equal(ids["Penanganan insiden defacement situs"], hit.GetProperty("id").GetGuid());
        Assert.Empty((await Ok(reader.GetAsync($"{Articles}/search?q=tidakada"))).GetProperty("items").EnumerateArray());
        Assert.Single((await Ok(reader.GetAsync($"{Articles}/search?q=kata%20sandi&opd=bkpsdmd"))).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Highlights_are_encoded_so_a_body_cannot_inject_markup()
    {
        await PublishedAsync("dinkes", "Catatan skrip", "Contoh berbahaya <script>alert('xss')</script> pada formulir login");
        var hit = (await Ok(Admin().GetAsync($"{Articles}/search?q=formulir"))).GetProperty("items")[0];
        var highlight = hit.GetProperty("highlight").GetString()!;
        Assert.DoesNotContain("<script", highlight);
        Assert.Contains("<mark>formulir</mark>", highlight);
    }
}
