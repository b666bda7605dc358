namespace SpbeOps.Competency.Api;

/// <summary>The words of SPBE staff competency (PermenPANRB 59/2020, indicator 25), one spelling each.</summary>
public static class CompetencyVocabulary
{
    /// <summary>The six SPBE competency areas of P59 (indicator 25, level 2–3).</summary>
    public static readonly string[] Areas =
        ["proses-bisnis", "arsitektur-spbe", "data-informasi", "keamanan-spbe", "aplikasi-spbe", "infrastruktur-spbe"];

    /// <summary>Proficiency (tingkat kemahiran): 1 dasar, 2 menengah, 3 mahir, 4 ahli.</summary>
    public const int MinProficiency = 1;
    public const int MaxProficiency = 4;

    public const string Sertifikasi = "sertifikasi";
    public const string Pelatihan = "pelatihan";
    public const string Asesmen = "asesmen";

    /// <summary>A certification expiring within this many days is listed as expiring.</summary>
    public const int ExpiringWithinDays = 90;

    public const string FinalRule = "withdrawn-is-final";

    public static Rejection Final(RecordNoun noun) => new Rejection.Conflict(
        $"{noun.Indonesian} sudah dicabut dan tidak dapat diubah / The {noun.English} was withdrawn and cannot change.", FinalRule);

    /// <summary>Proficiency per area: every key one of <see cref="Areas"/>, every value 1–4, at least one.</summary>
    public static FieldErrors Levels(this FieldErrors errors, string field, IReadOnlyDictionary<string, int?>? levels)
    {
        if (levels is null || levels.Count == 0) return errors.Add(field, "sekurang-kurangnya satu bidang / at least one area");
        foreach (var (area, level) in levels)
        {
            if (!Areas.Contains(area)) errors.Add($"{field}.{SafeText.Printable(area)}", $"bidang tidak dikenal; salah satu dari {string.Join(", ", Areas)} / unknown area");
            else errors.Range($"{field}.{area}", level, MinProficiency, MaxProficiency);
        }
        return errors;
    }

    public static Dictionary<string, int> LevelsOf(IReadOnlyDictionary<string, int?> levels) =>
        levels.ToDictionary(l => l.Key, l => l.Value!.Value);
}
