namespace SpbeOps.Security.Api.Programme;

/// <summary>One activity of the work programme: planned, and done on a date.</summary>
public sealed record ProgrammeActivity(string Key, string? Description, DateOnly PlannedFrom, DateOnly PlannedTo, DateOnly? DoneOn, string? Note);

/// <summary>
/// The instansi's security work programme of a year (Peraturan BSSN 4/2021 Pasal 11), with at least the five mandatory
/// activities: edukasi kesadaran, penilaian kerentanan, peningkatan keamanan, penanganan insiden, audit keamanan.
/// One per year.
/// </summary>
public sealed record SecurityProgramme : IRecord<SecurityProgramme>, IInstansiRecord
{
    public static RecordNoun Noun { get; } = new("program kerja keamanan", "security work programme");

    public int Year { get; set; }
    public List<ProgrammeActivity> Activities { get; set; } = [];
    /// <summary>How many activities are done (computed when decided).</summary>
    public int Done { get; set; }

    public Guid Id { get; set; }
    public long Version { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed record ActivityRequest(string? Key, DateOnly? PlannedFrom, DateOnly? PlannedTo, DateOnly? DoneOn = null, string? Description = null, string? Note = null);

public sealed record ProgrammeRequest(int? Year, IReadOnlyList<ActivityRequest>? Activities);

public sealed record ProgrammeSet : RecordEvent<SecurityProgramme>
{
    public override HistoryLine Describe() => new("ditetapkan / set");
}

public sealed record ProgrammeRevised : RecordEvent<SecurityProgramme>
{
    public override HistoryLine Describe() => new($"diperbarui / revised: {string.Join(", ", Changes.Keys)}");
}

/// <summary>The programme's rules, free of I/O (decision 13).</summary>
public static class ProgrammeDecider
{
    public static readonly string[] Mandatory = ["edukasi-kesadaran", "penilaian-kerentanan", "peningkatan-keamanan", "penanganan-insiden", "audit-keamanan"];
    public const string MandatoryRule = "mandatory-activities";

    public static Decision<SecurityProgramme> Set(Guid id, ProgrammeRequest r, DateOnly today) =>
        Decide(new SecurityProgramme { Id = id }, r, today, new ProgrammeSet());

    public static Decision<SecurityProgramme> Revise(SecurityProgramme current, ProgrammeRequest r, DateOnly today) =>
        r.Year is { } year && year != current.Year
            ? new FieldErrors().Add("year", "tidak dapat diubah / cannot change")
            : Decide(current, r with { Year = current.Year }, today, new ProgrammeRevised());

    private static Decision<SecurityProgramme> Decide(SecurityProgramme p, ProgrammeRequest r, DateOnly today, RecordEvent<SecurityProgramme> change)
    {
        var errors = new FieldErrors().Range("year", r.Year, 2000, today.Year + 5)
            .When(r.Activities is not { Count: > 0 }, "activities", "wajib diisi / is required");
        if (!errors.Count("activities", r.Activities, 50))
        {
            for (var i = 0; i < (r.Activities?.Count ?? 0); i++)
            {
                var a = r.Activities![i];
                errors.Required($"activities[{i}].key", a.Key, 64)
                    .When(a.PlannedFrom is null, $"activities[{i}].plannedFrom", "wajib diisi / is required")
                    .When(a.PlannedTo is null, $"activities[{i}].plannedTo", "wajib diisi / is required")
                    .PlannedDate($"activities[{i}].plannedFrom", a.PlannedFrom, today)
                    .PlannedDate($"activities[{i}].plannedTo", a.PlannedTo, today)
                    .When(a.PlannedTo < a.PlannedFrom, $"activities[{i}].plannedTo", "tidak boleh sebelum plannedFrom / must not be before plannedFrom")
                    .PastDate($"activities[{i}].doneOn", a.DoneOn, today)
                    .MaxLength($"activities[{i}].description", a.Description, 1000)
                    .MaxLength($"activities[{i}].note", a.Note, 2000);
            }
            if (r.Activities is { } list && list.GroupBy(a => a.Key).FirstOrDefault(g => g.Key is not null && g.Count() > 1) is { } twice)
                errors.Add("activities", $"'{twice.Key}' disebut dua kali / '{twice.Key}' is listed twice");
        }
        if (errors.Any) return errors;
        var missing = Mandatory.Except(r.Activities!.Select(a => a.Key!)).ToList();
        if (missing.Count > 0)
            return new Rejection.BreaksRule(
                $"Program kerja wajib memuat (Pasal 11) / The programme must hold (Pasal 11): {string.Join(", ", missing)}.", MandatoryRule, "activities");
        var activities = r.Activities!.Select(a => new ProgrammeActivity(a.Key!.Trim(), a.Description, a.PlannedFrom!.Value, a.PlannedTo!.Value, a.DoneOn, a.Note)).ToList();
        return Decision.Accept(p with { Year = r.Year!.Value, Activities = activities, Done = activities.Count(a => a.DoneOn is not null) }, change);
    }
}
