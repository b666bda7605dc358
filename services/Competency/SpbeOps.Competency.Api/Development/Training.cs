using SpbeOps.Contracts.Competency;

namespace SpbeOps.Competency.Api.Development;

/// <summary>A training (pelatihan, bimtek) a staff member completed: development of SPBE competency (indicator 25 level 4).</summary>
public sealed record Training : IRecord<Training>, IOpdRecord, IPublishedRecord, IWithdrawable, IStaffEvidence
{
    public static RecordNoun Noun { get; } = new("pelatihan", "training");

    public string Opd { get; set; } = "";
    public Guid StaffId { get; set; }
    public string Title { get; set; } = "";
    public string Area { get; set; } = "";
    public int Hours { get; set; }
    public string Provider { get; set; } = "";
    public DateOnly CompletedOn { get; set; }

    public bool Withdrawn { get; set; }
    public string? WithdrawnReason { get; set; }

    public object ToIntegrationEvent(string instansi) => new CompetencyEvidenceChangedIntegrationEvent(
        instansi, Id, Version, CompetencyVocabulary.Pelatihan, Opd, StaffId, CompletedOn, null, new Dictionary<string, int> { [Area] = 0 }, Withdrawn, UpdatedAt);

    public Guid Id { get; set; }
    public long Version { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed record TrainingRequest(Guid? StaffId, string? Title, string? Area, int? Hours, string? Provider, DateOnly? CompletedOn);

public sealed record TrainingRecorded : RecordEvent<Training>
{
    public override HistoryLine Describe() => new("dicatat / recorded");
}

public sealed record TrainingWithdrawn(string Reason) : RecordEvent<Training>
{
    public override HistoryLine Describe() => new("dicabut / withdrawn", Reason);
}

public static class TrainingDecider
{
    public static FieldErrors Validate(TrainingRequest r, DateOnly today) => new FieldErrors()
        .When(r.StaffId is null || r.StaffId == Guid.Empty, "staffId", "wajib diisi / is required")
        .Required("title", r.Title, 300)
        .OneOf("area", r.Area, CompetencyVocabulary.Areas)
        .Range("hours", r.Hours, 1, 2000)
        .Required("provider", r.Provider, 200)
        .When(r.CompletedOn is null, "completedOn", "wajib diisi / is required")
        .PastDate("completedOn", r.CompletedOn, today);

    public static Decision<Training> Record(Guid id, string opd, TrainingRequest r, DateOnly today) =>
        Validate(r, today) is { Any: true } errors
            ? errors
            : Decision.Accept(new Training
            {
                Id = id, Opd = opd, StaffId = r.StaffId!.Value, Title = r.Title!.Trim(), Area = r.Area!, Hours = r.Hours!.Value,
                Provider = r.Provider!.Trim(), CompletedOn = r.CompletedOn!.Value,
            }, new TrainingRecorded());

    public static Decision<Training> Withdraw(Training current, WithdrawalRequest r) =>
        Withdrawal.Decide(current, r, (t, reason) => t with { Withdrawn = true, WithdrawnReason = reason }, reason => new TrainingWithdrawn(reason));
}
