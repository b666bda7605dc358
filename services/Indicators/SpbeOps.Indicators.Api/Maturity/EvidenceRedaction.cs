namespace SpbeOps.Indicators.Api.Maturity;

/// <summary>
/// An OPD operator may read the instansi's levels and criteria, but the records behind them belong to every OPD:
/// each criterion keeps its verdict and actual value, and its evidence becomes a count.
/// </summary>
public static class EvidenceRedaction
{
    public const string Kind = "redacted";

    public static LevelAssessment Redact(LevelAssessment assessment) => assessment with
    {
        Levels = [.. assessment.Levels.Select(l => l with { Criteria = [.. l.Criteria.Select(Redact)] })],
        MissingForNextLevel = [.. assessment.MissingForNextLevel.Select(Redact)],
    };

    private static CriterionResult Redact(CriterionResult c) => c.Evidence.Count == 0 ? c : c with
    {
        Evidence =
        [
            new Evidence("", Kind,
                $"{c.Evidence.Count} catatan; rinciannya hanya untuk Diskominfo dan auditor / {c.Evidence.Count} records; details for Diskominfo and auditors only"),
        ],
    };
}
