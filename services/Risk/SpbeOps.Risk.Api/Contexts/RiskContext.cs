using SpbeOps.Contracts.Risk;

namespace SpbeOps.Risk.Api.Contexts;

/// <summary>Formulir 2.2: sasaran UPR, sasaran SPBE, indikator kinerja SPBE and its target.</summary>
public sealed record Objective(string? SasaranUpr, string SasaranSpbe, string Indikator, string Target);

/// <summary>One holder of a role of the UPR SPBE structure (Formulir 2.3). <c>UserId</c> is the account's <c>sub</c> claim.</summary>
public sealed record RoleHolder(string Name, string Position, string? UserId);

/// <summary>Formulir 2.3: Pemilik Risiko (head of the UPR), Koordinator Risiko and the Pengelola Risiko.</summary>
public sealed record RiskStructure(RoleHolder? Pemilik, RoleHolder? Koordinator, IReadOnlyList<RoleHolder> Pengelola);

/// <summary>Formulir 2.4.</summary>
public sealed record Stakeholder(string Name, string Relation, string? Description);

/// <summary>Formulir 2.5: a regulation that applies, and what it mandates.</summary>
public sealed record ApplicableRegulation(string Title, string? Mandate);

/// <summary>Formulir 2.6 (kategori risiko) and 2.7 (area dampak): a code used on the wire and the display name.</summary>
public sealed record CodedName(string Code, string Name);

/// <summary>Formulir 2.8.A: one level of the likelihood criteria.</summary>
public sealed record LikelihoodCriterion(int Level, string Name, string? Percentage, string? Frequency);

/// <summary>What a level of impact means in one impact area, for positive and negative risks.</summary>
public sealed record ImpactDescription(string Area, string? Positive, string? Negative);

/// <summary>Formulir 2.8.B: one level of the impact criteria, optionally described per impact area.</summary>
public sealed record ImpactCriterion(int Level, string Name, IReadOnlyList<ImpactDescription> Descriptions);

/// <summary>
/// Formulir 2.10 selera risiko: the minimum besaran that must be treated, for positive and for negative risks of
/// one category. A risk whose besaran is at or above it is treated ("Ya").
/// </summary>
public sealed record Appetite(string Category, int Positive, int Negative);

/// <summary>
/// The risk context of one UPR SPBE (a perangkat daerah) for one year (Formulir 2.1–2.10). It holds the scales,
/// matrix, bands and appetite every risk of that OPD and year is assessed against.
/// </summary>
public sealed class RiskContext : IApprovable<RiskContext>, IPublishedRecord
{
    public static RecordNoun Noun { get; } = new("konteks risiko", "risk context");

    public Guid Id { get; set; }
    public string Opd { get; set; } = "";
    public int PeriodYear { get; set; }

    // 2.1 informasi umum
    public string? UprName { get; set; }
    public string? Tasks { get; set; }
    public List<string> Functions { get; set; } = [];
    // 2.2 – 2.5
    public List<Objective> Objectives { get; set; } = [];
    public RiskStructure Structure { get; set; } = new(null, null, []);
    public List<Stakeholder> Stakeholders { get; set; } = [];
    public List<ApplicableRegulation> Regulations { get; set; } = [];
    // 2.6 – 2.10
    public List<CodedName> Categories { get; set; } = [];
    public List<CodedName> ImpactAreas { get; set; } = [];
    public List<LikelihoodCriterion> LikelihoodCriteria { get; set; } = [];
    public List<ImpactCriterion> ImpactCriteria { get; set; } = [];
    public List<List<int>> Matrix { get; set; } = [];
    public List<RiskLevelBand> Levels { get; set; } = [];
    public List<Appetite> Appetite { get; set; } = [];

    /// <summary>The sections the regulation requires that are still empty (see <see cref="ContextDecider.Missing"/>).</summary>
    public List<string> Missing { get; set; } = [];
    public bool Complete { get; set; }

    public string ApprovalStatus { get; set; } = ApprovalFlow.Draft;
    public List<ApprovalStep> ApprovalLog { get; set; } = [];
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }

    public int MaxBesaran => LikelihoodCriteria.Count * ImpactCriteria.Count;

    public int? BesaranOf(int likelihood, int impact) => RiskMatrix.Besaran(Matrix, likelihood, impact);

    public RiskLevelBand? BandOf(int besaran) => RiskMatrix.Band(Levels, besaran);

    public int? AppetiteFor(string category, string riskType) =>
        Appetite.FirstOrDefault(a => a.Category == category) is { } a ? riskType == RiskVocabulary.Positif ? a.Positive : a.Negative : null;

    public string CategoryName(string code) => Categories.FirstOrDefault(c => c.Code == code)?.Name ?? code;

    public string ImpactAreaName(string code) => ImpactAreas.FirstOrDefault(c => c.Code == code)?.Name ?? code;

    public Rejection? RefusesStep(string action) => action == ApprovalFlow.Submit && !Complete
        ? new Rejection.BreaksRule($"Konteks belum lengkap: {string.Join(", ", Missing)} / The context is incomplete: {string.Join(", ", Missing)}.",
            "context-complete-before-submit", "missing")
        : null;

    public static ApprovalRecorded<RiskContext> Recorded(ApprovalStep step) => new RiskContextApprovalRecorded(step);

    public object ToIntegrationEvent(string instansi) =>
        new RiskContextChangedIntegrationEvent(instansi, Id, Version, Opd, PeriodYear, Complete, ApprovalStatus, UpdatedAt);

    public RiskContext Copy()
    {
        var copy = (RiskContext)MemberwiseClone();
        copy.Functions = [.. Functions];
        copy.Objectives = [.. Objectives];
        copy.Stakeholders = [.. Stakeholders];
        copy.Regulations = [.. Regulations];
        copy.Categories = [.. Categories];
        copy.ImpactAreas = [.. ImpactAreas];
        copy.LikelihoodCriteria = [.. LikelihoodCriteria];
        copy.ImpactCriteria = [.. ImpactCriteria];
        copy.Matrix = Matrix.Select(r => r.ToList()).ToList();
        copy.Levels = [.. Levels];
        copy.Appetite = [.. Appetite];
        copy.Missing = [.. Missing];
        copy.ApprovalLog = [.. ApprovalLog];
        return copy;
    }
}

// Domain events: what happened; the fields each one set travel in RecordEvent.Changes.
public sealed record RiskContextDefined : RecordEvent<RiskContext>
{
    public override HistoryLine Describe() => new("ditetapkan / defined");
}

public sealed record RiskContextRevised : RecordEvent<RiskContext>
{
    public override HistoryLine Describe() => new("diperbarui / revised");
}

public sealed record RiskContextApprovalRecorded(ApprovalStep Step) : ApprovalRecorded<RiskContext>(Step);
