using MiniExcelLibs;

namespace SpbeOps.Indicators.Api.Maturity;

/// <summary>One indicator's line of the self-assessment report.</summary>
public sealed record ReportLine(
    RubricIndicator Indicator, int Level, string Source, string Explanation, IReadOnlyList<CriterionResult> Missing, IReadOnlyList<Evidence> Evidence);

/// <summary>
/// The penilaian mandiri as the evaluation asks for it (P59: level, penjelasan and data dukung per indicator), as
/// XLSX: a sheet with the index, domains and aspects, and a sheet with all 47 indicators, why each has its level,
/// what the next level lacks, and the records that are its evidence.
/// </summary>
public static class MaturityReport
{
    public static byte[] Write(string instansi, DateTimeOffset at, IndexResult index, SpbeRubric rubric, IReadOnlyList<ReportLine> lines)
    {
        var summary = new List<Dictionary<string, object?>>
        {
            Pair("Instansi", instansi),
            Pair("Dihitung pada / Computed at", at.ToString("yyyy-MM-dd HH:mm 'UTC'")),
            Pair("Indeks SPBE", index.Index),
            Pair("Predikat", $"{index.Predicate} / {index.PredicateEn}"),
        };
        summary.AddRange(index.Domains.Select(d => Pair($"Domain {d.Number} {d.Name} ({d.Weight}%)", d.Index)));
        summary.AddRange(index.Aspects.Select(a => Pair($"Aspek {a.Number} {a.Name} ({a.Weight}%)", a.Index)));

        var indicators = lines.Select(l => new Dictionary<string, object?>
        {
            ["No"] = l.Indicator.Number,
            ["Indikator"] = l.Indicator.Name.Id,
            ["Aspek"] = rubric.Aspect(l.Indicator.Aspect).Name.Id,
            ["Bobot (%)"] = l.Indicator.Weight,
            ["Level"] = l.Level,
            ["Tingkat"] = rubric.LevelNames[l.Level].Id,
            ["Sumber"] = l.Source == LevelSources.Computed ? "dihitung SpbeOps" : "penilaian mandiri",
            ["Penjelasan"] = l.Explanation,
            ["Kekurangan untuk level berikutnya"] = string.Join("\n", l.Missing.Select(c => "• " + c.Text.Id)),
            ["Data dukung"] = string.Join("\n", l.Evidence.Select(e => "• " + e.Label)),
        }).ToList();

        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["Indeks"] = summary, ["Indikator"] = indicators });
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Pair(string what, object? value) => new() { ["Uraian"] = what, ["Nilai"] = value };
}
