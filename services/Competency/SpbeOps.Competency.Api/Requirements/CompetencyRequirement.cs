namespace SpbeOps.Competency.Api.Requirements;

/// <summary>
/// The competency a jabatan (or SPBE role) requires: a proficiency (1–4) in some of the six SPBE areas. One standard
/// for the instansi, set by Diskominfo (with the BKPSDMD); every role reads it.
/// </summary>
public sealed record CompetencyRequirement : IRecord<CompetencyRequirement>, IWithdrawable
{
    public static RecordNoun Noun { get; } = new("standar kompetensi", "competency requirement");

    /// <summary>The jabatan or role, unique in the instansi.</summary>
    public string Jabatan { get; set; } = "";
    public Dictionary<string, int> Levels { get; set; } = [];
    public string? Description { get; set; }

    public bool Withdrawn { get; set; }
    public string? WithdrawnReason { get; set; }

    public bool ReadableBy(Caller caller) => true;

    public bool WritableBy(Caller caller) => caller.IsAdmin;

    public Guid Id { get; set; }
    public long Version { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed record RequirementRequest(string? Jabatan, IReadOnlyDictionary<string, int?>? Levels, string? Description = null);

public sealed record RequirementSet : RecordEvent<CompetencyRequirement>
{
    public override HistoryLine Describe() => new("ditetapkan / set");
}

public sealed record RequirementRevised : RecordEvent<CompetencyRequirement>
{
    public override HistoryLine Describe() => new($"diubah / revised: {string.Join(", ", Changes.Keys)}");
}

public sealed record RequirementWithdrawn(string Reason) : RecordEvent<CompetencyRequirement>
{
    public override HistoryLine Describe() => new("dicabut / withdrawn", Reason);
}

public static class RequirementDecider
{
    public static FieldErrors Validate(RequirementRequest r) =>
        new FieldErrors().Required("jabatan", r.Jabatan, 200).MaxLength("description", r.Description, 2000).Levels("levels", r.Levels);

    public static Decision<CompetencyRequirement> Set(Guid id, RequirementRequest r) =>
        Validate(r) is { Any: true } errors ? errors : Decision.Accept(Fill(new CompetencyRequirement { Id = id }, r), new RequirementSet());

    public static Decision<CompetencyRequirement> Revise(CompetencyRequirement current, RequirementRequest r) =>
        Withdrawal.Unless(current, () =>
            Validate(r) is { Any: true } errors ? errors : Decision.Accept(Fill(current with { }, r), new RequirementRevised()));

    public static Decision<CompetencyRequirement> Withdraw(CompetencyRequirement current, WithdrawalRequest r) =>
        Withdrawal.Decide(current, r, (q, reason) => q with { Withdrawn = true, WithdrawnReason = reason }, reason => new RequirementWithdrawn(reason));

    private static CompetencyRequirement Fill(CompetencyRequirement q, RequirementRequest r)
    {
        q.Jabatan = r.Jabatan!.Trim();
        q.Levels = CompetencyVocabulary.LevelsOf(r.Levels!);
        q.Description = r.Description;
        return q;
    }
}
