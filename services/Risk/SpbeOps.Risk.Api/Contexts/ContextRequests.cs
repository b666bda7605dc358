namespace SpbeOps.Risk.Api.Contexts;

public sealed record ObjectiveRequest(string? SasaranUpr, string? SasaranSpbe, string? Indikator, string? Target);

public sealed record RoleHolderRequest(string? Name, string? Position, string? UserId);

public sealed record StructureRequest(RoleHolderRequest? Pemilik, RoleHolderRequest? Koordinator, IReadOnlyList<RoleHolderRequest>? Pengelola);

public sealed record StakeholderRequest(string? Name, string? Relation, string? Description);

public sealed record RegulationRequest(string? Title, string? Mandate);

public sealed record CodedNameRequest(string? Code, string? Name);

public sealed record LikelihoodCriterionRequest(int? Level, string? Name, string? Percentage, string? Frequency);

public sealed record ImpactDescriptionRequest(string? Area, string? Positive, string? Negative);

public sealed record ImpactCriterionRequest(int? Level, string? Name, IReadOnlyList<ImpactDescriptionRequest>? Descriptions);

public sealed record LevelBandRequest(int? Level, string? Name, int? Min, int? Max, string? Colour, string? Hex);

public sealed record AppetiteRequest(string? Category, int? Positive, int? Negative);

public sealed record DefaultAppetiteRequest(int? Positive, int? Negative);

/// <summary>
/// Set (POST) or revise (PUT) the risk context of one OPD and year, Formulir 2.1–2.10. On POST a section left out
/// (null) takes the regulation's default where it has one (categories, impact areas, criteria, matrix, levels,
/// the example appetite); on PUT a section left out keeps its current value. <c>opd</c> and <c>periodYear</c>
/// cannot change. <c>defaultAppetite</c> fills the appetite of every category <c>appetite</c> does not list.
/// </summary>
public sealed record RiskContextRequest(
    string? Opd,
    int? PeriodYear,
    string? UprName = null,
    string? Tasks = null,
    IReadOnlyList<string>? Functions = null,
    IReadOnlyList<ObjectiveRequest>? Objectives = null,
    StructureRequest? Structure = null,
    IReadOnlyList<StakeholderRequest>? Stakeholders = null,
    IReadOnlyList<RegulationRequest>? Regulations = null,
    IReadOnlyList<CodedNameRequest>? Categories = null,
    IReadOnlyList<CodedNameRequest>? ImpactAreas = null,
    IReadOnlyList<LikelihoodCriterionRequest>? LikelihoodCriteria = null,
    IReadOnlyList<ImpactCriterionRequest>? ImpactCriteria = null,
    IReadOnlyList<IReadOnlyList<int>>? Matrix = null,
    IReadOnlyList<LevelBandRequest>? Levels = null,
    IReadOnlyList<AppetiteRequest>? Appetite = null,
    DefaultAppetiteRequest? DefaultAppetite = null);

/// <summary>The regulation's defaults, for a form to start from.</summary>
public sealed record RiskContextDefaultsView(
    IReadOnlyList<CodedName> Categories,
    IReadOnlyList<CodedName> ImpactAreas,
    IReadOnlyList<LikelihoodCriterion> LikelihoodCriteria,
    IReadOnlyList<ImpactCriterion> ImpactCriteria,
    IReadOnlyList<IReadOnlyList<int>> Matrix,
    IReadOnlyList<RiskLevelBand> Levels,
    IReadOnlyList<Appetite> Appetite,
    IReadOnlyList<string> RiskTypes,
    IReadOnlyList<string> PositiveOptions,
    IReadOnlyList<string> NegativeOptions,
    IReadOnlyList<string> MonitoringKinds);

