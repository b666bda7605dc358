using SpbeOps.Contracts.Competency;

namespace SpbeOps.Competency.Api.Development;

/// <summary>
/// A competency assessment (asesmen/uji kompetensi) of a staff member: the proficiency an assessor found per area.
/// The latest assessment of an area is the staff member's assessed proficiency there (indicator 25 levels 3–4).
/// </summary>
public sealed record Assessment : IRecord<Assessment>, IOpdRecord, IPublishedRecord, IWithdrawable, IStaffEvidence
{
    public static RecordNoun Noun { get; } = new("asesmen kompetensi", "competency assessment");

    public string Opd { get; set; } = "";
    public Guid StaffId { get; set; }
    public DateOnly AssessedOn { get; set; }
    public string Assessor { get; set; } = "";
    public Dictionary<string, int> Levels { get; set; } = [];

    public bool Withdrawn { get; set; }
    public string? WithdrawnReason { get; set; }

    public object ToIntegrationEvent(string instansi) => new CompetencyEvidenceChangedIntegrationEvent(
        instansi, Id, Version, CompetencyVocabulary.Asesmen, Opd, StaffId, AssessedOn, null, Levels, Withdrawn, UpdatedAt);

    public Guid Id { get; set; }
    public long Version { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed record AssessmentRequest(Guid? StaffId, DateOnly? AssessedOn, string? Assessor, IReadOnlyDictionary<string, int?>? Levels);

public sealed record AssessmentRecorded : RecordEvent<Assessment>
{
    public override HistoryLine Describe() => new("dicatat / recorded");
}

public sealed record AssessmentWithdrawn(string Reason) : RecordEvent<Assessment>
{
    public override HistoryLine Describe() => new("dicabut / withdrawn", Reason);
}

public static class AssessmentDecider
{
    public static FieldErrors Validate(AssessmentRequest r, DateOnly today) => new FieldErrors()
        .When(r.StaffId is null || r.StaffId == Guid.Empty, "staffId", "wajib diisi / is required")
        .When(r.AssessedOn is null, "assessedOn", "wajib diisi / is required")
        .PastDate("assessedOn", r.AssessedOn, today)
        .Required("assessor", r.Assessor, 200)
        .Levels("levels", r.Levels);

    public static Decision<Assessment> Record(Guid id, string opd, AssessmentRequest r, DateOnly today) =>
        Validate(r, today) is { Any: true } errors
            ? errors
            : Decision.Accept(new Assessment
            {
                Id = id, Opd = opd, StaffId = r.StaffId!.Value, AssessedOn = r.AssessedOn!.Value, Assessor = r.Assessor!.Trim(),
                Levels = CompetencyVocabulary.LevelsOf(r.Levels!),
            }, new AssessmentRecorded());

    public static Decision<Assessment> Withdraw(Assessment current, WithdrawalRequest r) =>
        Withdrawal.Decide(current, r, (a, reason) => a with { Withdrawn = true, WithdrawnReason = reason }, reason => new AssessmentWithdrawn(reason));
}
