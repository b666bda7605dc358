using MiniExcelLibs;

namespace SpbeOps.Data.Api.Datasets;

/// <summary>
/// The catalogue as the walidata's working sheet ("Daftar Data"): one row per dataset with its Standar Data, its
/// metadata, its status, the quality score and the release schedule, Indonesian headers. The same sheet imports
/// metadata in bulk: a row with an <c>ID</c> revises that dataset (a draft or a returned one), a row without one drafts
/// a new dataset. <c>Versi</c> is the exported version: a row whose dataset changed since is refused (the If-Match).
/// Status, quality and the walidata's columns are derived and ignored on import.
/// </summary>
public static class DatasetWorkbook
{
    public const string ContentType = Workbook.ContentType;
    public const string SheetName = "Daftar Data";
    public const int MaxRows = 5_000;

    /// <summary>Column header → request field (null = derived, ignored on import), in sheet order.</summary>
    public static readonly IReadOnlyList<(string Header, string? Field)> Columns =
    [
        ("ID", "id"),
        ("Versi", "version"),
        ("Produsen Data (Perangkat Daerah)", "opd"),
        ("Nama (slug)", "name"),
        ("Judul Data", "title"),
        ("Uraian", "description"),
        ("Topik", "topic"),
        ("Tag (dipisah koma)", "tags"),
        ("Konsep", "standarData.konsep"),
        ("Definisi", "standarData.definisi"),
        ("Klasifikasi", "standarData.klasifikasi"),
        ("Ukuran", "standarData.ukuran"),
        ("Satuan", "standarData.satuan"),
        ("Frekuensi", "metadata.periodicity"),
        ("Cakupan Wilayah", "metadata.coverage"),
        ("Kegiatan Sumber", "metadata.sourceActivity"),
        ("Nama Kontak", "metadata.contactName"),
        ("Surel Kontak", "metadata.contactEmail"),
        ("Lisensi", "metadata.license"),
        ("Tingkat Akses", "metadata.accessLevel"),
        ("URL Distribusi", "distributions[0].url"),
        ("Format Distribusi", "distributions[0].format"),
        ("Jadwal Rilis Berikutnya", "nextReleaseDue"),
        ("Status", null),
        ("Skor Kualitas", null),
        ("Rilis Terakhir", null),
    ];

    /// <summary>Writes the catalogue as it is enumerated: one row in memory at a time (an empty one is a template).</summary>
    public static Task WriteAsync(IAsyncEnumerable<Dataset> datasets, Stream into, CancellationToken ct) =>
        into.SaveAsAsync(RowsOf(datasets, ct), sheetName: SheetName, cancellationToken: ct);

    private static async IAsyncEnumerable<Dictionary<string, object?>> RowsOf(
        IAsyncEnumerable<Dataset> datasets, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var any = false;
        await foreach (var d in datasets.WithCancellation(ct))
        {
            any = true;
            yield return ToRow(d);
        }
        if (!any) yield return Columns.ToDictionary(c => c.Header, _ => (object?)null);
    }

    private static Dictionary<string, object?> ToRow(Dataset d) => new()
    {
        ["ID"] = d.Id.ToString(),
        ["Versi"] = d.Version,
        ["Produsen Data (Perangkat Daerah)"] = d.Opd,
        ["Nama (slug)"] = d.Name,
        ["Judul Data"] = d.Title,
        ["Uraian"] = d.Description,
        ["Topik"] = d.Topic,
        ["Tag (dipisah koma)"] = string.Join(", ", d.Tags),
        ["Konsep"] = d.StandarData.Konsep,
        ["Definisi"] = d.StandarData.Definisi,
        ["Klasifikasi"] = d.StandarData.Klasifikasi,
        ["Ukuran"] = d.StandarData.Ukuran,
        ["Satuan"] = d.StandarData.Satuan,
        ["Frekuensi"] = d.Metadata.Periodicity,
        ["Cakupan Wilayah"] = d.Metadata.Coverage,
        ["Kegiatan Sumber"] = d.Metadata.SourceActivity,
        ["Nama Kontak"] = d.Metadata.ContactName,
        ["Surel Kontak"] = d.Metadata.ContactEmail,
        ["Lisensi"] = d.Metadata.License,
        ["Tingkat Akses"] = d.Metadata.AccessLevel,
        ["URL Distribusi"] = d.Distributions.FirstOrDefault()?.Url,
        ["Format Distribusi"] = d.Distributions.FirstOrDefault()?.Format,
        ["Jadwal Rilis Berikutnya"] = d.NextReleaseDue?.ToString("yyyy-MM-dd"),
        ["Status"] = d.Status,
        ["Skor Kualitas"] = d.Quality.Score,
        ["Rilis Terakhir"] = d.Releases.LastOrDefault() is { } r ? $"{r.Period} ({r.ReleasedOn:yyyy-MM-dd})" : null,
    };

    /// <summary>The import layout: the shared sheet reader over <see cref="Columns"/> (declared after them: static fields start in order).</summary>
    public static readonly Workbook Sheet = new(SheetName, Columns);
}
