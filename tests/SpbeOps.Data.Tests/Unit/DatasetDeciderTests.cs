using SpbeOps.Data.Api.Datasets;
using static SpbeOps.Data.Tests.Unit.DatasetSamples;

namespace SpbeOps.Data.Tests.Unit;

public sealed class DatasetDeciderTests
{
    [Fact]
    public void A_draft_gets_a_slug_a_flow_step_and_its_quality()
    {
        var d = Accepted(DatasetDecider.Draft(Guid.NewGuid(), Complete(title: "Jumlah Penduduk Menurut Kecamatan (Jiwa)"), "produsen", Now));
        Assert.Equal("draft", d.Status);
        Assert.Equal("jumlah-penduduk-menurut-kecamatan-jiwa", d.Name);
        Assert.Single(d.Flow);
        Assert.True(d.StandarData.Complete);
        Assert.True(d.Metadata.Complete);
        Assert.True(d.Distributions[0].MachineReadable);
        Assert.Equal("CSV", d.Distributions[0].Format);
        Assert.False(d.Public);
        Assert.True(d.Quality.Score > 0);
    }

    [Fact]
    public void Bad_input_names_each_field()
    {
        var bad = new DatasetRequest("Dinas Kesehatan", " ", "astronomi", new MetadataRequest("dua-mingguan", null, null, null, "bukan-surel", "gpl", "rahasia"),
            Name: "Bukan Slug!", Tags: ["ok", "tidak<boleh>"],
            Distributions: [new DistributionRequest("", "ftp://x", "exe"), null]);
        var errors = Assert.IsType<Rejection.Invalid>(DatasetDecider.Draft(Guid.NewGuid(), bad, "p", Now).Rejection).Errors.ToDictionary().Keys;
        Assert.Equivalent(new[]
        {
            "opd", "title", "topic", "name", "tags[1]", "metadata.accessLevel", "metadata.periodicity", "metadata.license", "metadata.contactEmail",
            "distributions[0].name", "distributions[0].url", "distributions[0].format", "distributions[1]",
        }, errors, strict: true);
        var noMetadata = DatasetDecider.Draft(Guid.NewGuid(), Complete() with { Metadata = null }, "p", Now);
        Assert.Contains("metadata", Assert.IsType<Rejection.Invalid>(noMetadata.Rejection).Errors.ToDictionary().Keys);
    }

    [Fact]
    public void The_flow_runs_draft_submitted_verified_published()
    {
        var published = In(DataVocabulary.Dipublikasikan);
        Assert.Equal(["draft", "diajukan", "diverifikasi", "dipublikasikan"], published.Flow.Select(f => f.To));
        Assert.True(published.Public);
        Assert.True(published.Verified);
        Assert.NotNull(published.Check);
        Assert.Equal(Now, published.PublishedAt);
    }

    [Fact]
    public void A_published_dataset_that_is_not_terbuka_is_not_public()
    {
        var terbatas = Complete() with { Metadata = Complete().Metadata! with { AccessLevel = "terbatas" } };
        Assert.False(In(DataVocabulary.Dipublikasikan, terbatas).Public);
    }

    [Fact]
    public void Submission_needs_complete_standar_data_metadata_and_a_distribution()
    {
        AssertRule(DatasetDecider.Submit(In("draft", Complete() with { StandarData = new StandarDataRequest("k", null, null, null, null) }), new(null), "p", Now), "standarData");
        AssertRule(DatasetDecider.Submit(In("draft", Complete() with { Metadata = new MetadataRequest(null, null, null, null, null, null, "terbuka") }), new(null), "p", Now), "metadata");
        AssertRule(DatasetDecider.Submit(In("draft", Complete() with { Distributions = [] }), new(null), "p", Now), "distributions");

        static void AssertRule(Decision<Dataset> decision, string field)
        {
            var refused = Assert.IsType<Rejection.BreaksRule>(decision.Rejection);
            Assert.Equal(DatasetDecider.Incomplete, refused.Rule);
            Assert.Equal(field, refused.Field);
        }
    }

    [Fact]
    public void Only_the_walidata_verifies_returns_and_publishes()
    {
        Assert.IsType<Rejection.Forbidden>(DatasetDecider.Verify(In("diajukan"), AllMet, false, "op", Now).Rejection);
        Assert.IsType<Rejection.Forbidden>(DatasetDecider.Return(In("diajukan"), new(["x"]), false, "op", Now).Rejection);
        Assert.IsType<Rejection.Forbidden>(DatasetDecider.Publish(In("diverifikasi"), new NoteRequest(null), false, "op", Now).Rejection);
    }

    [Fact]
    public void An_unmet_principle_is_422_and_the_dataset_must_be_returned()
    {
        var refused = Assert.IsType<Rejection.BreaksRule>(DatasetDecider.Verify(In("diajukan"), AllMet with { KodeReferensi = false }, true, "w", Now).Rejection);
        Assert.Equal(DatasetDecider.PrinciplesUnmet, refused.Rule);
        Assert.Equal("kodeReferensi", refused.Field);
        var missing = Assert.IsType<Rejection.Invalid>(DatasetDecider.Verify(In("diajukan"), new VerificationRequest(null, true, null, true), true, "w", Now).Rejection);
        Assert.Equivalent(new[] { "standarData", "interoperabilitas" }, missing.Errors.ToDictionary().Keys, strict: true);
    }

    [Fact]
    public void A_returned_dataset_carries_its_reasons_and_is_editable_again()
    {
        var returned = Accepted(DatasetDecider.Return(In("diajukan"), new ReturnRequest(["satuan tidak baku", "lisensi kosong"]), true, "w", Now));
        Assert.Equal("dikembalikan", returned.Status);
        Assert.Equal(["satuan tidak baku", "lisensi kosong"], returned.ReturnReasons);
        var edited = Accepted(DatasetDecider.Update(returned, Complete(), Now));
        Assert.Equal("dikembalikan", edited.Status);
        Assert.Equal("diajukan", Accepted(DatasetDecider.Submit(edited, new(null), "p", Now)).Status);
        Assert.IsType<Rejection.Invalid>(DatasetDecider.Return(In("diajukan"), new ReturnRequest([]), true, "w", Now).Rejection);
    }

    [Theory]
    [InlineData("diajukan")]
    [InlineData("diverifikasi")]
    [InlineData("dipublikasikan")]
    public void Only_a_draft_or_returned_dataset_is_edited(string status)
    {
        var refused = Assert.IsType<Rejection.Conflict>(DatasetDecider.Update(In(status), Complete(), Now).Rejection);
        Assert.Equal(DatasetDecider.NotEditable, refused.Rule);
    }

    [Theory]
    [InlineData("draft", "verify")]
    [InlineData("draft", "publish")]
    [InlineData("diajukan", "publish")]
    [InlineData("dipublikasikan", "verify")]
    [InlineData("dipublikasikan", "submit")]
    public void Steps_out_of_order_are_409(string status, string step)
    {
        var d = In(status);
        var decision = step switch
        {
            "verify" => DatasetDecider.Verify(d, AllMet, true, "w", Now),
            "publish" => DatasetDecider.Publish(d, new NoteRequest(null), true, "w", Now),
            _ => DatasetDecider.Submit(d, new(null), "p", Now),
        };
        Assert.Equal(DatasetDecider.FlowOrder, Assert.IsType<Rejection.Conflict>(decision.Rejection).Rule);
    }

    [Fact]
    public void Archived_is_final()
    {
        var archived = In(DataVocabulary.Diarsipkan);
        Assert.False(archived.Public);
        foreach (var decision in new[]
        {
            DatasetDecider.Update(archived, Complete(), Now), DatasetDecider.Archive(archived, new("lagi"), true, "w", Now),
            DatasetDecider.Release(archived, new ReleaseRequest("2026", new(2026, 11, 1)), Now), DatasetDecider.Publish(archived, new NoteRequest(null), true, "w", Now),
        })
            Assert.Equal(DatasetDecider.ArchivedIsFinal, Assert.IsType<Rejection.Conflict>(decision.Rejection).Rule);
    }

    [Fact]
    public void A_produsen_archives_its_draft_but_only_the_walidata_a_verified_dataset()
    {
        Assert.Equal("diarsipkan", Accepted(DatasetDecider.Archive(In("draft"), new ArchiveRequest("salah input"), false, "p", Now)).Status);
        Assert.IsType<Rejection.Forbidden>(DatasetDecider.Archive(In("dipublikasikan"), new ArchiveRequest("usang"), false, "p", Now).Rejection);
        Assert.IsType<Rejection.Invalid>(DatasetDecider.Archive(In("draft"), new ArchiveRequest(" "), false, "p", Now).Rejection);
    }

    [Fact]
    public void A_release_is_measured_against_the_schedule_and_moves_it_on()
    {
        var published = In("dipublikasikan");
        var onTime = Accepted(DatasetDecider.Release(published, new ReleaseRequest("2025", new(2026, 11, 20)), Now));
        Assert.True(onTime.Releases.Single().OnTime);
        Assert.Equal(new DateOnly(2027, 12, 31), onTime.NextReleaseDue);
        Assert.True(onTime.Quality.ReleasesOnTime);

        var taken = Assert.IsType<Rejection.Conflict>(DatasetDecider.Release(onTime, new ReleaseRequest("2025", new(2026, 11, 21)), Now).Rejection);
        Assert.Equal("period", taken.Field);
        Assert.Equal(DatasetDecider.NotReleasable, Assert.IsType<Rejection.Conflict>(DatasetDecider.Release(In("draft"), new ReleaseRequest("2025", new(2026, 11, 1)), Now).Rejection).Rule);
        var future = Assert.IsType<Rejection.Invalid>(DatasetDecider.Release(published, new ReleaseRequest(" ", new(2027, 1, 1)), Now).Rejection);
        Assert.Equivalent(new[] { "period", "releasedOn" }, future.Errors.ToDictionary().Keys, strict: true);
    }

    [Fact]
    public void A_decider_never_changes_the_state_it_was_given()
    {
        var submitted = In("diajukan");
        var before = RecordChanges.Between<Dataset>(null, submitted);
        _ = DatasetDecider.Verify(submitted, AllMet, true, "w", Now);
        _ = DatasetDecider.Return(submitted, new(["x"]), true, "w", Now);
        Assert.Empty(RecordChanges.Between(submitted, submitted));
        Assert.Equal("diajukan", submitted.Status);
        Assert.Equal(before.Count, RecordChanges.Between<Dataset>(null, submitted).Count);
    }
}
