namespace SpbeOps.Contracts.Maturity;

/// <summary>An indicator's level moved, for the instansi (<paramref name="Opd"/> null) or one perangkat daerah.</summary>
/// <param name="Source">computed | self-assessment</param>
public sealed record IndicatorLevelChangedIntegrationEvent(
    string Instansi,
    int Indicator,
    string? Opd,
    int PreviousLevel,
    int Level,
    string Source,
    DateTimeOffset ChangedAt);
