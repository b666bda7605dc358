using SpbeOps.Contracts.Data;

namespace SpbeOps.Data.Api.Datasets;

/// <summary>The five elements of Standar Data (Perpres 39/2019 Pasal 4).</summary>
public sealed record StandarData(string? Konsep, string? Definisi, string? Klasifikasi, string? Ukuran, string? Satuan)
{
    public bool Complete => new[] { Konsep, Definisi, Klasifikasi, Ukuran, Satuan }.All(v => !string.IsNullOrWhiteSpace(v));
}

/// <summary>The dataset's metadata (Metadata Kegiatan/Indikator, abridged to what a catalogue and a harvester need).</summary>
public sealed record DatasetMetadata(
    string? Periodicity,
    string? Coverage,
    string? SourceActivity,
    string? ContactName,
    string? ContactEmail,
    string? License,
    string AccessLevel)
{
    public bool Complete => new[] { Periodicity, Coverage, SourceActivity, ContactName, ContactEmail, License }.All(v => !string.IsNullOrWhiteSpace(v));
}

/// <summary>One distribution of a dataset (a CKAN resource): a file or a URL in one format.</summary>
public sealed record Distribution(Guid Id, string Name, string Url, string Format, bool MachineReadable, string? Description);

/// <summary>The walidata's check of the four SDI principles, with a note.</summary>
public sealed record PrincipleCheck(bool StandarData, bool Metadata, bool Interoperabilitas, bool KodeReferensi, string? Note, string By, DateOnly On)
{
    public IReadOnlyList<string> Unmet() =>
    [
        .. StandarData ? [] : new[] { DataVocabulary.PrinsipStandarData },
        .. Metadata ? [] : new[] { DataVocabulary.PrinsipMetadata },
        .. Interoperabilitas ? [] : new[] { DataVocabulary.PrinsipInteroperabilitas },
        .. KodeReferensi ? [] : new[] { DataVocabulary.PrinsipKodeReferensi },
    ];
}

/// <summary>One release of the data (rilis): the period it covers, when it was due and when it came.</summary>
public sealed record Release(string Period, DateOnly ReleasedOn, DateOnly? DueOn, string? Note)
{
    public bool OnTime => DueOn is null || ReleasedOn <= DueOn;
}

public sealed record StatusChange(string? From, string To, DateOnly On, string Actor, string? Note);

/// <summary>A step of the flow as the dataset keeps it: who took it, when, with what note (the last submission, the publication).</summary>
public sealed record FlowStep(string? Note, string By, DateOnly On);

/// <summary>
/// One dataset (data sektoral) of a produsen data (an OPD) in the walidata's catalogue: a Marten document whose
/// history is its event stream. The release schedule and the releases done live on it, so timeliness is a fold of
/// its own events.
/// </summary>
public sealed class Dataset : IRecord<Dataset>, IOpdRecord, IPublishedRecord
{
    public static RecordNoun Noun { get; } = new("dataset", "dataset");

    public Guid Id { get; set; }
    public string Opd { get; set; } = "";
    /// <summary>The CKAN name: a stable, URL-safe slug, unique in the instansi.</summary>
    public string Name { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string Topic { get; set; } = "";
    public List<string> Tags { get; set; } = [];
    public StandarData StandarData { get; set; } = new(null, null, null, null, null);
    public DatasetMetadata Metadata { get; set; } = new(null, null, null, null, null, null, DataVocabulary.Terbuka);
    /// <summary>The kode referensi and data induk (ids of the reference list) the dataset uses.</summary>
    public List<Guid> References { get; set; } = [];
    public List<Distribution> Distributions { get; set; } = [];

    public string Status { get; set; } = DataVocabulary.Draft;
    public List<StatusChange> Flow { get; set; } = [];
    /// <summary>The produsen's last submission to the walidata.</summary>
    public FlowStep? Submission { get; set; }
    public PrincipleCheck? Check { get; set; }
    /// <summary>The walidata's publication.</summary>
    public FlowStep? Publication { get; set; }
    public List<string> ReturnReasons { get; set; } = [];
    /// <summary>Published and terbuka: what the CKAN and DCAT faces show (kept as a field so it is indexed).</summary>
    public bool Public { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Jadwal rilis: when the next release is due (advanced by the periodicity after each release).</summary>
    public DateOnly? NextReleaseDue { get; set; }
    public List<Release> Releases { get; set; } = [];

    public Release? LastRelease => Releases.LastOrDefault();

    /// <summary>The data-quality assessment as of the last change (<c>GET …/quality</c> computes it for today).</summary>
    public QualityAssessment Quality { get; set; } = QualityAssessment.None;

    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }

    public bool Verified => Status is DataVocabulary.Diverifikasi or DataVocabulary.Dipublikasikan;

    /// <summary>
    /// The produsen's OPD (an operator reads only its own); a security officer reads published datasets only.
    /// </summary>
    public bool ReadableBy(Caller caller) =>
        caller.CanRead(Opd) && (Status == DataVocabulary.Dipublikasikan || !DataAccess.ReadsPublishedOnly(caller));

    public object ToIntegrationEvent(string instansi) => new DatasetChangedIntegrationEvent(
        instansi, Id, Version, Opd, Title, Status, Metadata.AccessLevel, StandarData.Complete, Metadata.Complete, Verified,
        Quality.Score, Quality.ReleasesOnTime, UpdatedAt);

    public Dataset Copy()
    {
        var copy = (Dataset)MemberwiseClone();
        copy.Tags = [.. Tags];
        copy.References = [.. References];
        copy.Distributions = [.. Distributions];
        copy.Flow = [.. Flow];
        copy.ReturnReasons = [.. ReturnReasons];
        copy.Releases = [.. Releases];
        return copy;
    }
}

/// <summary>Who reads what beyond the OPD scope of <see cref="Caller"/>.</summary>
public static class DataAccess
{
    /// <summary>A security officer (without a role that reads everything) sees the published catalogue only.</summary>
    public static bool ReadsPublishedOnly(Caller caller) =>
        caller.IsInRole(SpbeRoles.SecurityOfficer) && !caller.IsAdmin && !caller.IsInRole(SpbeRoles.Walidata)
        && !caller.IsInRole(SpbeRoles.Auditor) && !caller.IsInRole(SpbeRoles.OpdOperator);

    /// <summary>The walidata's steps (verify, return, publish, reference lists, data prioritas): walidata and Diskominfo.</summary>
    public static bool IsWalidata(Caller caller) => caller.WritesEveryOpd;
}

// Domain events: what happened; the fields each one set travel in RecordEvent.Changes.
public sealed record DatasetDrafted : RecordEvent<Dataset>
{
    public override HistoryLine Describe() => new("draf dibuat / drafted");
}

public sealed record DatasetMetadataUpdated : RecordEvent<Dataset>
{
    public override HistoryLine Describe() => new($"metadata diperbarui / metadata updated: {string.Join(", ", Changes.Keys)}");
}

public sealed record DatasetSubmitted(string? Note) : RecordEvent<Dataset>
{
    public override HistoryLine Describe() => new("diajukan ke walidata / submitted to the walidata", Note);
}

public sealed record DatasetVerified(string? Note) : RecordEvent<Dataset>
{
    public override HistoryLine Describe() => new("diverifikasi walidata / verified by the walidata", Note);
}

public sealed record DatasetReturned(IReadOnlyList<string> Reasons) : RecordEvent<Dataset>
{
    public override HistoryLine Describe() => new("dikembalikan ke produsen data / returned to the producer", string.Join("; ", Reasons));
}

public sealed record DatasetPublished(string? Note) : RecordEvent<Dataset>
{
    public override HistoryLine Describe() => new("dipublikasikan / published", Note);
}

public sealed record DatasetReleased(string Period, DateOnly ReleasedOn, bool OnTime) : RecordEvent<Dataset>
{
    public override HistoryLine Describe() =>
        new($"rilis {Period} ({ReleasedOn:yyyy-MM-dd}){(OnTime ? "" : " terlambat / late")} / released {Period}");
}

public sealed record DatasetArchived(string Reason) : RecordEvent<Dataset>
{
    public override HistoryLine Describe() => new("diarsipkan / archived", Reason);
}
