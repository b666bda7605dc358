using System.Globalization;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace SpbeOps.Risk.Api.Workbooks;

/// <summary>
/// The XLSX layout of the regulation's forms: a title, the UPR block (name, OPD code, period), one header row in
/// Indonesian, one row per risk. The register (Formulir 3.0) is also the import layout: the import reads the input
/// columns by header and ignores the derived ones (besaran, level, keputusan, prioritas, status).
/// </summary>
public static partial class RiskWorkbook
{
    public const string ContentType = Workbook.ContentType;
    public const string RegisterSheet = "Formulir 3.0";
    public const string TreatmentSheet = "Formulir 4.0";
    public const string MonitoringSheet = "Formulir 5.0";
    public const string ReferenceSheet = "Referensi";

    public const string LabelUpr = "Nama UPR SPBE";
    public const string LabelOpd = "Kode Perangkat Daerah";
    public const string LabelPeriod = "Periode";
    public const string HeaderNo = "No";

    // Formulir 3.0 columns: header → JSON field of RiskRequest (null = derived, ignored on import).
    public static readonly (string Header, string? Field)[] RegisterColumns =
    [
        (HeaderNo, null),
        ("Kode Risiko", "code"),
        ("Sasaran SPBE", "objective"),
        ("Jenis Risiko", "riskType"),
        ("Kejadian", "event"),
        ("Penyebab", "cause"),
        ("Kategori Risiko", "category"),
        ("Dampak", "impact"),
        ("Area Dampak", "impactArea"),
        ("Sistem Pengendalian", "existingControls"),
        ("Level Kemungkinan", "likelihoodLevel"),
        ("Penjelasan Kemungkinan", "likelihoodExplanation"),
        ("Level Dampak", "impactLevel"),
        ("Penjelasan Dampak", "impactExplanation"),
        ("Besaran Risiko", null),
        ("Level Risiko", null),
        ("Keputusan Penanganan", null),
        ("Prioritas Risiko", null),
        ("Aset/Aplikasi Terkait", "assetIds"),
        ("Status Persetujuan", null),
        // Not a Formulir 3.0 column: the risk's version when exported. The import refuses a row whose risk changed
        // since (the sheet's If-Match); a sheet without it (e.g. typed from the form) skips that check.
        (VersionHeader, "version"),
    ];

    public const string VersionHeader = "Versi";

    /// <summary>The register sheet's reader (after <see cref="RegisterColumns"/>: static fields start in order).</summary>
    private static readonly Workbook RegisterLayout = new(RegisterSheet, RegisterColumns);

    private static readonly OpenXmlConfiguration Config = new()
    {
        AutoFilter = false,
        TableStyles = TableStyles.None,
        FastMode = true,
        EnableAutoWidth = true,
        MaxWidth = 60,
    };

    // ---- export ----

    public static byte[] Register(RiskContext ctx, IReadOnlyList<RegisteredRisk> risks, IReadOnlyDictionary<Guid, KnownAsset> assets)
    {
        var rows = Preamble("FORMULIR 3.0 PENILAIAN RISIKO SPBE", ctx, RegisterColumns.Length);
        rows.Add(Row(RegisterColumns.Select(c => (object?)c.Header)));
        var n = 0;
        foreach (var r in risks)
        {
            rows.Add(Row(
            [
                ++n, r.Code, r.Objective, RiskVocabulary.TypeName(r.RiskType), r.Event, r.Cause, ctx.CategoryName(r.Category), r.Impact,
                ctx.ImpactAreaName(r.ImpactArea), r.ExistingControls, r.LikelihoodLevel, r.LikelihoodExplanation, r.ImpactLevel,
                r.ImpactExplanation, r.Besaran, $"{r.LevelName} ({r.LevelColour})", r.Decision, r.Priority,
                string.Join("; ", r.AssetIds.Select(id => assets.TryGetValue(id, out var a) ? $"{a.Asset.Name} ({id})" : id.ToString())),
                r.ApprovalStatus, r.Version,
            ]));
        }
        return Save(new Dictionary<string, object> { [RegisterSheet] = rows, [ReferenceSheet] = Reference(ctx) });
    }

    public static byte[] Treatments(RiskContext ctx, IReadOnlyList<RegisteredRisk> risks)
    {
        string[] headers =
        [
            HeaderNo, "Kode Risiko", "Kejadian", "Jenis Risiko", "Besaran Risiko", "Level Risiko", "Opsi Penanganan", "Rencana Aksi",
            "Keluaran", "Jadwal Mulai", "Jadwal Selesai", "Penanggung Jawab", "Level Kemungkinan Residual", "Level Dampak Residual",
            "Besaran Risiko Residual", "Level Risiko Residual", "Status Penanganan",
        ];
        var rows = Preamble("FORMULIR 4.0 RENCANA PENANGANAN RISIKO SPBE", ctx, headers.Length);
        rows.Add(Row(headers));
        var n = 0;
        foreach (var r in risks)
            foreach (var t in r.Treatments)
                rows.Add(Row(
                [
                    ++n, r.Code, r.Event, RiskVocabulary.TypeName(r.RiskType), r.Besaran, r.LevelName, Title(t.Option), t.ActionPlan, t.Output,
                    Date(t.ScheduleStart), Date(t.ScheduleEnd), t.PersonInCharge, t.ResidualLikelihoodLevel, t.ResidualImpactLevel,
                    t.ResidualBesaran, t.ResidualLevelName, t.Status,
                ]));
        return Save(new Dictionary<string, object> { [TreatmentSheet] = rows });
    }

    public static byte[] MonitoringReport(RiskContext ctx, MonitoringReport m)
    {
        var yearly = m.Kind == RiskVocabulary.Tahunan;
        var headers = new List<string>
        {
            HeaderNo, "Kode Risiko", "Kejadian", "Level Kemungkinan", "Level Dampak", "Besaran Risiko Aktual", "Level Risiko Aktual",
            "Besaran Risiko Awal", "Tren", "Proyeksi Besaran Risiko", "Penanganan yang Telah Dilaksanakan", "Rencana Penanganan",
            "Penanggung Jawab", "Waktu",
        };
        if (yearly) headers.Add("Rekomendasi");
        var title = m.Kind switch
        {
            RiskVocabulary.Triwulan => $"FORMULIR 5.0 LAPORAN PEMANTAUAN RISIKO SPBE TRIWULAN {RiskVocabulary.Roman(m.Quarter ?? 0)}",
            RiskVocabulary.Semester => $"FORMULIR 5.0 LAPORAN PEMANTAUAN RISIKO SPBE SEMESTER {RiskVocabulary.Roman(m.Semester ?? 0)}",
            RiskVocabulary.Tahunan => "FORMULIR 5.0 LAPORAN PEMANTAUAN RISIKO SPBE TAHUNAN",
            _ => "FORMULIR 5.0 LAPORAN PEMANTAUAN RISIKO SPBE INSIDENTAL",
        };
        var rows = Preamble(title, ctx, headers.Count);
        rows.Add(Row(["Tanggal Laporan", Date(m.ReportedOn)], headers.Count));
        rows.Add(Row(headers));
        var n = 0;
        foreach (var e in m.Entries)
        {
            var cells = new List<object?>
            {
                ++n, e.RiskCode, e.RiskEvent, e.LikelihoodLevel, e.ImpactLevel, e.Besaran, e.LevelName, e.InherentBesaran, e.Trend,
                e.ProjectedBesaran, e.TreatmentDone, e.Plan, e.PersonInCharge, e.Schedule,
            };
            if (yearly) cells.Add(e.Recommendation);
            rows.Add(Row(cells));
        }
        return Save(new Dictionary<string, object> { [MonitoringSheet] = rows });
    }

    // ---- import ----

    /// <summary>The UPR block's OPD and period, the column letter of each field, and the data rows (Excel row numbers, cells by JSON field).</summary>
    public sealed record ParsedSheet(string? Opd, int? PeriodYear, IReadOnlyDictionary<string, string> ColumnOfField, IReadOnlyList<Workbook.Row> Rows);

    public sealed class UnreadableWorkbookException(string message) : Exception(message);

    /// <summary>Reads the register sheet (or the first sheet): the UPR block, the header row, the data rows.</summary>
    public static ParsedSheet Parse(Stream xlsx)
    {
        IReadOnlyList<IDictionary<string, object?>> raw;
        try
        {
            raw = RegisterLayout.ReadCells(xlsx);
        }
        catch (Exception e) when (e is not UnreadableWorkbookException)
        {
            throw new UnreadableWorkbookException($"berkas bukan XLSX yang dapat dibaca / the file is not a readable XLSX workbook ({e.GetType().Name})");
        }

        string? opd = null;
        int? year = null;
        var headerIndex = -1;
        for (var i = 0; i < raw.Count && headerIndex < 0; i++)
        {
            var a = Text(raw[i], "A");
            if (string.Equals(a, HeaderNo, StringComparison.OrdinalIgnoreCase)) headerIndex = i;
            else if (string.Equals(a, LabelOpd, StringComparison.OrdinalIgnoreCase)) opd = Text(raw[i], "B");
            else if (string.Equals(a, LabelPeriod, StringComparison.OrdinalIgnoreCase) && int.TryParse(Text(raw[i], "B"), out var y)) year = y;
        }
        if (headerIndex < 0)
            throw new UnreadableWorkbookException($"baris judul kolom (kolom A = '{HeaderNo}') tidak ditemukan / the header row (column A = '{HeaderNo}') was not found");

        var columnOfField = new Dictionary<string, string>();
        foreach (var (letter, value) in raw[headerIndex])
        {
            var header = Normalise(value);
            var match = RegisterColumns.FirstOrDefault(c => c.Field is not null && string.Equals(Normalise(c.Header), header, StringComparison.OrdinalIgnoreCase));
            if (match.Field is not null) columnOfField[match.Field] = letter;
        }
        var missing = RegisterColumns.Where(c => c.Field is not null && c.Header != VersionHeader && !columnOfField.ContainsKey(c.Field))
            .Select(c => c.Header).ToList();
        if (missing.Count > 0)
            throw new UnreadableWorkbookException($"kolom tidak ditemukan / missing columns: {string.Join(", ", missing)}");

        return new ParsedSheet(opd, year, columnOfField, Workbook.RowsBelow(raw, headerIndex, columnOfField));
    }

    /// <summary>A level cell: "4", 4.0 or "4 - Sering Terjadi".</summary>
    public static int? Level(string? cell) =>
        cell is not null && LeadingInt().Match(cell) is { Success: true } m ? int.Parse(m.Value, CultureInfo.InvariantCulture) : null;

    /// <summary>Every GUID in an asset cell ("Server A (guid); guid").</summary>
    public static List<Guid> Guids(string? cell) =>
        cell is null ? [] : GuidPattern().Matches(cell).Select(m => Guid.Parse(m.Value)).Distinct().ToList();

    public static string ColumnName(string field) => RegisterColumns.First(c => c.Field == field).Header;

    // ---- helpers ----

    private static List<Dictionary<string, object?>> Preamble(string title, RiskContext ctx, int width) =>
    [
        Row([title], width),
        Row([LabelUpr, ctx.UprName ?? ctx.Opd], width),
        Row([LabelOpd, ctx.Opd], width),
        Row([LabelPeriod, ctx.PeriodYear], width),
    ];

    private static List<Dictionary<string, object?>> Reference(RiskContext ctx)
    {
        var rows = new List<Dictionary<string, object?>> { Row(["Jenis", "Kode", "Nama"], 3) };
        rows.AddRange(RiskVocabulary.RiskTypes.Select(t => Row(["Jenis Risiko", t, RiskVocabulary.TypeName(t)], 3)));
        rows.AddRange(ctx.Categories.Select(c => Row(["Kategori Risiko", c.Code, c.Name], 3)));
        rows.AddRange(ctx.ImpactAreas.Select(c => Row(["Area Dampak", c.Code, c.Name], 3)));
        rows.AddRange(ctx.LikelihoodCriteria.Select(c => Row(["Level Kemungkinan", c.Level, c.Name], 3)));
        rows.AddRange(ctx.ImpactCriteria.Select(c => Row(["Level Dampak", c.Level, c.Name], 3)));
        rows.AddRange(ctx.Levels.Select(b => Row(["Level Risiko", b.Level, $"{b.Name} ({b.Min}–{b.Max}, {b.Colour})"], 3)));
        return rows;
    }

    private static Dictionary<string, object?> Row(IEnumerable<object?> cells, int? width = null)
    {
        var list = cells.ToList();
        var row = new Dictionary<string, object?>();
        for (var i = 0; i < Math.Max(list.Count, width ?? 0); i++) row[Letter(i)] = i < list.Count ? list[i] : null;
        return row;
    }

    private static byte[] Save(Dictionary<string, object> sheets)
    {
        using var ms = new MemoryStream();
        MiniExcel.SaveAs(ms, sheets, printHeader: false, configuration: Config);
        return ms.ToArray();
    }

    private static string Letter(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    private static string? Text(IDictionary<string, object?> row, string column) => row.TryGetValue(column, out var v) ? Workbook.Text(v) : null;

    private static string Normalise(object? header) => string.Join(' ', (header?.ToString() ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Title(string code) => code.Length == 0 ? code : char.ToUpperInvariant(code[0]) + code[1..];

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*\d+")]
    private static partial Regex LeadingInt();

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();
}
