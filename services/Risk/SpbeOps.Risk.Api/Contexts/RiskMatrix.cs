namespace SpbeOps.Risk.Api.Contexts;

/// <summary>A band of besaran risiko with its level, name and colour (Formulir 2.9.B).</summary>
public sealed record RiskLevelBand(int Level, string Name, int Min, int Max, string Colour, string Hex);

/// <summary>
/// The analysis matrix of one risk context (Formulir 2.9.A) and its level bands (2.9.B), held as data. Besaran
/// risiko is a lookup, not a product: the official 5×5 matrix is deliberately non-multiplicative (likelihood 5 ×
/// impact 1 = 9, likelihood 1 × impact 5 = 20), so impact weighs more than likelihood.
/// </summary>
public static class RiskMatrix
{
    /// <summary>
    /// The official besaran lookup of PermenPANRB 5/2020, rows = likelihood 1→5, columns = impact 1→5
    /// (identical to elisaimania/manajemen-risiko-spbe <c>manrisk.sql</c>).
    /// </summary>
    public static int[][] Official() =>
    [
        [1, 3, 5, 8, 20],
        [2, 7, 11, 13, 21],
        [4, 10, 14, 17, 22],
        [6, 12, 16, 19, 24],
        [9, 15, 18, 23, 25],
    ];

    /// <summary>Level risiko of the regulation's example (2.9.B): five bands of five besaran each.</summary>
    public static List<RiskLevelBand> OfficialBands() =>
    [
        new(1, "Sangat Rendah", 1, 5, "biru", "#1E88E5"),
        new(2, "Rendah", 6, 10, "hijau", "#43A047"),
        new(3, "Sedang", 11, 15, "kuning", "#FDD835"),
        new(4, "Tinggi", 16, 20, "jingga", "#FB8C00"),
        new(5, "Sangat Tinggi", 21, 25, "merah", "#E53935"),
    ];

    /// <summary>Besaran risiko of a likelihood and impact level (both 1-based); null when outside the matrix.</summary>
    public static int? Besaran(IReadOnlyList<IReadOnlyList<int>> matrix, int likelihood, int impact) =>
        likelihood >= 1 && likelihood <= matrix.Count && impact >= 1 && impact <= matrix[likelihood - 1].Count
            ? matrix[likelihood - 1][impact - 1]
            : null;

    /// <summary>The band a besaran falls in; null when no band covers it.</summary>
    public static RiskLevelBand? Band(IEnumerable<RiskLevelBand> bands, int besaran) =>
        bands.FirstOrDefault(b => besaran >= b.Min && besaran <= b.Max);

    /// <summary>
    /// Why a matrix is not a valid besaran lookup for the given scale, or null when it is: it must have one row per
    /// likelihood level and one column per impact level, use each besaran 1…L×I exactly once, and grow strictly
    /// with likelihood (down a column) and with impact (along a row).
    /// </summary>
    public static string? Check(IReadOnlyList<IReadOnlyList<int>> matrix, int likelihoodLevels, int impactLevels)
    {
        if (matrix.Count != likelihoodLevels)
            return $"matriks harus {likelihoodLevels} baris (level kemungkinan) / the matrix needs {likelihoodLevels} rows, one per likelihood level";
        if (matrix.Any(r => r.Count != impactLevels))
            return $"setiap baris harus {impactLevels} kolom (level dampak) / every row needs {impactLevels} columns, one per impact level";
        var max = likelihoodLevels * impactLevels;
        var all = matrix.SelectMany(r => r).ToList();
        if (all.Any(v => v < 1 || v > max) || all.Distinct().Count() != all.Count)
            return $"besaran harus memakai 1…{max} masing-masing sekali / besaran values must use 1…{max}, each once";
        for (var l = 0; l < likelihoodLevels; l++)
            for (var i = 0; i < impactLevels; i++)
            {
                if (i > 0 && matrix[l][i] <= matrix[l][i - 1])
                    return $"besaran harus naik seiring level dampak (baris {l + 1}) / besaran must grow with impact (row {l + 1})";
                if (l > 0 && matrix[l][i] <= matrix[l - 1][i])
                    return $"besaran harus naik seiring level kemungkinan (kolom {i + 1}) / besaran must grow with likelihood (column {i + 1})";
            }
        return null;
    }

    /// <summary>
    /// Why bands do not split 1…<paramref name="maxBesaran"/> into consecutive levels, or null when they do: 3 to 5
    /// bands, levels 1…n in order, each starting right after the previous one ends, the last ending at the maximum.
    /// </summary>
    public static string? CheckBands(IReadOnlyList<RiskLevelBand> bands, int maxBesaran)
    {
        if (bands.Count is < 3 or > 5) return "level risiko harus 3 sampai 5 / there must be 3 to 5 risk levels";
        var next = 1;
        for (var k = 0; k < bands.Count; k++)
        {
            var b = bands[k];
            if (b.Level != k + 1) return $"level harus berurutan 1…{bands.Count} / levels must be numbered 1…{bands.Count} in order";
            if (b.Min != next || b.Max < b.Min)
                return $"level {b.Level} harus mulai dari besaran {next} / level {b.Level} must start at besaran {next} and not end before it starts";
            next = b.Max + 1;
        }
        return next - 1 == maxBesaran ? null : $"level terakhir harus berakhir pada besaran {maxBesaran} / the last level must end at besaran {maxBesaran}";
    }
}
