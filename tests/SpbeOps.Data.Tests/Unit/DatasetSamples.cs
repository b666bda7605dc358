using SpbeOps.Data.Api.Datasets;

namespace SpbeOps.Data.Tests.Unit;

/// <summary>Requests and datasets in each state, for the deciders' tests.</summary>
public static class DatasetSamples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    public static DatasetRequest Complete(string opd = "dinkes", string title = "Jumlah Puskesmas per Kecamatan") => new(
        opd, title, "kesehatan",
        new MetadataRequest("tahunan", "Kota Pangkalpinang", "Profil Kesehatan", "Seksi Data Dinkes", "data@dinkes.example.go.id", "cc-by", "terbuka"),
        Description: "Jumlah puskesmas menurut kecamatan",
        Tags: ["kesehatan", "puskesmas"],
        StandarData: new StandarDataRequest("Puskesmas", "Fasilitas pelayanan kesehatan tingkat pertama", "Per kecamatan", "Jumlah", "Unit"),
        References: [Guid.NewGuid()],
        Distributions: [new DistributionRequest("Tabel 2025", "https://data.example.go.id/puskesmas.csv", "csv")],
        NextReleaseDue: new DateOnly(2026, 12, 31));

    public static Dataset Accepted(Decision<Dataset> decision)
    {
        Assert.Null(decision.Rejection);
        return decision.Next!;
    }

    /// <summary>A dataset moved through the flow to <paramref name="status"/>.</summary>
    public static Dataset In(string status, DatasetRequest? request = null)
    {
        var d = Accepted(DatasetDecider.Draft(Guid.NewGuid(), request ?? Complete(), "produsen", Now));
        if (status == DataVocabulary.Draft) return d;
        d = Accepted(DatasetDecider.Submit(d, new NoteRequest(null), "produsen", Now));
        if (status == DataVocabulary.Diajukan) return d;
        if (status == DataVocabulary.Dikembalikan) return Accepted(DatasetDecider.Return(d, new ReturnRequest(["kurang"]), true, "walidata", Now));
        d = Accepted(DatasetDecider.Verify(d, AllMet, true, "walidata", Now));
        if (status == DataVocabulary.Diverifikasi) return d;
        d = Accepted(DatasetDecider.Publish(d, new NoteRequest(null), true, "walidata", Now));
        if (status == DataVocabulary.Dipublikasikan) return d;
        return Accepted(DatasetDecider.Archive(d, new ArchiveRequest("usang"), true, "walidata", Now));
    }

    public static readonly VerificationRequest AllMet = new(true, true, true, true, "sesuai prinsip SDI");
}
