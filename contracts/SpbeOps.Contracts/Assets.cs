namespace SpbeOps.Contracts.Assets;

/// <summary>
/// The state of one ICT asset or application after a change (state-carried: consumers keep the highest
/// <see cref="Version"/> and ignore older or repeated copies).
/// </summary>
/// <param name="Kind">hardware | software | network | data-centre | application</param>
/// <param name="Stage">perencanaan | pengadaan | pemanfaatan | penghapusan</param>
public sealed record AssetChangedIntegrationEvent(
    string Instansi,
    Guid AssetId,
    long Version,
    string Opd,
    string Kind,
    string Name,
    string Stage,
    string? ApplicationType,
    DateTimeOffset OccurredAt);
