using System.Globalization;
using MiniExcelLibs;

namespace SpbeOps.Security.Api.Workbooks;

/// <summary>
/// The Security service's spreadsheets, with Indonesian headers: the incident register, and the control
/// implementations both as a matrix (control × OPD, to read) and as a list (one row per OPD and control, the import
/// layout: a row revises the OPD's implementation of that control or records a new one; <c>Versi</c> is the sheet's
/// If-Match).
/// </summary>
public static class SecurityWorkbook
{
    public const string ContentType = Workbook.ContentType;
    public const string IncidentSheet = "Register Insiden";
    public const string MatrixSheet = "Matriks Penerapan";
    public const string ImplementationSheet = "Penerapan Kendali";

    /// <summary>The import layout of implementations: column header → request field (the name a 400 reports).</summary>
    public static readonly IReadOnlyList<(string Header, string? Field)> ImplementationColumns =
    [
        ("Perangkat Daerah", "opd"),
        ("Kode Kendali", "controlCode"),
        ("Area", "area"),
        ("Status", "status"),
        ("Risiko SPBE (ID)", "riskIds"),
        ("Bukti", "evidence"),
        ("Pemilik", "owner"),
        ("Tanggal Uji Efektivitas", "lastTestedOn"),
        ("Hasil Uji", "lastTestResult"),
        ("Versi", "version"),
    ];

    /// <summary>The list sheet's reader (after <see cref="ImplementationColumns"/>: static fields start in order).</summary>
    public static readonly Workbook ImplementationList = new(ImplementationSheet, ImplementationColumns);

    private static readonly string[] IncidentHeaders =
    [
        "ID", "Perangkat Daerah", "Judul", "Kategori", "Keparahan", "Status", "Terdeteksi", "Dilaporkan", "Ditriase", "Dipulihkan", "Ditutup",
        "Jam ke Triase", "Jam ke Pemulihan", "Triase Terlambat", "Pemulihan Terlambat", "Eskalasi", "Akar Masalah", "Pelajaran",
    ];

    /// <summary>Writes the incident register as it is enumerated: one row in memory at a time.</summary>
    public static Task WriteIncidentsAsync(IAsyncEnumerable<SecurityIncident> incidents, Stream into, CancellationToken ct) =>
        into.SaveAsAsync(Rows(incidents, IncidentRow, IncidentHeaders, ct), sheetName: IncidentSheet, cancellationToken: ct);

    private static Dictionary<string, object?> IncidentRow(SecurityIncident i) => new()
    {
        ["ID"] = i.Id.ToString(),
        ["Perangkat Daerah"] = i.Opd,
        ["Judul"] = i.Title,
        ["Kategori"] = i.Category,
        ["Keparahan"] = i.Severity,
        ["Status"] = i.Status,
        ["Terdeteksi"] = Time(i.DetectedAt),
        ["Dilaporkan"] = Time(i.ReportedAt),
        ["Ditriase"] = Time(i.TriagedAt),
        ["Dipulihkan"] = Time(i.RecoveredAt),
        ["Ditutup"] = Time(i.ClosedAt),
        ["Jam ke Triase"] = i.HoursToTriage,
        ["Jam ke Pemulihan"] = i.HoursToRecover,
        ["Triase Terlambat"] = i.TriageLate ? "ya" : "tidak",
        ["Pemulihan Terlambat"] = i.RecoveryLate ? "ya" : "tidak",
        ["Eskalasi"] = i.Escalation is { } e ? $"{e.To} {Time(e.At)} {e.Reference}".Trim() : null,
        ["Akar Masalah"] = i.RootCause,
        ["Pelajaran"] = i.LessonsLearned,
    };

    /// <summary>The matrix (controls down, OPD across, the status in each cell) and the importable list, as one workbook.</summary>
    public static byte[] Implementations(IReadOnlyList<SecurityControl> controls, IReadOnlyList<ControlImplementation> implementations)
    {
        var opds = implementations.Select(i => i.Opd).Distinct().Order(StringComparer.Ordinal).ToList();
        var byCell = implementations.ToDictionary(i => (i.ControlId, i.Opd));
        var matrix = controls.Select(c =>
        {
            var row = new Dictionary<string, object?> { ["Kode Kendali"] = c.Code, ["Area"] = c.Area, ["Kendali"] = c.Title };
            foreach (var opd in opds) row[opd] = byCell.TryGetValue((c.Id, opd), out var i) ? i.Status : "-";
            return row;
        }).ToList();
        var list = implementations.OrderBy(i => i.Opd, StringComparer.Ordinal).ThenBy(i => i.ControlCode, StringComparer.Ordinal).Select(i => new Dictionary<string, object?>
        {
            ["Perangkat Daerah"] = i.Opd,
            ["Kode Kendali"] = i.ControlCode,
            ["Area"] = i.Area,
            ["Status"] = i.Status,
            ["Risiko SPBE (ID)"] = string.Join("; ", i.RiskIds),
            ["Bukti"] = i.Evidence,
            ["Pemilik"] = i.Owner,
            ["Tanggal Uji Efektivitas"] = i.LastTestedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Hasil Uji"] = i.LastTestResult,
            ["Versi"] = i.Version,
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object>
        {
            // An empty sheet still carries its headers, so it is a template to fill in.
            [MatrixSheet] = matrix.Count > 0 ? matrix : [new Dictionary<string, object?> { ["Kode Kendali"] = null, ["Area"] = null, ["Kendali"] = null }],
            [ImplementationSheet] = list.Count > 0 ? list : [ImplementationColumns.ToDictionary(c => c.Header, _ => (object?)null)],
        });
        return stream.ToArray();
    }

    /// <summary>Reads the implementation list sheet (by name, else the first); unknown columns are ignored, blank rows skipped.</summary>
    public static IReadOnlyList<Workbook.Row> ReadImplementations(Stream xlsx) => ImplementationList.Read(xlsx);

    private static async IAsyncEnumerable<Dictionary<string, object?>> Rows<T>(IAsyncEnumerable<T> items, Func<T, Dictionary<string, object?>> row,
        string[] headers, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var any = false;
        await foreach (var item in items.WithCancellation(ct))
        {
            any = true;
            yield return row(item);
        }
        if (!any) yield return headers.ToDictionary(h => h, _ => (object?)null);
    }

    private static string? Time(DateTimeOffset? at) => at?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
