namespace SpbeOps.Indicators.Api.Facts;

/// <summary>
/// The latest known state of one record of another service, as its integration events told it. Each fact keeps
/// the producer's version: an older or repeated message never overwrites a newer one (order-tolerant consumers).
/// </summary>
public interface IFact : SpbeOps.Messaging.ILearnedRecord;

public sealed class AssetFact : IFact
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string Opd { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Name { get; set; } = "";
    public string Stage { get; set; } = "";
    public string? ApplicationType { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class GovernanceFact : IFact
{
    public Guid Id { get; set; }
    public long Version { get; set; }
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
    public DateTimeOffset UpdatedAt { get; set; }

    public bool AppliesTo(string? opd) => opd is null || AllOpd || ScopeOpds.Contains(opd, StringComparer.OrdinalIgnoreCase);

    public bool InForceOn(DateOnly day) => !Withdrawn && (ValidFrom ?? Date) is { } from && from <= day && (ValidUntil is null || ValidUntil >= day);
}

public sealed class RiskContextFact : IFact
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string Opd { get; set; } = "";
    public int PeriodYear { get; set; }
    public bool Complete { get; set; }
    public string ApprovalStatus { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class RiskFact : IFact
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string Opd { get; set; } = "";
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
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class RiskMonitoringFact : IFact
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string Opd { get; set; } = "";
    public int PeriodYear { get; set; }
    public string Kind { get; set; } = "";
    public int? Quarter { get; set; }
    public DateOnly ReportedOn { get; set; }
    public string ApprovalStatus { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}
