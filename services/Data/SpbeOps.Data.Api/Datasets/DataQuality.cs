namespace SpbeOps.Data.Api.Datasets;

/// <summary>
/// A dataset's data-quality assessment (Permen PPN 16/2020, kualitas data: penilaian), each part 0–1: completeness of
/// its Standar Data and metadata, timeliness of its releases against the jadwal rilis, and conformity to the SDI
/// principles (machine-readable distribution, kode referensi/data induk, the walidata's check). <c>Score</c> is their
/// mean, 0–100. <c>Findings</c> say what lowers it, so a produsen knows what to fix.
/// </summary>
public sealed record QualityAssessment(
    double Completeness,
    double Timeliness,
    double Conformity,
    int Score,
    bool ReleasesOnTime,
    IReadOnlyList<string> Findings,
    DateOnly? AssessedOn)
{
    public static readonly QualityAssessment None = new(0, 0, 0, 0, false, [], null);
}

/// <summary>The assessment itself: a pure function of the dataset and the day.</summary>
public static class DataQuality
{
    /// <summary>A release may come this many days after its due date before the dataset counts as overdue.</summary>
    public const int GraceDays = 30;

    public static QualityAssessment Assess(Dataset d, DateOnly today)
    {
        var findings = new List<string>();

        // Completeness: the five Standar Data elements, the six metadata fields, a description, a tag, a distribution.
        var s = d.StandarData;
        var m = d.Metadata;
        var fields = new (string Name, bool Filled)[]
        {
            ("konsep", Filled(s.Konsep)), ("definisi", Filled(s.Definisi)), ("klasifikasi", Filled(s.Klasifikasi)),
            ("ukuran", Filled(s.Ukuran)), ("satuan", Filled(s.Satuan)),
            ("periodicity", Filled(m.Periodicity)), ("coverage", Filled(m.Coverage)), ("sourceActivity", Filled(m.SourceActivity)),
            ("contactName", Filled(m.ContactName)), ("contactEmail", Filled(m.ContactEmail)), ("license", Filled(m.License)),
            ("description", Filled(d.Description)), ("tags", d.Tags.Count > 0), ("distributions", d.Distributions.Count > 0),
        };
        var missing = fields.Where(f => !f.Filled).Select(f => f.Name).ToList();
        if (missing.Count > 0) findings.Add($"belum diisi / missing: {string.Join(", ", missing)}");
        var completeness = (fields.Length - missing.Count) / (double)fields.Length;

        // Timeliness: the share of releases that came by their due date; an overdue next release counts as a late one.
        var overdue = d.NextReleaseDue is { } due && today > due.AddDays(GraceDays);
        var releases = d.Releases.Count + (overdue ? 1 : 0);
        var onTime = d.Releases.Count(r => r.OnTime);
        double timeliness;
        if (d.NextReleaseDue is null && d.Releases.Count == 0)
        {
            timeliness = 0;
            findings.Add("jadwal rilis belum ditetapkan / no release schedule");
        }
        else
        {
            timeliness = releases == 0 ? 1 : onTime / (double)releases;
            if (overdue) findings.Add($"rilis terlambat, jatuh tempo {d.NextReleaseDue:yyyy-MM-dd} / release overdue since {d.NextReleaseDue:yyyy-MM-dd}");
            if (onTime < d.Releases.Count) findings.Add($"{d.Releases.Count - onTime} rilis terlambat / late releases");
        }

        // Conformity: the SDI principles a machine can check, plus the walidata's own check.
        var machineReadable = d.Distributions.Any(x => x.MachineReadable);
        var usesReferences = d.References.Count > 0;
        var checkedOk = d.Verified && d.Check is { } c && c.Unmet().Count == 0;
        var licensed = m.AccessLevel != DataVocabulary.Terbuka || (Filled(m.License) && m.License != "other-closed");
        if (!machineReadable) findings.Add("tidak ada distribusi yang dapat dibaca mesin / no machine-readable distribution");
        if (!usesReferences) findings.Add("tidak memakai kode referensi atau data induk / uses no kode referensi or data induk");
        if (!checkedOk) findings.Add("belum diverifikasi walidata / not verified by the walidata");
        if (!licensed) findings.Add("data terbuka tanpa lisensi terbuka / open data without an open licence");
        var conformity = new[] { machineReadable, usesReferences, checkedOk, licensed }.Count(x => x) / 4.0;

        var score = (int)Math.Round(100 * (completeness + timeliness + conformity) / 3, MidpointRounding.AwayFromZero);
        return new QualityAssessment(
            Math.Round(completeness, 4), Math.Round(timeliness, 4), Math.Round(conformity, 4), score,
            releases > 0 && onTime == releases, findings, today);
    }

    private static bool Filled(string? value) => !string.IsNullOrWhiteSpace(value);
}
