using MiniExcelLibs;

namespace SpbeOps.Assets.Api.Assets;

/// <summary>
/// The asset register as a spreadsheet (the "IT asset register" the evaluation asks for as bukti dukung), with
/// Indonesian headers. One row per asset; the same columns are read back on import, so an OPD can keep its
/// inventory in Excel and load it: a row with an <c>ID</c> revises that asset, a row without one registers a new one.
/// <c>Versi</c> is the asset's version when exported: the import refuses a row whose asset changed since (the sheet's
/// If-Match), so nobody overwrites a change made after their export.
/// </summary>
public static class AssetWorkbook
{
    public const string SheetName = "Register Aset TIK";

    /// <summary>Column header → request field (the name a 400 reports), in sheet order.</summary>
    public static readonly IReadOnlyList<(string Header, string? Field)> Columns =
    [
        ("ID", "id"),
        ("Versi", "version"),
        ("Perangkat Daerah", "opd"),
        ("Jenis Aset", "kind"),
        ("Nama", "name"),
        ("Kode Barang", "code"),
        ("Keterangan", "description"),
        ("Tahap Siklus Hidup", "stage"),
        ("Sejak Tanggal", "stageSince"),
        ("Merek/Pabrikan", "manufacturer"),
        ("Model", "model"),
        ("Nomor Seri", "serialNumber"),
        ("Lokasi", "location"),
        ("Vendor", "vendor"),
        ("Jumlah Lisensi", "licenceSeats"),
        ("Lisensi Berakhir", "licenceExpiresOn"),
        ("Penyedia Layanan", "provider"),
        ("Jenis Aplikasi", "application.type"),
        ("Platform", "application.platform"),
        ("Hosting", "application.hosting"),
        ("URL", "application.url"),
        ("Status Aplikasi", "application.status"),
        ("Dasar Hukum", "application.legalBasis"),
        ("Pengembang", "application.developer"),
        ("Tanggal Perolehan", "acquiredOn"),
        ("Nilai Perolehan (Rp)", "acquisitionCost"),
    ];

    public static byte[] Write(IEnumerable<Asset> assets)
    {
        using var stream = new MemoryStream();
        var rows = assets.Select(ToRow).ToList();
        // An empty register still carries its headers, so it is a template to fill in.
        stream.SaveAs(rows.Count > 0 ? rows : [EmptyRow()], sheetName: SheetName);
        return stream.ToArray();
    }

    /// <summary>Writes the register as it is enumerated: one row in memory at a time.</summary>
    public static Task WriteAsync(IAsyncEnumerable<Asset> assets, Stream into, CancellationToken ct) =>
        into.SaveAsAsync(RowsOf(assets, ct), sheetName: SheetName, cancellationToken: ct);

    private static async IAsyncEnumerable<Dictionary<string, object?>> RowsOf(
        IAsyncEnumerable<Asset> assets, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var any = false;
        await foreach (var asset in assets.WithCancellation(ct))
        {
            any = true;
            yield return ToRow(asset);
        }
        if (!any) yield return EmptyRow();
    }

    private static Dictionary<string, object?> EmptyRow() => Columns.ToDictionary(c => c.Header, _ => (object?)null);

    private static Dictionary<string, object?> ToRow(Asset a) => new()
    {
        ["ID"] = a.Id.ToString(),
        ["Versi"] = a.Version,
        ["Perangkat Daerah"] = a.Opd,
        ["Jenis Aset"] = a.Kind,
        ["Nama"] = a.Name,
        ["Kode Barang"] = a.Code,
        ["Keterangan"] = a.Description,
        ["Tahap Siklus Hidup"] = a.Stage,
        ["Sejak Tanggal"] = a.StageSince.ToString("yyyy-MM-dd"),
        ["Merek/Pabrikan"] = a.Manufacturer,
        ["Model"] = a.Model,
        ["Nomor Seri"] = a.SerialNumber,
        ["Lokasi"] = a.Location,
        ["Vendor"] = a.Vendor,
        ["Jumlah Lisensi"] = a.LicenceSeats,
        ["Lisensi Berakhir"] = a.LicenceExpiresOn?.ToString("yyyy-MM-dd"),
        ["Penyedia Layanan"] = a.Provider,
        ["Jenis Aplikasi"] = a.Application?.Type,
        ["Platform"] = a.Application?.Platform,
        ["Hosting"] = a.Application?.Hosting,
        ["URL"] = a.Application?.Url,
        ["Status Aplikasi"] = a.Application?.Status,
        ["Dasar Hukum"] = a.Application?.LegalBasis,
        ["Pengembang"] = a.Application?.Developer,
        ["Tanggal Perolehan"] = a.AcquiredOn?.ToString("yyyy-MM-dd"),
        ["Nilai Perolehan (Rp)"] = a.AcquisitionCost,
    };

    /// <summary>The register's import layout: the shared sheet reader over <see cref="Columns"/> (declared after them: static fields start in order).</summary>
    public static readonly Workbook Sheet = new(SheetName, Columns);

    /// <summary>A row of the register sheet (the shared row, under the register's name).</summary>
    public sealed record Row(int Number, IReadOnlyDictionary<string, string?> Cells) : Workbook.Row(Number, Cells);
}
