namespace SpbeOps.Data.Api.Datasets;

public sealed record StandarDataRequest(string? Konsep, string? Definisi, string? Klasifikasi, string? Ukuran, string? Satuan);

public sealed record MetadataRequest(
    string? Periodicity, string? Coverage, string? SourceActivity, string? ContactName, string? ContactEmail, string? License, string? AccessLevel);

public sealed record DistributionRequest(string? Name, string? Url, string? Format, string? Description = null);

/// <summary>Draft a dataset or replace its metadata. <c>name</c> (the CKAN slug) defaults to one made from the title.</summary>
public sealed record DatasetRequest(
    string? Opd,
    string? Title,
    string? Topic,
    MetadataRequest? Metadata,
    string? Name = null,
    string? Description = null,
    IReadOnlyList<string?>? Tags = null,
    StandarDataRequest? StandarData = null,
    IReadOnlyList<Guid>? References = null,
    IReadOnlyList<DistributionRequest?>? Distributions = null,
    DateOnly? NextReleaseDue = null);

public sealed record NoteRequest(string? Note);

/// <summary>The walidata's check of the four SDI principles.</summary>
public sealed record VerificationRequest(bool? StandarData, bool? Metadata, bool? Interoperabilitas, bool? KodeReferensi, string? Note = null);

public sealed record ReturnRequest(IReadOnlyList<string?>? Reasons);

public sealed record ReleaseRequest(string? Period, DateOnly? ReleasedOn, string? Note = null);

public sealed record ArchiveRequest(string? Reason);

/// <summary>A page of the catalogue; <c>Total</c> as <see cref="ListPage{T}"/> says.</summary>
public sealed record DatasetPage(IReadOnlyList<Dataset> Items, int Page, int PageSize, long Total, bool TotalExact, bool HasMore);
