using SpbeOps.Contracts.Risk;

namespace SpbeOps.Risk.Api.Monitoring;

/// <summary>
/// One line of a monitoring report (Formulir 5.0): where a risk stands now, where it is heading, what treatment was
/// done, what is planned, who is in charge and when. Besaran, level, trend and decision are derived.
/// </summary>
public sealed record MonitoringEntry(
    Guid RiskId,
    string RiskCode,
    string RiskEvent,
    int LikelihoodLevel,
    int ImpactLevel,
    int Besaran,
    int Level,
    string LevelName,
    int InherentBesaran,
    string Trend,
    bool AboveAppetite,
    int? ProjectedLikelihoodLevel,
    int? ProjectedImpactLevel,
    int? ProjectedBesaran,
    string? TreatmentDone,
    string? Plan,
    string? PersonInCharge,
    string? Schedule,
    string? Recommendation);

/// <summary>A monitoring report of one UPR SPBE (Formulir 5.0): quarterly, by semester, yearly or incidental.</summary>
public sealed class MonitoringReport : IApprovable<MonitoringReport>, IPublishedRecord
{
    public static RecordNoun Noun { get; } = new("laporan pemantauan", "monitoring report");

    public Guid Id { get; set; }
    public Guid ContextId { get; set; }
    public string Opd { get; set; } = "";
    public int PeriodYear { get; set; }
    public string Kind { get; set; } = "";
    public int? Quarter { get; set; }
    public int? Semester { get; set; }
    public DateOnly ReportedOn { get; set; }
    public string? Notes { get; set; }
    public List<MonitoringEntry> Entries { get; set; } = [];

    public string ApprovalStatus { get; set; } = ApprovalFlow.Draft;
    public List<ApprovalStep> ApprovalLog { get; set; } = [];
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }

    public Rejection? RefusesStep(string action) => null;

    public static ApprovalRecorded<MonitoringReport> Recorded(ApprovalStep step) => new RiskMonitoringApprovalRecorded(step);

    public object ToIntegrationEvent(string instansi) =>
        new RiskMonitoringRecordedIntegrationEvent(instansi, Id, Version, Opd, PeriodYear, Kind, Quarter, ReportedOn, ApprovalStatus, UpdatedAt);

    public MonitoringReport Copy()
    {
        var copy = (MonitoringReport)MemberwiseClone();
        copy.Entries = [.. Entries];
        copy.ApprovalLog = [.. ApprovalLog];
        return copy;
    }
}

public sealed record MonitoringEntryRequest(
    Guid? RiskId,
    int? LikelihoodLevel,
    int? ImpactLevel,
    int? ProjectedLikelihoodLevel = null,
    int? ProjectedImpactLevel = null,
    string? TreatmentDone = null,
    string? Plan = null,
    string? PersonInCharge = null,
    string? Schedule = null,
    string? Recommendation = null);

/// <summary>
/// Record (POST) or revise (PUT) a monitoring report. <c>quarter</c> (1–4) is required for <c>triwulan</c>,
/// <c>semester</c> (1–2) for <c>semester</c>; there is one triwulan/semester/tahunan report per OPD, year and span.
/// </summary>
public sealed record MonitoringRequest(
    string? Opd,
    int? PeriodYear,
    string? Kind,
    DateOnly? ReportedOn,
    IReadOnlyList<MonitoringEntryRequest>? Entries,
    int? Quarter = null,
    int? Semester = null,
    string? Notes = null);

// Domain events: what happened; the fields each one set travel in RecordEvent.Changes.
public sealed record RiskMonitoringReported : RecordEvent<MonitoringReport>
{
    public override HistoryLine Describe() => new("dilaporkan / reported");
}

public sealed record RiskMonitoringRevised : RecordEvent<MonitoringReport>
{
    public override HistoryLine Describe() => new("diperbarui / revised");
}

public sealed record RiskMonitoringApprovalRecorded(ApprovalStep Step) : ApprovalRecorded<MonitoringReport>(Step);
