namespace SpbeOps.Risk.Api.Contexts;

/// <summary>
/// The defaults of PermenPANRB 5/2020 a new context starts from: the 16 risk categories (2.6), the 7 impact areas
/// (2.7), the 5-level likelihood and impact criteria (2.8.A/B), the official matrix (2.9.A), its level bands (2.9.B)
/// and the regulation's example appetite (2.10). Every section is adaptable per UPR.
/// </summary>
public static class RiskContextDefaults
{
    public static List<CodedName> Categories() =>
    [
        new("rencana-induk-spbe-nasional", "Rencana Induk SPBE Nasional"),
        new("arsitektur-spbe", "Arsitektur SPBE"),
        new("peta-rencana-spbe", "Peta Rencana SPBE"),
        new("proses-bisnis", "Proses Bisnis"),
        new("rencana-dan-anggaran", "Rencana dan Anggaran"),
        new("inovasi", "Inovasi"),
        new("kepatuhan-terhadap-peraturan", "Kepatuhan terhadap Peraturan"),
        new("pengadaan-barang-dan-jasa", "Pengadaan Barang dan Jasa"),
        new("proyek-pembangunan-pengembangan-sistem", "Proyek Pembangunan/Pengembangan Sistem"),
        new("data-dan-informasi", "Data dan Informasi"),
        new("infrastruktur-spbe", "Infrastruktur SPBE"),
        new("aplikasi-spbe", "Aplikasi SPBE"),
        new("keamanan-spbe", "Keamanan SPBE"),
        new("layanan-spbe", "Layanan SPBE"),
        new("sdm-spbe", "SDM SPBE"),
        new("bencana-alam", "Bencana Alam"),
    ];

    public static List<CodedName> ImpactAreas() =>
    [
        new("finansial", "Finansial"),
        new("reputasi", "Reputasi"),
        new("kinerja", "Kinerja"),
        new("layanan-organisasi", "Layanan Organisasi"),
        new("operasional-dan-aset-tik", "Operasional dan Aset TIK"),
        new("hukum-dan-regulasi", "Hukum dan Regulasi"),
        new("sumber-daya-manusia", "Sumber Daya Manusia"),
    ];

    public static List<LikelihoodCriterion> Likelihood() =>
    [
        new(1, "Hampir Tidak Terjadi", "X ≤ 5%", "X < 2 kali dalam 1 tahun"),
        new(2, "Jarang Terjadi", "5% < X ≤ 10%", "2 ≤ X ≤ 5 kali dalam 1 tahun"),
        new(3, "Kadang-Kadang Terjadi", "10% < X ≤ 20%", "6 ≤ X ≤ 9 kali dalam 1 tahun"),
        new(4, "Sering Terjadi", "20% < X ≤ 50%", "10 ≤ X ≤ 12 kali dalam 1 tahun"),
        new(5, "Hampir Pasti Terjadi", "X > 50%", "X > 12 kali dalam 1 tahun"),
    ];

    /// <summary>Impact levels; the regulation's example describes area Kinerja (change in performance).</summary>
    public static List<ImpactCriterion> Impact() =>
    [
        new(1, "Tidak Signifikan", [new("kinerja", "Peningkatan kinerja < 20%", "Penurunan kinerja < 20%")]),
        new(2, "Kurang Signifikan", [new("kinerja", "Peningkatan kinerja 20% – < 40%", "Penurunan kinerja 20% – < 40%")]),
        new(3, "Cukup Signifikan", [new("kinerja", "Peningkatan kinerja 40% – < 60%", "Penurunan kinerja 40% – < 60%")]),
        new(4, "Signifikan", [new("kinerja", "Peningkatan kinerja 60% – < 80%", "Penurunan kinerja 60% – < 80%")]),
        new(5, "Sangat Signifikan", [new("kinerja", "Peningkatan kinerja ≥ 80%", "Penurunan kinerja ≥ 80%")]),
    ];

    /// <summary>The regulation's example appetite (2.10); the other categories are the UPR's to set.</summary>
    public static List<Appetite> ExampleAppetite() =>
    [
        new("rencana-dan-anggaran", 16, 6),
        new("pengadaan-barang-dan-jasa", 18, 11),
        new("sdm-spbe", 20, 14),
    ];
}
