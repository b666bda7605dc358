using SpbeOps.Contracts.Risk;

namespace SpbeOps.Risk.Api.Risks;

/// <summary>
/// One treatment plan of a risk (Formulir 4.0) with the residual risk it is expected to leave. A risk may have
/// several: the assessment is repeated until the residual is below the appetite.
/// </summary>
public sealed record TreatmentPlan(
    Guid Id,
    string Option,
    string ActionPlan,
    string Output,
    DateOnly ScheduleStart,
    DateOnly ScheduleEnd,
    string PersonInCharge,
    int ResidualLikelihoodLevel,
    int ResidualImpactLevel,
    int ResidualBesaran,
    int ResidualLevel,
    string ResidualLevelName,
    bool ResidualAboveAppetite,
    string Status,
    string RecordedBy,
    DateTimeOffset RecordedAt);

/// <summary>
/// One risk of the register of a UPR SPBE for a year: the assessment of Formulir 3.0 (what the user says, and what
/// the service derives from the context: besaran, level, appetite, decision) and its treatment plans (Formulir 4.0).
/// </summary>
public sealed class RegisteredRisk : IApprovable<RegisteredRisk>, IPublishedRecord
{
    public static RecordNoun Noun { get; } = new("risiko", "risk");

    public Guid Id { get; set; }
    public Guid ContextId { get; set; }
    public string Opd { get; set; } = "";
    public int PeriodYear { get; set; }
    /// <summary>The register number within the OPD and year, e.g. <c>R-001</c>.</summary>
    public string Code { get; set; } = "";

    // Formulir 3.0, as assessed
    public string? Objective { get; set; }
    public string RiskType { get; set; } = "";
    public string Event { get; set; } = "";
    public string? Cause { get; set; }
    public string Category { get; set; } = "";
    public string? Impact { get; set; }
    public string ImpactArea { get; set; } = "";
    public string? ExistingControls { get; set; }
    public int LikelihoodLevel { get; set; }
    public string? LikelihoodExplanation { get; set; }
    public int ImpactLevel { get; set; }
    public string? ImpactExplanation { get; set; }
    /// <summary>Assets and applications of the Assets service this risk concerns.</summary>
    public List<Guid> AssetIds { get; set; } = [];

    // Formulir 3.0, derived from the context
    public int Besaran { get; set; }
    public int Level { get; set; }
    public string LevelName { get; set; } = "";
    public string LevelColour { get; set; } = "";
    public int Appetite { get; set; }
    /// <summary>Keputusan penanganan: besaran at or above the appetite of its category and type.</summary>
    public bool AboveAppetite { get; set; }
    public string Decision => AboveAppetite ? "Ya" : "Tidak";
    public bool AssessmentComplete { get; set; }
    /// <summary>The Formulir 3.0 fields still empty (JSON names).</summary>
    public List<string> MissingForAssessment { get; set; } = [];
    /// <summary>Prioritas risiko within the OPD and year (descending besaran); computed when read, null in history.</summary>
    public int? Priority { get; set; }

    // Formulir 4.0
    public List<TreatmentPlan> Treatments { get; set; } = [];
    public bool TreatmentDecided { get; set; }
    /// <summary>Residual of the latest treatment plan.</summary>
    public int? ResidualBesaran { get; set; }
    public int? ResidualLevel { get; set; }
    public bool? ResidualAboveAppetite { get; set; }

    public string ApprovalStatus { get; set; } = ApprovalFlow.Draft;
    public List<ApprovalStep> ApprovalLog { get; set; } = [];
    public bool Withdrawn { get; set; }
    public string? WithdrawnReason { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }

    public Rejection? RefusesStep(string action) =>
        Withdrawn ? RiskDecider.WithdrawnIsFinal
        : action == ApprovalFlow.Submit && !AssessmentComplete
            ? new Rejection.BreaksRule(
                $"Penilaian risiko belum lengkap: {string.Join(", ", MissingForAssessment)} / The assessment is incomplete: {string.Join(", ", MissingForAssessment)}.",
                "assessment-complete-before-submit", MissingForAssessment.FirstOrDefault())
            : null;

    public static ApprovalRecorded<RegisteredRisk> Recorded(ApprovalStep step) => new RiskApprovalRecorded(step);

    public object ToIntegrationEvent(string instansi) =>
        new RiskChangedIntegrationEvent(instansi, Id, Version, Opd, PeriodYear, RiskType, Category, Besaran, ResidualBesaran,
            AboveAppetite, AssessmentComplete, TreatmentDecided, ApprovalStatus, Withdrawn, UpdatedAt);

    public RegisteredRisk Copy()
    {
        var copy = (RegisteredRisk)MemberwiseClone();
        copy.AssetIds = [.. AssetIds];
        copy.MissingForAssessment = [.. MissingForAssessment];
        copy.Treatments = [.. Treatments];
        copy.ApprovalLog = [.. ApprovalLog];
        copy.Priority = null;
        return copy;
    }
}

// Domain events: what happened; the fields each one set travel in RecordEvent.Changes. Source is "api" or "xlsx".
public sealed record RiskIdentified(string Source) : RecordEvent<RegisteredRisk>
{
    public override HistoryLine Describe() => new($"dicatat / identified ({Source})");
}

public sealed record RiskAssessmentRevised(string Source) : RecordEvent<RegisteredRisk>
{
    public override HistoryLine Describe() => new($"penilaian diperbarui / assessment revised ({Source})");
}

public sealed record RiskTreatmentPlanned(Guid TreatmentId) : RecordEvent<RegisteredRisk>
{
    public override HistoryLine Describe() => new("rencana penanganan ditambah / treatment planned");
}

public sealed record RiskTreatmentRevised(Guid TreatmentId) : RecordEvent<RegisteredRisk>
{
    public override HistoryLine Describe() => new("rencana penanganan diperbarui / treatment revised");
}

public sealed record RiskTreatmentRemoved(Guid TreatmentId) : RecordEvent<RegisteredRisk>
{
    public override HistoryLine Describe() => new("rencana penanganan dihapus / treatment removed");
}

public sealed record RiskApprovalRecorded(ApprovalStep Step) : ApprovalRecorded<RegisteredRisk>(Step);

public sealed record RiskWithdrawn(string Reason) : RecordEvent<RegisteredRisk>
{
    public override HistoryLine Describe() => new("dicabut / withdrawn", Reason);
}

/// <summary>The context's matrix, bands or appetite changed, and with them what this risk's assessment derives.</summary>
public sealed record RiskRecalculated(long ContextVersion) : RecordEvent<RegisteredRisk>
{
    public override HistoryLine Describe() => new($"dihitung ulang dari konteks v{ContextVersion} / re-derived from context v{ContextVersion}");
}
