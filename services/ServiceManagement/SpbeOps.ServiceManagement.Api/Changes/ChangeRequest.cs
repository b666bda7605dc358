using SpbeOps.Contracts.ServiceManagement;

namespace SpbeOps.ServiceManagement.Api.Changes;

/// <summary>The words of change management (the TG's lists).</summary>
public static class ChangeVocabulary
{
    public const string Standar = "standar", Normal = "normal", Darurat = "darurat";
    public static readonly string[] Types = [Standar, Normal, Darurat];

    public const string Keamanan = "keamanan";
    public static readonly string[] Categories =
        ["aplikasi", "perangkat-keras", "perangkat-lunak", "infrastruktur", "proses-bisnis", "lingkungan-organisasi", "layanan", "data", Keamanan, "arsitektur"];

    public const string Diajukan = "diajukan", Dinilai = "dinilai", Disetujui = "disetujui", Ditolak = "ditolak", Dijadwalkan = "dijadwalkan",
        Diimplementasikan = "diimplementasikan", Direviu = "direviu", Ditutup = "ditutup";
    public static readonly string[] Statuses = [Diajukan, Dinilai, Disetujui, Ditolak, Dijadwalkan, Diimplementasikan, Direviu, Ditutup];

    /// <summary>The flow in order (a rejected change leaves it at dinilai).</summary>
    public static readonly string[] Flow = [Diajukan, Dinilai, Disetujui, Dijadwalkan, Diimplementasikan, Direviu, Ditutup];

    // How a change came to be approved.
    public const string ByCab = "cab", PreApproved = "templat-pra-disetujui", Retrospective = "retrospektif";

    /// <summary>The TG's process stage a status belongs to.</summary>
    public static string PhaseOf(string status) => status switch
    {
        Diajukan => "perencanaan",
        Dinilai or Ditolak => "analisis",
        Disetujui or Dijadwalkan => "pengembangan",
        Diimplementasikan => "implementasi",
        _ => "pemantauan-dan-evaluasi",
    };
}

public sealed record ChangeStep(string? From, string To, DateTimeOffset At, string By, string? Note);

/// <summary>One CAB member's vote, with the role it voted in.</summary>
public sealed record Vote(string By, string Role, bool Approve, string? Reason, DateTimeOffset At);

/// <summary>The risk assessment: likelihood × impact through the official besaran matrix of PermenPANRB 5/2020, or a registered risk.</summary>
public sealed record ChangeAssessment(
    int Likelihood, int Impact, int Besaran, string RiskLevel, Guid? RiskId, string? Note, IReadOnlyList<string> Approvers, int Quorum, string By, DateTimeOffset At);

/// <summary>The implementation as recorded: when, with what note, and whether it fell outside the scheduled window.</summary>
public sealed record ChangeImplementation(DateTimeOffset ImplementedAt, string? Note, bool OutsideWindow, string By);

/// <summary>The post-implementation review (PIR).</summary>
public sealed record PostImplementationReview(bool Success, int IncidentsCaused, string Lessons, string By, DateTimeOffset At);

/// <summary>
/// One change request of an OPD (manajemen perubahan SPBE): what changes, on which services and assets, its risk,
/// its implementation and back-out plans and its window, through diajukan → dinilai → disetujui/ditolak (CAB:
/// named approvers and a quorum) → dijadwalkan → diimplementasikan → direviu (PIR) → ditutup. A standard change is
/// approved by its pre-approved template; an emergency change may be implemented first and approved afterwards.
/// </summary>
public sealed class ChangeRequest : IRecord<ChangeRequest>, IOpdRecord, IPublishedRecord
{
    public static RecordNoun Noun { get; } = new("permintaan perubahan", "change request");

    public Guid Id { get; set; }
    public string Opd { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string Type { get; set; } = ChangeVocabulary.Normal;
    public string Category { get; set; } = "";
    public string? TemplateName { get; set; }
    public List<Guid> Services { get; set; } = [];
    public List<Guid> Assets { get; set; } = [];
    public string ImplementationPlan { get; set; } = "";
    public string BackoutPlan { get; set; } = "";
    public DateTimeOffset? WindowStart { get; set; }
    public DateTimeOffset? WindowEnd { get; set; }

    public string Status { get; set; } = ChangeVocabulary.Diajukan;
    public ChangeAssessment? Assessment { get; set; }
    public List<string> Approvers { get; set; } = [];
    public int Quorum { get; set; }
    public List<Vote> Votes { get; set; } = [];
    public Vote? LastVote { get; set; }
    public bool Approved { get; set; }
    public string? ApprovalKind { get; set; }
    public ChangeImplementation? Implementation { get; set; }
    public PostImplementationReview? Review { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public List<ChangeStep> Flow { get; set; } = [];

    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }

    /// <summary>The TG process stage (perencanaan, analisis, pengembangan, implementasi, pemantauan dan evaluasi).</summary>
    public string Phase => ChangeVocabulary.PhaseOf(Status);

    public bool Assessed => Assessment is not null || ApprovalKind == ChangeVocabulary.PreApproved;
    public bool Implemented => Implementation is not null;
    public bool OutsideWindow => Implementation?.OutsideWindow ?? false;

    /// <summary>The OPD's writers, Diskominfo (the CAB), and the security officer for a change of category keamanan.</summary>
    public bool WritableBy(Caller caller) =>
        caller.CanWrite(Opd) || (Category == ChangeVocabulary.Keamanan && caller.IsInRole(SpbeRoles.SecurityOfficer));

    public object ToIntegrationEvent(string instansi) => new ChangeRequestChangedIntegrationEvent(
        instansi, Id, Version, Opd, Title, Type, Category, Status, Assessed, Approved, Implemented, OutsideWindow, Review is not null, UpdatedAt, Review?.Lessons);

    public ChangeRequest Copy()
    {
        var copy = (ChangeRequest)MemberwiseClone();
        copy.Services = [.. Services];
        copy.Assets = [.. Assets];
        copy.Approvers = [.. Approvers];
        copy.Votes = [.. Votes];
        copy.Flow = [.. Flow];
        return copy;
    }
}

public sealed record ChangeRequestRequest(
    string? Opd, string? Title, string? Description, string? Type, string? Category, string? TemplateName,
    IReadOnlyList<Guid>? Services, IReadOnlyList<Guid>? Assets, string? ImplementationPlan, string? BackoutPlan,
    DateTimeOffset? WindowStart, DateTimeOffset? WindowEnd);

public sealed record AssessmentRequest(int? Likelihood, int? Impact, Guid? RiskId, string? Note, IReadOnlyList<string>? Approvers, int? Quorum);

public sealed record VoteRequest(bool? Approve, string? Reason);

public sealed record ScheduleRequest(DateTimeOffset? WindowStart, DateTimeOffset? WindowEnd);

public sealed record ImplementationRequest(DateTimeOffset? ImplementedAt, string? Note);

public sealed record ReviewRequest(bool? Success, int? IncidentsCaused, string? Lessons);

public sealed record CloseRequest(string? Note);

/// <summary>Another change in an overlapping window on a shared service.</summary>
public sealed record ChangeConflict(Guid Id, string Title, string Opd, string Status, DateTimeOffset WindowStart, DateTimeOffset WindowEnd, IReadOnlyList<Guid> SharedServices);

public sealed record ChangeSubmitted(string Type, string Category) : RecordEvent<ChangeRequest>
{
    public override HistoryLine Describe() => new($"diajukan / submitted: {Type}, {Category}");
}

public sealed record ChangeAssessed(int Besaran, string RiskLevel) : RecordEvent<ChangeRequest>
{
    public override HistoryLine Describe() => new($"dinilai / assessed: besaran {Besaran} ({RiskLevel})");
}

public sealed record ChangeVoted(bool Approve, string? Reason) : RecordEvent<ChangeRequest>
{
    public override HistoryLine Describe() => new(Approve ? "CAB menyetujui / CAB approval vote" : "CAB menolak / CAB rejection vote", Reason);
}

public sealed record ChangeScheduled(DateTimeOffset WindowStart, DateTimeOffset WindowEnd) : RecordEvent<ChangeRequest>
{
    public override HistoryLine Describe() => new($"dijadwalkan / scheduled {WindowStart:yyyy-MM-dd HH:mm}–{WindowEnd:yyyy-MM-dd HH:mm}Z");
}

public sealed record ChangeImplemented(DateTimeOffset ImplementedAt, bool OutsideWindow, string? Note) : RecordEvent<ChangeRequest>
{
    public override HistoryLine Describe() =>
        new($"diimplementasikan / implemented{(OutsideWindow ? " di luar jadwal / outside its window" : "")}", Note);
}

public sealed record ChangeReviewed(bool Success, int IncidentsCaused) : RecordEvent<ChangeRequest>
{
    public override HistoryLine Describe() => new($"direviu (PIR) / reviewed: {(Success ? "berhasil / succeeded" : "gagal / failed")}, {IncidentsCaused} insiden / incidents");
}

public sealed record ChangeClosed(string? Note) : RecordEvent<ChangeRequest>
{
    public override HistoryLine Describe() => new("ditutup / closed", Note);
}
