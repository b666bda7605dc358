namespace SpbeOps.Risk.Api.Risks;

/// <summary>
/// Identify (POST) or revise (PUT) a risk, Formulir 3.0. <c>opd</c> and <c>periodYear</c> name the context it is
/// assessed against and cannot change. Required: riskType, event, category, impactArea, likelihoodLevel, impactLevel;
/// the rest may follow, but the assessment is complete only when every Formulir 3.0 field is filled.
/// </summary>
public sealed record RiskRequest(
    string? Opd,
    int? PeriodYear,
    string? RiskType,
    string? Event,
    string? Category,
    string? ImpactArea,
    int? LikelihoodLevel,
    int? ImpactLevel,
    string? Code = null,
    string? Objective = null,
    string? Cause = null,
    string? Impact = null,
    string? ExistingControls = null,
    string? LikelihoodExplanation = null,
    string? ImpactExplanation = null,
    IReadOnlyList<Guid>? AssetIds = null);

/// <summary>A treatment plan, Formulir 4.0, with the residual likelihood and impact it is expected to leave.</summary>
public sealed record TreatmentRequest(
    string? Option,
    string? ActionPlan,
    string? Output,
    DateOnly? ScheduleStart,
    DateOnly? ScheduleEnd,
    string? PersonInCharge,
    int? ResidualLikelihoodLevel,
    int? ResidualImpactLevel,
    string? Status = null);

public sealed record WithdrawRiskRequest(string? Reason);

/// <summary>
/// A page of the register. <c>Total</c> is exact when <c>TotalExact</c> (the last page was reached, or at most
/// <see cref="ListPaging.ExactTotalUpTo"/> risks match); otherwise a lower bound, and <c>HasMore</c> says whether
/// another page follows.
/// </summary>
public sealed record RiskPage(IReadOnlyList<RegisteredRisk> Items, int Page, int PageSize, long Total, bool TotalExact, bool HasMore);
