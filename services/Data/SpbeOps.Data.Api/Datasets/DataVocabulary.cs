namespace SpbeOps.Data.Api.Datasets;

/// <summary>The catalogue's vocabulary, as Perpres 39/2019 and the Satu Data portals name things.</summary>
public static class DataVocabulary
{
    // The flow of a dataset between its produsen data (an OPD) and the walidata.
    public const string Draft = "draft";
    public const string Diajukan = "diajukan";
    public const string Diverifikasi = "diverifikasi";
    public const string Dipublikasikan = "dipublikasikan";
    public const string Dikembalikan = "dikembalikan";
    /// <summary>The final state: the dataset leaves the catalogue but keeps its history.</summary>
    public const string Diarsipkan = "diarsipkan";
    public static readonly string[] Statuses = [Draft, Diajukan, Diverifikasi, Dipublikasikan, Dikembalikan, Diarsipkan];

    /// <summary>The states a produsen may still edit.</summary>
    public static readonly string[] Editable = [Draft, Dikembalikan];

    // Access level (Perpres 39/2019 Pasal 33 on access restrictions agreed by the Forum SDI).
    public const string Terbuka = "terbuka";
    public const string Terbatas = "terbatas";
    public const string Tertutup = "tertutup";
    public static readonly string[] AccessLevels = [Terbuka, Terbatas, Tertutup];

    /// <summary>Periodicity (frekuensi rilis) and how many months lie between two releases (0: no fixed period).</summary>
    public static readonly IReadOnlyDictionary<string, int> Periodicities = new Dictionary<string, int>
    {
        ["tahunan"] = 12,
        ["semesteran"] = 6,
        ["triwulanan"] = 3,
        ["bulanan"] = 1,
        ["tidak-tetap"] = 0,
    };

    /// <summary>The topics of the Satu Data portals' catalogue (urusan groups).</summary>
    public static readonly string[] Topics =
    [
        "ekonomi", "infrastruktur", "kemiskinan", "kependudukan", "kesehatan", "lingkungan-hidup", "pariwisata",
        "pemerintahan", "pendidikan", "sosial", "pertanian", "keuangan-daerah", "lainnya",
    ];

    /// <summary>Licences a CKAN portal knows by these ids (<c>license_id</c>).</summary>
    public static readonly IReadOnlyDictionary<string, (string Title, string Url)> Licenses = new Dictionary<string, (string, string)>
    {
        ["cc-by"] = ("Creative Commons Attribution", "http://www.opendefinition.org/licenses/cc-by"),
        ["cc-by-sa"] = ("Creative Commons Attribution Share-Alike", "http://www.opendefinition.org/licenses/cc-by-sa"),
        ["cc-zero"] = ("Creative Commons CCZero", "http://www.opendefinition.org/licenses/cc-zero"),
        ["odc-by"] = ("Open Data Commons Attribution License", "http://www.opendefinition.org/licenses/odc-by"),
        ["other-closed"] = ("Other (Not Open)", ""),
    };

    /// <summary>Formats a machine can read without a person (Perpres 39/2019 Pasal 9: open, machine-readable).</summary>
    public static readonly string[] MachineReadableFormats = ["CSV", "JSON", "XML", "XLSX", "XLS", "ODS", "GEOJSON", "SHP", "KML", "API", "PARQUET", "TSV"];

    /// <summary>Formats a distribution may declare.</summary>
    public static readonly string[] Formats = [.. MachineReadableFormats, "PDF", "DOCX", "HTML", "JPG", "PNG", "LAINNYA"];

    // The four SDI principles the walidata checks (Perpres 39/2019 Pasal 3).
    public const string PrinsipStandarData = "standar-data";
    public const string PrinsipMetadata = "metadata";
    public const string PrinsipInteroperabilitas = "interoperabilitas";
    public const string PrinsipKodeReferensi = "kode-referensi";
    public static readonly string[] Principles = [PrinsipStandarData, PrinsipMetadata, PrinsipInteroperabilitas, PrinsipKodeReferensi];
}
