namespace SpbeOps.Data.Api.Priorities;

/// <summary>One action of the rencana aksi that goes with the year's data prioritas.</summary>
public sealed record ActionPlanItem(string Action, string Opd, DateOnly DueOn);

/// <summary>
/// The year's data prioritas: the datasets the Forum Satu Data agreed to deliver first, with the rencana aksi.
/// Perpres 39/2019 wants both set by the first month of the year; <see cref="SetInTime"/> says whether they were.
/// </summary>
public sealed class DataPriority : IRecord<DataPriority>
{
    public static RecordNoun Noun { get; } = new("data prioritas", "data priority list");

    public Guid Id { get; set; }
    public int Year { get; set; }
    public DateOnly SetOn { get; set; }
    public List<Guid> Datasets { get; set; } = [];
    public List<ActionPlanItem> RencanaAksi { get; set; } = [];
    public string? Note { get; set; }

    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }

    /// <summary>Set by the end of January of its year.</summary>
    public bool SetInTime => SetOn <= new DateOnly(Year, 1, 31);

    public bool ReadableBy(Caller caller) => true;

    /// <summary>The walidata (and Diskominfo) sets it.</summary>
    public bool WritableBy(Caller caller) => caller.WritesEveryOpd;
}

public sealed record ActionPlanRequest(string? Action, string? Opd, DateOnly? DueOn);

public sealed record DataPriorityRequest(int? Year, DateOnly? SetOn, IReadOnlyList<Guid>? Datasets, IReadOnlyList<ActionPlanRequest?>? RencanaAksi = null, string? Note = null);

public sealed record DataPrioritySet(int Year) : RecordEvent<DataPriority>
{
    public override HistoryLine Describe() => new($"data prioritas {Year} ditetapkan / set");
}

public sealed record DataPriorityRevised : RecordEvent<DataPriority>
{
    public override HistoryLine Describe() => new($"diubah / revised: {string.Join(", ", Changes.Keys)}");
}

/// <summary>The data prioritas rules, free of I/O.</summary>
public static class DataPriorityDecider
{
    public static FieldErrors Validate(DataPriorityRequest r, DateOnly today)
    {
        var errors = new FieldErrors()
            .Range("year", r.Year, 2019, today.Year + 1)
            .When(r.SetOn is null, "setOn", "wajib diisi / is required")
            .PastDate("setOn", r.SetOn, today)
            .MaxLength("note", r.Note, 2000);
        if (r.Datasets is null || r.Datasets.Count == 0) errors.Add("datasets", "sekurang-kurangnya satu dataset / at least one dataset");
        else if (!errors.Count("datasets", r.Datasets, 500) && r.Datasets.Any(id => id == Guid.Empty)) errors.Add("datasets", "id kosong / an empty id");
        if (r.SetOn is { } on && r.Year is { } year && on.Year > year)
            errors.Add("setOn", $"harus pada atau sebelum tahun {year} / must be in or before {year}");
        if (!errors.Count("rencanaAksi", r.RencanaAksi) && r.RencanaAksi is not null)
        {
            for (var i = 0; i < r.RencanaAksi.Count; i++)
            {
                if (r.RencanaAksi[i] is not { } a)
                {
                    errors.Add($"rencanaAksi[{i}]", "wajib diisi / is required");
                    continue;
                }
                errors.Required($"rencanaAksi[{i}].action", a.Action, 500).Opd($"rencanaAksi[{i}].opd", a.Opd)
                    .When(a.DueOn is null, $"rencanaAksi[{i}].dueOn", "wajib diisi / is required")
                    .PlannedDate($"rencanaAksi[{i}].dueOn", a.DueOn, today);
            }
        }
        return errors;
    }

    public static Decision<DataPriority> Set(Guid id, DataPriorityRequest r, DateOnly today) =>
        Validate(r, today) is { Any: true } errors ? errors : Decision.Accept(Fill(new DataPriority { Id = id }, r), new DataPrioritySet(r.Year!.Value));

    public static Decision<DataPriority> Revise(DataPriority current, DataPriorityRequest r, DateOnly today)
    {
        if (Validate(r, today) is { Any: true } errors) return errors;
        if (r.Year != current.Year)
            return new FieldErrors().Add("year", $"tahun tidak dapat diubah (tetap {current.Year}) / the year cannot change (it is {current.Year})");
        return Decision.Accept(Fill(new DataPriority { Id = current.Id }, r), new DataPriorityRevised());
    }

    private static DataPriority Fill(DataPriority p, DataPriorityRequest r)
    {
        p.Year = r.Year!.Value;
        p.SetOn = r.SetOn!.Value;
        p.Datasets = [.. r.Datasets!.Distinct()];
        p.RencanaAksi = [.. (r.RencanaAksi ?? []).Select(a => new ActionPlanItem(a!.Action!.Trim(), a.Opd!, a.DueOn!.Value))];
        p.Note = r.Note;
        return p;
    }
}
