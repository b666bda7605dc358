namespace SpbeOps.Dashboard.Localization;

/// <summary>
/// Every fixed text of the dashboard, in Indonesian as PermenPANRB 59/2020 words it and in English. The rubric's own
/// texts (indicator names, level texts, criteria) come from the API in both languages.
/// </summary>
public sealed record Text
{
    public required string AppTitle { get; init; }
    public required string Overview { get; init; }
    public required string Heatmap { get; init; }
    public required string Trend { get; init; }
    public required string SelfAssessment { get; init; }
    public required string SignIn { get; init; }
    public required string SignOut { get; init; }
    public required string SignInIntro { get; init; }
    public required string TokenLabel { get; init; }
    public required string SignInWithOidc { get; init; }
    public required string InvalidToken { get; init; }
    public required string LanguageToggle { get; init; }
    public required string Index { get; init; }
    public required string Predicate { get; init; }
    public required string Domains { get; init; }
    public required string Aspects { get; init; }
    public required string ManagementIndicators { get; init; }
    public required string Indicator { get; init; }
    public required string Level { get; init; }
    public required string Source { get; init; }
    public required string Blocker { get; init; }
    public required string TopLevel { get; init; }
    public required string Computed { get; init; }
    public required string SelfAssessed { get; init; }
    public required string OfficialResults { get; init; }
    public required string Year { get; init; }
    public required string Month { get; init; }
    public required string Target { get; init; }
    public required string ManagementDomain { get; init; }
    public required string Projection { get; init; }
    public required string ProjectionHint { get; init; }
    public required string LevelDistribution { get; init; }
    public required string LiveChanges { get; init; }
    public required string NoLiveChanges { get; init; }
    public required string LiveConnected { get; init; }
    public required string LiveConnecting { get; init; }
    public required string LiveDisconnected { get; init; }
    public required string PerangkatDaerah { get; init; }
    public required string HeatmapIntro { get; init; }
    public required string HiddenForRole { get; init; }
    public required string NoOrganisation { get; init; }
    public required string SortBy { get; init; }
    public required string LevelTexts { get; init; }
    public required string CriteriaMet { get; init; }
    public required string MissingCriteria { get; init; }
    public required string NothingMissing { get; init; }
    public required string LevelHistory { get; init; }
    public required string NoHistory { get; init; }
    public required string WhatIf { get; init; }
    public required string WhatIfIntro { get; init; }
    public required string ForOpd { get; init; }
    public required string ForInstansi { get; init; }
    public required string TrendIntro { get; init; }
    public required string SelfAssessmentIntro { get; init; }
    public required string Explanation { get; init; }
    public required string Save { get; init; }
    public required string Saved { get; init; }
    public required string ReadOnly { get; init; }
    public required string DownloadReport { get; init; }
    public required string Loading { get; init; }
    public required string Error { get; init; }
    public required string Role { get; init; }

    public required Func<int, string> LevelName { get; init; }

    public static readonly Text Id = new()
    {
        AppTitle = "SpbeOps · Dasbor Kematangan SPBE",
        Overview = "Ringkasan",
        Heatmap = "Peta OPD",
        Trend = "Tren",
        SelfAssessment = "Penilaian mandiri",
        SignIn = "Masuk",
        SignOut = "Keluar",
        SignInIntro = "Masuk dengan token akses SpbeOps Anda. Untuk pengembangan lokal, `./spbe up` mencetak tautan masuk.",
        TokenLabel = "Token akses",
        SignInWithOidc = "Masuk dengan akun instansi (SSO)",
        InvalidToken = "Token tidak sah atau sudah kedaluwarsa.",
        LanguageToggle = "English",
        Index = "Indeks SPBE",
        Predicate = "Predikat",
        Domains = "Domain",
        Aspects = "Aspek",
        ManagementIndicators = "Domain Manajemen SPBE (indikator 21–31)",
        Indicator = "Indikator",
        Level = "Tingkat",
        Source = "Sumber",
        Blocker = "Penghambat tingkat berikutnya",
        TopLevel = "Sudah di tingkat tertinggi",
        Computed = "dihitung",
        SelfAssessed = "penilaian mandiri",
        OfficialResults = "Hasil evaluasi resmi",
        Year = "Tahun",
        Month = "Bulan",
        Target = "Target",
        ManagementDomain = "Domain Manajemen",
        Projection = "Proyeksi",
        ProjectionHint = "Indeks bila setiap indikator manajemen naik satu tingkat (perhitungan mesin penilaian)",
        LevelDistribution = "Sebaran tingkat indikator",
        LiveChanges = "Perubahan terkini",
        NoLiveChanges = "Belum ada perubahan sejak halaman dibuka.",
        LiveConnected = "Terhubung",
        LiveConnecting = "Menghubungkan…",
        LiveDisconnected = "Terputus",
        PerangkatDaerah = "Perangkat daerah",
        HeatmapIntro = "Tingkat indikator 21–31 setiap perangkat daerah. Pilih sel untuk penjelasannya.",
        HiddenForRole = "Rincian perangkat daerah lain hanya untuk Diskominfo dan auditor",
        NoOrganisation = "Daftar perangkat daerah belum ditetapkan.",
        SortBy = "Urutkan menurut",
        LevelTexts = "Kriteria setiap tingkat",
        CriteriaMet = "terpenuhi",
        MissingCriteria = "Kriteria yang belum terpenuhi untuk tingkat berikutnya",
        NothingMissing = "Tidak ada: indikator sudah di tingkat tertinggi.",
        LevelHistory = "Riwayat tingkat",
        NoHistory = "Belum ada perubahan tingkat.",
        WhatIf = "Bagaimana jika",
        WhatIfIntro = "Indeks SPBE bila indikator ini mencapai tingkat:",
        ForOpd = "Perangkat daerah",
        ForInstansi = "Seluruh instansi",
        TrendIntro = "Indeks dan domain pada akhir setiap bulan, dibandingkan hasil evaluasi resmi.",
        SelfAssessmentIntro = "Indikator di luar domain manajemen dinilai mandiri oleh Diskominfo: pilih tingkat dan tulis penjelasannya.",
        Explanation = "Penjelasan",
        Save = "Simpan",
        Saved = "Tersimpan",
        ReadOnly = "Hanya Diskominfo yang dapat mengubah penilaian mandiri.",
        DownloadReport = "Unduh laporan (XLSX)",
        Loading = "Memuat…",
        Error = "Gagal memuat data",
        Role = "Peran",
        LevelName = level => level switch { 1 => "Rintisan", 2 => "Terkelola", 3 => "Terdefinisi", 4 => "Terpadu dan Terukur", _ => "Optimum" },
    };

    public static readonly Text En = new()
    {
        AppTitle = "SpbeOps · SPBE Maturity Dashboard",
        Overview = "Overview",
        Heatmap = "OPD map",
        Trend = "Trend",
        SelfAssessment = "Self-assessment",
        SignIn = "Sign in",
        SignOut = "Sign out",
        SignInIntro = "Sign in with your SpbeOps access token. For local development, `./spbe up` prints a sign-in link.",
        TokenLabel = "Access token",
        SignInWithOidc = "Sign in with your organisation account (SSO)",
        InvalidToken = "The token is invalid or has expired.",
        LanguageToggle = "Bahasa Indonesia",
        Index = "SPBE index",
        Predicate = "Rating",
        Domains = "Domains",
        Aspects = "Aspects",
        ManagementIndicators = "SPBE management domain (indicators 21–31)",
        Indicator = "Indicator",
        Level = "Level",
        Source = "Source",
        Blocker = "What blocks the next level",
        TopLevel = "Already at the top level",
        Computed = "computed",
        SelfAssessed = "self-assessment",
        OfficialResults = "Official evaluation results",
        Year = "Year",
        Month = "Month",
        Target = "Target",
        ManagementDomain = "Management domain",
        Projection = "Projection",
        ProjectionHint = "The index if every management indicator rose one level (the engine's arithmetic)",
        LevelDistribution = "Indicators per level",
        LiveChanges = "Recent changes",
        NoLiveChanges = "No changes since the page was opened.",
        LiveConnected = "Connected",
        LiveConnecting = "Connecting…",
        LiveDisconnected = "Disconnected",
        PerangkatDaerah = "Agency (OPD)",
        HeatmapIntro = "Indicators 21–31 for every agency (perangkat daerah). Select a cell for its explanation.",
        HiddenForRole = "Other agencies' details are for Diskominfo and auditors only",
        NoOrganisation = "The list of agencies has not been set yet.",
        SortBy = "Sort by",
        LevelTexts = "Criteria of each level",
        CriteriaMet = "met",
        MissingCriteria = "Criteria missing for the next level",
        NothingMissing = "None: the indicator is at the top level.",
        LevelHistory = "Level history",
        NoHistory = "No level changes yet.",
        WhatIf = "What if",
        WhatIfIntro = "The SPBE index if this indicator reached level:",
        ForOpd = "Agency",
        ForInstansi = "Whole government",
        TrendIntro = "The index and domains at the end of each month, against the official results.",
        SelfAssessmentIntro = "Indicators outside the management domain are self-assessed by Diskominfo: choose the level and explain it.",
        Explanation = "Explanation",
        Save = "Save",
        Saved = "Saved",
        ReadOnly = "Only Diskominfo may change the self-assessment.",
        DownloadReport = "Download report (XLSX)",
        Loading = "Loading…",
        Error = "Could not load the data",
        Role = "Role",
        LevelName = level => level switch { 1 => "Initial", 2 => "Managed", 3 => "Defined", 4 => "Integrated and measured", _ => "Optimised" },
    };
}
