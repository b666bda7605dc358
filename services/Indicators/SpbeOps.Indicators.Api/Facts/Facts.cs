using SpbeOps.Contracts.Assets;
using SpbeOps.Contracts.Competency;
using SpbeOps.Contracts.Data;
using SpbeOps.Contracts.Governance;
using SpbeOps.Contracts.Risk;

namespace SpbeOps.Indicators.Api.Facts;

/// <summary>
/// The latest known state of one record of another service, as its integration events told it. Each fact keeps
/// the producer's version: an older or repeated message never overwrites a newer one (order-tolerant consumers).
/// </summary>
public interface IFact : ILearnedRecord;

/// <summary>What every fact keeps: the source record's id, the producer's version, and when it changed.</summary>
public abstract class Fact : IFact
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The OPD whose levels this fact can move (null: every OPD). The instansi's levels always can.</summary>
    public abstract IReadOnlyCollection<string>? TouchedOpd();

    /// <summary>The OPD scopes a change from <paramref name="previous"/> to <paramref name="next"/> touches (null: every OPD).</summary>
    public static IReadOnlyCollection<string>? Touched(Fact next, Fact? previous) =>
        (next.TouchedOpd(), previous?.TouchedOpd()) switch
        {
            (null, _) => null,
            (_, null) when previous is not null => null,
            ({ } a, null) => a,
            ({ } a, { } b) => [.. a.Union(b, StringComparer.OrdinalIgnoreCase)],
        };
}

/// <summary>A fact about a record of one perangkat daerah.</summary>
public abstract class OpdFact : Fact
{
    public string Opd { get; set; } = "";

    public override IReadOnlyCollection<string>? TouchedOpd() => [Opd];
}

public sealed class AssetFact : OpdFact
{
    public string Kind { get; set; } = "";
    public string Name { get; set; } = "";
    public string Stage { get; set; } = "";
    public string? ApplicationType { get; set; }

    public static AssetFact From(AssetChangedIntegrationEvent m) => new()
    {
        Id = m.AssetId, Version = m.Version, UpdatedAt = m.OccurredAt, Opd = m.Opd, Kind = m.Kind, Name = m.Name, Stage = m.Stage,
        ApplicationType = m.ApplicationType,
    };
}

public sealed class GovernanceFact : Fact
{
    public int Indicator { get; set; }
    public string RecordType { get; set; } = "";
    public string Title { get; set; } = "";
    public string? PolicyKind { get; set; }
    public string? Issuer { get; set; }
    public string? IssuerOpd { get; set; }
    public bool AllOpd { get; set; }
    public List<string> ScopeOpds { get; set; } = [];
    public List<string> Covers { get; set; } = [];
    public DateOnly? Date { get; set; }
    public DateOnly? EndDate { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public Guid? ReviewId { get; set; }
    public string? Status { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public bool Withdrawn { get; set; }

    public static GovernanceFact From(GovernanceRecordChangedIntegrationEvent m) => new()
    {
        Id = m.RecordId, Version = m.Version, UpdatedAt = m.OccurredAt, Indicator = m.Indicator, RecordType = m.RecordType, Title = m.Title,
        PolicyKind = m.PolicyKind, Issuer = m.Issuer, IssuerOpd = m.IssuerOpd, AllOpd = m.AllOpd, ScopeOpds = [.. m.ScopeOpds], Covers = [.. m.Covers],
        Date = m.Date, EndDate = m.EndDate, ValidFrom = m.ValidFrom, ValidUntil = m.ValidUntil, ReviewId = m.ReviewId, Status = m.Status,
        CompletedOn = m.CompletedOn, Withdrawn = m.Withdrawn,
    };

    /// <summary>A record for every OPD moves every OPD's levels; one scoped to some OPD moves only theirs.</summary>
    public override IReadOnlyCollection<string>? TouchedOpd() => AllOpd ? null : ScopeOpds;

    public bool AppliesTo(string? opd) => opd is null || AllOpd || ScopeOpds.Contains(opd, StringComparer.OrdinalIgnoreCase);

    public bool InForceOn(DateOnly day) => !Withdrawn && (ValidFrom ?? Date) is { } from && from <= day && (ValidUntil is null || ValidUntil >= day);
}

public sealed class RiskContextFact : OpdFact
{
    public int PeriodYear { get; set; }
    public bool Complete { get; set; }
    public string ApprovalStatus { get; set; } = "";

    public static RiskContextFact From(RiskContextChangedIntegrationEvent m) => new()
    {
        Id = m.ContextId, Version = m.Version, UpdatedAt = m.OccurredAt, Opd = m.Opd, PeriodYear = m.PeriodYear, Complete = m.Complete,
        ApprovalStatus = m.ApprovalStatus,
    };
}

public sealed class RiskFact : OpdFact
{
    public int PeriodYear { get; set; }
    public string RiskType { get; set; } = "";
    public string Category { get; set; } = "";
    public int Besaran { get; set; }
    public int? ResidualBesaran { get; set; }
    public bool AboveAppetite { get; set; }
    public bool AssessmentComplete { get; set; }
    public bool TreatmentDecided { get; set; }
    public string ApprovalStatus { get; set; } = "";
    public bool Withdrawn { get; set; }

    public static RiskFact From(RiskChangedIntegrationEvent m) => new()
    {
        Id = m.RiskId, Version = m.Version, UpdatedAt = m.OccurredAt, Opd = m.Opd, PeriodYear = m.PeriodYear, RiskType = m.RiskType,
        Category = m.Category, Besaran = m.Besaran, ResidualBesaran = m.ResidualBesaran, AboveAppetite = m.AboveAppetite,
        AssessmentComplete = m.AssessmentComplete, TreatmentDecided = m.TreatmentDecided, ApprovalStatus = m.ApprovalStatus, Withdrawn = m.Withdrawn,
    };
}

public sealed class RiskMonitoringFact : OpdFact
{
    public int PeriodYear { get; set; }
    public string Kind { get; set; } = "";
    public int? Quarter { get; set; }
    public DateOnly ReportedOn { get; set; }
    public string ApprovalStatus { get; set; } = "";

    public static RiskMonitoringFact From(RiskMonitoringRecordedIntegrationEvent m) => new()
    {
        Id = m.MonitoringId, Version = m.Version, UpdatedAt = m.OccurredAt, Opd = m.Opd, PeriodYear = m.PeriodYear, Kind = m.Kind,
        Quarter = m.Quarter, ReportedOn = m.ReportedOn, ApprovalStatus = m.ApprovalStatus,
    };
}

public sealed class DatasetFact : OpdFact
{
    public string Title { get; set; } = "";
    public string Status { get; set; } = "";
    public string AccessLevel { get; set; } = "";
    public bool StandarDataComplete { get; set; }
    public bool MetadataComplete { get; set; }
    public bool Verified { get; set; }
    public int QualityScore { get; set; }
    public bool ReleasesOnTime { get; set; }

    public bool Published => Status == DataCatalogueSummary.PublishedStatus;
    public bool Archived => Status == DataCatalogueSummary.ArchivedStatus;

    public static DatasetFact From(DatasetChangedIntegrationEvent m) => new()
    {
        Id = m.DatasetId, Version = m.Version, UpdatedAt = m.OccurredAt, Opd = m.Opd, Title = m.Title, Status = m.Status,
        AccessLevel = m.AccessLevel, StandarDataComplete = m.StandarDataComplete, MetadataComplete = m.MetadataComplete,
        Verified = m.Verified, QualityScore = m.QualityScore, ReleasesOnTime = m.ReleasesOnTime,
    };
}

/// <summary>A staff member of an OPD (indicator 25), by pseudonym: when they are active. No name or NIP.</summary>
public sealed class StaffFact : OpdFact
{
    public DateOnly ActiveFrom { get; set; }
    public DateOnly? ActiveUntil { get; set; }
    public bool Withdrawn { get; set; }

    public bool ActiveOn(DateOnly day) => !Withdrawn && ActiveFrom <= day && (ActiveUntil is null || ActiveUntil >= day);

    public static StaffFact From(StaffChangedIntegrationEvent m) => new()
    {
        Id = m.StaffId, Version = m.Version, UpdatedAt = m.OccurredAt, Opd = m.Opd, ActiveFrom = m.ActiveFrom, ActiveUntil = m.ActiveUntil,
        Withdrawn = m.Withdrawn,
    };
}

/// <summary>The HR plan (perencanaan SDM SPBE) of one OPD and year: needed headcount and proficiency per area.</summary>
public sealed class HrPlanFact : OpdFact
{
    public int Year { get; set; }
    public List<CompetencyNeed> Needs { get; set; } = [];
    public bool Withdrawn { get; set; }

    public static HrPlanFact From(HrPlanChangedIntegrationEvent m) => new()
    {
        Id = m.PlanId, Version = m.Version, UpdatedAt = m.OccurredAt, Opd = m.Opd, Year = m.Year, Needs = [.. m.Needs], Withdrawn = m.Withdrawn,
    };
}

/// <summary>
/// A certification (valid <see cref="Date"/> to <see cref="ValidUntil"/> inclusive), training or assessment of a staff
/// member (by pseudonym). Which of them count is decided on the engine's day, so an expiry needs no message.
/// </summary>
public sealed class CompetencyEvidenceFact : OpdFact
{
    public string Kind { get; set; } = "";
    public Guid StaffId { get; set; }
    public DateOnly Date { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public Dictionary<string, int> Levels { get; set; } = [];
    public bool Withdrawn { get; set; }

    public static CompetencyEvidenceFact From(CompetencyEvidenceChangedIntegrationEvent m) => new()
    {
        Id = m.RecordId, Version = m.Version, UpdatedAt = m.OccurredAt, Kind = m.Kind, Opd = m.Opd, StaffId = m.StaffId, Date = m.Date,
        ValidUntil = m.ValidUntil, Levels = new Dictionary<string, int>(m.Levels), Withdrawn = m.Withdrawn,
    };
}
