using SpbeOps.Data.Api.Datasets;
using static SpbeOps.Data.Tests.Unit.DatasetSamples;

namespace SpbeOps.Data.Tests.Unit;

public sealed class DataQualityTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    [Fact]
    public void A_published_complete_dataset_released_on_time_scores_100()
    {
        var d = Accepted(DatasetDecider.Release(In("dipublikasikan"), new ReleaseRequest("2025", new(2026, 11, 20)), Now));
        var q = DataQuality.Assess(d, Today);
        Assert.Equal((1.0, 1.0, 1.0, 100), (q.Completeness, q.Timeliness, q.Conformity, q.Score));
        Assert.Empty(q.Findings);
    }

    [Fact]
    public void An_empty_draft_says_what_is_missing()
    {
        var d = Accepted(DatasetDecider.Draft(Guid.NewGuid(), new DatasetRequest("dinkes", "Data", "kesehatan", new MetadataRequest(null, null, null, null, null, null, "terbuka")), "p", Now));
        var q = DataQuality.Assess(d, Today);
        Assert.Equal(0, q.Timeliness);
        Assert.Equal(0, q.Conformity);
        Assert.True(q.Completeness < 0.1);
        Assert.Contains(q.Findings, f => f.Contains("konsep") && f.Contains("distributions"));
        Assert.Contains(q.Findings, f => f.Contains("jadwal rilis"));
        Assert.Contains(q.Findings, f => f.Contains("lisensi"));
    }

    [Fact]
    public void An_overdue_release_lowers_timeliness()
    {
        var d = In("dipublikasikan");
        d.NextReleaseDue = Today.AddDays(-DataQuality.GraceDays - 1);
        var q = DataQuality.Assess(d, Today);
        Assert.Equal(0, q.Timeliness);
        Assert.False(q.ReleasesOnTime);
        Assert.Contains(q.Findings, f => f.Contains("terlambat"));

        d.NextReleaseDue = Today.AddDays(-DataQuality.GraceDays);
        Assert.Equal(1, DataQuality.Assess(d, Today).Timeliness);
    }

    [Fact]
    public void A_late_release_counts_against_the_on_time_share()
    {
        var d = In("dipublikasikan");
        d.NextReleaseDue = new DateOnly(2026, 6, 30);
        d = Accepted(DatasetDecider.Release(d, new ReleaseRequest("2025", new(2026, 7, 15)), Now));
        Assert.False(d.Releases.Single().OnTime);
        Assert.Equal(0, d.Quality.Timeliness);
    }

    [Fact]
    public void Conformity_checks_machine_readability_references_verification_and_licence()
    {
        var pdfOnly = Complete() with { Distributions = [new DistributionRequest("Laporan", "https://x.example/l.pdf", "PDF")], References = [] };
        var q = DataQuality.Assess(In("dipublikasikan", pdfOnly), Today);
        Assert.Equal(0.5, q.Conformity);
        Assert.Contains(q.Findings, f => f.Contains("dibaca mesin"));
        Assert.Contains(q.Findings, f => f.Contains("kode referensi"));
    }
}
