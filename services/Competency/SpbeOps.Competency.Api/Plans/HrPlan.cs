using SpbeOps.Contracts.Competency;

namespace SpbeOps.Competency.Api.Plans;

/// <summary>
/// The perencanaan SDM SPBE of one OPD for one year: per competency area, how many staff it needs at which
/// proficiency. One per OPD and year; coverage and the gap are measured against it.
/// </summary>
public sealed record HrPlan : IRecord<HrPlan>, IOpdRecord, IPublishedRecord, IWithdrawable
{
    public static RecordNoun Noun { get; } = new("rencana SDM", "HR plan");

    public string Opd { get; set; } = "";
    public int Year { get; set; }
    public List<CompetencyNeed> Needs { get; set; } = [];
    public string? Note { get; set; }

    public bool Withdrawn { get; set; }
    public string? WithdrawnReason { get; set; }

    public object ToIntegrationEvent(string instansi) => new HrPlanChangedIntegrationEvent(instansi, Id, Version, Opd, Year, Needs, Withdrawn, UpdatedAt);

    public Guid Id { get; set; }
    public long Version { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed record NeedRequest(string? Area, int? Headcount, int? Proficiency);

public sealed record HrPlanRequest(string? Opd, int? Year, IReadOnlyList<NeedRequest?>? Needs, string? Note = null);

public sealed record HrPlanSet(int Year) : RecordEvent<HrPlan>
{
    public override HistoryLine Describe() => new($"rencana SDM {Year} disusun / drawn up");
}

public sealed record HrPlanRevised : RecordEvent<HrPlan>
{
    public override HistoryLine Describe() => new($"diubah / revised: {string.Join(", ", Changes.Keys)}");
}

public sealed record HrPlanWithdrawn(string Reason) : RecordEvent<HrPlan>
{
    public override HistoryLine Describe() => new("dicabut / withdrawn", Reason);
}

public static class HrPlanDecider
{
    public static FieldErrors Validate(HrPlanRequest r, DateOnly today)
    {
        var errors = new FieldErrors().Opd("opd", r.Opd).Range("year", r.Year, 2019, today.Year + 5).MaxLength("note", r.Note, 2000);
        if (r.Needs is null || r.Needs.Count == 0) return errors.Add("needs", "sekurang-kurangnya satu bidang / at least one area");
        if (errors.Count("needs", r.Needs, CompetencyVocabulary.Areas.Length)) return errors;
        for (var i = 0; i < r.Needs.Count; i++)
        {
            if (r.Needs[i] is not { } n)
            {
                errors.Add($"needs[{i}]", "wajib diisi / is required");
                continue;
            }
            errors.OneOf($"needs[{i}].area", n.Area, CompetencyVocabulary.Areas)
                .Range($"needs[{i}].headcount", n.Headcount, 1, 10_000)
                .Range($"needs[{i}].proficiency", n.Proficiency, CompetencyVocabulary.MinProficiency, CompetencyVocabulary.MaxProficiency);
            if (n.Area is not null && r.Needs.Take(i).Any(p => p?.Area == n.Area)) errors.Add($"needs[{i}].area", "bidang muncul dua kali / the area appears twice");
        }
        return errors;
    }

    public static Decision<HrPlan> Set(Guid id, HrPlanRequest r, DateOnly today) =>
        Validate(r, today) is { Any: true } errors ? errors : Decision.Accept(Fill(new HrPlan { Id = id }, r), new HrPlanSet(r.Year!.Value));

    public static Decision<HrPlan> Revise(HrPlan current, HrPlanRequest r, DateOnly today) => Withdrawal.Unless(current, () =>
    {
        if (Validate(r, today) is { Any: true } errors) return errors;
        if (r.Year != current.Year || r.Opd != current.Opd)
            return new FieldErrors().Add("year", $"OPD dan tahun tidak dapat diubah ({current.Opd} {current.Year}) / the OPD and year cannot change");
        return Decision.Accept(Fill(current with { }, r), new HrPlanRevised());
    });

    public static Decision<HrPlan> Withdraw(HrPlan current, WithdrawalRequest r) =>
        Withdrawal.Decide(current, r, (p, reason) => p with { Withdrawn = true, WithdrawnReason = reason }, reason => new HrPlanWithdrawn(reason));

    private static HrPlan Fill(HrPlan p, HrPlanRequest r)
    {
        p.Opd = r.Opd!;
        p.Year = r.Year!.Value;
        p.Needs = [.. r.Needs!.Select(n => new CompetencyNeed(n!.Area!, n.Headcount!.Value, n.Proficiency!.Value)).OrderBy(n => Array.IndexOf(CompetencyVocabulary.Areas, n.Area))];
        p.Note = r.Note;
        return p;
    }
}
