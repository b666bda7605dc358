using SpbeOps.Contracts.Governance;

namespace SpbeOps.Governance;

/// <summary>The four kinds of governance record every management indicator asks for (docs/architecture.md decision 8).</summary>
public static class GovernanceRecordTypes
{
    /// <summary>Kebijakan: a guideline (pedoman), SOP, strategy (strategi) or policy, formally issued.</summary>
    public const string Policy = "policy";
    /// <summary>Program kegiatan: a directed, planned programme.</summary>
    public const string Programme = "programme";
    /// <summary>Reviu dan evaluasi: a periodic review with its findings.</summary>
    public const string Review = "review";
    /// <summary>Tindak lanjut: an improvement that follows up a review.</summary>
    public const string FollowUp = "follow-up";

    public static readonly string[] All = [Policy, Programme, Review, FollowUp];
}

public static class GovernanceVocabulary
{
    public static readonly string[] PolicyKinds = ["pedoman", "sop", "strategi", "kebijakan"];

    public static readonly string[] Issuers =
    [
        "walikota", "bupati", "gubernur", "sekretaris-daerah", "tim-koordinasi-spbe",
        "komite-manajemen-risiko", "forum-satu-data", "kepala-perangkat-daerah",
    ];

    public const string FollowUpPlanned = "direncanakan";
    public const string FollowUpInProgress = "berjalan";
    public const string FollowUpDone = "selesai";
    public static readonly string[] FollowUpStatuses = [FollowUpPlanned, FollowUpInProgress, FollowUpDone];
}

/// <summary>The current state of one governance record (a Marten document; its history is its event stream).</summary>
public sealed class GovernanceRecord : IRecord<GovernanceRecord>, IPublishedRecord
{
    public static RecordNoun Noun { get; } = new("catatan tata kelola", "governance record");

    public Guid Id { get; set; }
    public int Indicator { get; set; }
    public string RecordType { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }

    // policy
    public string? PolicyKind { get; set; }
    public string? Number { get; set; }
    public string? Issuer { get; set; }
    public string? IssuerOpd { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public List<string> Covers { get; set; } = [];

    // scope
    public bool AllOpd { get; set; }
    public List<string> ScopeOpds { get; set; } = [];

    /// <summary>policy: issued on; programme: starts on; review: held on; follow-up: due on.</summary>
    public DateOnly? Date { get; set; }
    public DateOnly? EndDate { get; set; }
    public List<string> Activities { get; set; } = [];
    public List<string> Findings { get; set; } = [];
    public string? Reviewer { get; set; }

    // follow-up
    public Guid? ReviewId { get; set; }
    public string? Status { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public string? Outcome { get; set; }

    public string? DocumentUrl { get; set; }
    public bool Withdrawn { get; set; }
    public string? WithdrawnReason { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }

    public GovernanceRecord Copy()
    {
        var copy = (GovernanceRecord)MemberwiseClone();
        copy.Covers = [.. Covers];
        copy.ScopeOpds = [.. ScopeOpds];
        copy.Activities = [.. Activities];
        copy.Findings = [.. Findings];
        return copy;
    }

    public bool AppliesTo(string opd) => AllOpd || ScopeOpds.Contains(opd, StringComparer.OrdinalIgnoreCase);

    /// <summary>An OPD operator sees the records that cover its OPD; every other role sees all.</summary>
    public bool ReadableBy(Caller caller) => !caller.IsOpdOperator || AppliesTo(caller.Opd ?? "");

    /// <summary>
    /// Operators record their own OPD's programmes, reviews and follow-ups; instansi-wide records and policies belong
    /// to Diskominfo (and the service's specialist writers).
    /// </summary>
    public bool WritableBy(Caller caller) =>
        caller.WritesEveryOpd
        || (caller.IsOpdOperator && RecordType != GovernanceRecordTypes.Policy && !AllOpd && ScopeOpds.Count == 1
            && string.Equals(ScopeOpds[0], caller.Opd, StringComparison.OrdinalIgnoreCase));

    public object ToIntegrationEvent(string instansi) => new GovernanceRecordChangedIntegrationEvent(
        instansi, Id, Version, Indicator, RecordType, Title, PolicyKind, Issuer, IssuerOpd,
        AllOpd, ScopeOpds, Covers, Date, EndDate, ValidFrom, ValidUntil, ReviewId, Status, CompletedOn, Withdrawn, UpdatedAt);
}

// Domain events: what happened; the fields each one set travel in RecordEvent.Changes.
public sealed record GovernanceRecordCreated : RecordEvent<GovernanceRecord>
{
    public override HistoryLine Describe() => new("dibuat / created");
}

public sealed record GovernanceRecordRevised : RecordEvent<GovernanceRecord>
{
    public override HistoryLine Describe() => new("diperbarui / revised");
}

public sealed record FollowUpCompleted(DateOnly CompletedOn, string Outcome) : RecordEvent<GovernanceRecord>
{
    public override HistoryLine Describe() => new($"tindak lanjut selesai {CompletedOn:yyyy-MM-dd} / follow-up completed", Outcome);
}

public sealed record GovernanceRecordWithdrawn(string Reason) : RecordEvent<GovernanceRecord>
{
    public override HistoryLine Describe() => new("dicabut / withdrawn", Reason);
}
