namespace SpbeOps.Risk.Api.Contexts;

/// <summary>
/// The words of PermenPANRB 5/2020 (Pedoman Manajemen Risiko SPBE) as the service spells them on the wire.
/// Codes are lower-case kebab; display names are the regulation's own.
/// </summary>
public static class RiskVocabulary
{
    public const string Positif = "positif";
    public const string Negatif = "negatif";
    public static readonly string[] RiskTypes = [Positif, Negatif];

    // Opsi penanganan risiko (Formulir 4.0): the allowed options depend on the type of the risk.
    public const string Eskalasi = "eskalasi";
    public const string Eksploitasi = "eksploitasi";
    public const string Peningkatan = "peningkatan";
    public const string Pembagian = "pembagian";
    public const string Penerimaan = "penerimaan";
    public const string Mitigasi = "mitigasi";
    public const string Transfer = "transfer";
    public const string Penghindaran = "penghindaran";
    public static readonly string[] PositiveOptions = [Eskalasi, Eksploitasi, Peningkatan, Pembagian, Penerimaan];
    public static readonly string[] NegativeOptions = [Eskalasi, Mitigasi, Transfer, Penghindaran, Penerimaan];

    public static IReadOnlyList<string> OptionsFor(string riskType) => riskType == Positif ? PositiveOptions : NegativeOptions;

    public const string TreatmentPlanned = "direncanakan";
    public const string TreatmentInProgress = "berjalan";
    public const string TreatmentDone = "selesai";
    public static readonly string[] TreatmentStatuses = [TreatmentPlanned, TreatmentInProgress, TreatmentDone];

    // Pemantauan (Formulir 5.0): quarterly, by semester, yearly or incidental.
    public const string Triwulan = "triwulan";
    public const string Semester = "semester";
    public const string Tahunan = "tahunan";
    public const string Insidental = "insidental";
    public static readonly string[] MonitoringKinds = [Triwulan, Semester, Tahunan, Insidental];

    public const string TrendUp = "naik";
    public const string TrendDown = "turun";
    public const string TrendSame = "tetap";

    public static string TypeName(string riskType) => riskType == Positif ? "Positif" : "Negatif";

    public static string Roman(int n) => n switch { 1 => "I", 2 => "II", 3 => "III", 4 => "IV", _ => n.ToString() };
}
