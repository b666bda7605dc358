namespace SpbeOps.Contracts.Data;

/// <summary>
/// The state of one dataset (data sektoral) of the walidata catalogue after a change: where it is in the flow
/// (draft → diajukan → diverifikasi → dipublikasikan, dikembalikan, diarsipkan), whether its Standar Data and metadata
/// are complete, and the data-quality score the Data service computed. State-carried: consumers keep the highest
/// <see cref="Version"/> and ignore older or repeated copies (decision 4).
/// </summary>
public sealed record DatasetChangedIntegrationEvent(
    string Instansi,
    Guid DatasetId,
    long Version,
    string Opd,
    string Title,
    string Status,
    string AccessLevel,
    bool StandarDataComplete,
    bool MetadataComplete,
    bool Verified,
    int QualityScore,
    bool ReleasesOnTime,
    DateTimeOffset OccurredAt);
