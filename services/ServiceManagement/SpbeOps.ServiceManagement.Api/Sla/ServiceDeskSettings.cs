namespace SpbeOps.ServiceManagement.Api.Sla;

/// <summary>
/// The instansi's service-desk settings, one record per instansi: the working calendar with its holidays, the
/// impact × urgency priority matrix, the default SLA targets and the reopen window. Diskominfo edits them; every
/// role reads them. Until Diskominfo saves them, <see cref="Defaults"/> apply.
/// </summary>
public sealed class ServiceDeskSettings : IRecord<ServiceDeskSettings>
{
    public static RecordNoun Noun { get; } = new("pengaturan layanan", "service-desk settings");

    /// <summary>The one id of the settings record of every instansi (each instansi has its own copy).</summary>
    public static readonly Guid SettingsId = new("5e7d0000-0000-4000-8000-000000000028");

    public Guid Id { get; set; } = SettingsId;
    public SlaCalendar Calendar { get; set; } = SlaCalendar.Default;
    public List<PriorityRule> PriorityMatrix { get; set; } = [.. ServiceDeskVocabulary.DefaultMatrix];
    public List<SlaTarget> DefaultTargets { get; set; } = [.. ServiceDeskVocabulary.DefaultTargets];
    public int ReopenWindowDays { get; set; } = 7;

    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }

    public static ServiceDeskSettings Defaults => new();

    public string PriorityOf(string impact, string urgency) =>
        PriorityMatrix.FirstOrDefault(r => r.Impact == impact && r.Urgency == urgency)?.Priority ?? ServiceDeskVocabulary.Sedang;

    public bool ReadableBy(Caller caller) => true;

    public bool WritableBy(Caller caller) => caller.IsAdmin;
}

public sealed record CalendarRequest(int? UtcOffsetHours, TimeOnly? Opens, TimeOnly? Closes, IReadOnlyList<DayOfWeek>? WorkDays, IReadOnlyList<DateOnly>? Holidays);

public sealed record SettingsRequest(CalendarRequest? Calendar, IReadOnlyList<PriorityRule?>? PriorityMatrix, IReadOnlyList<SlaTarget?>? DefaultTargets, int? ReopenWindowDays);

public sealed record SettingsSaved : RecordEvent<ServiceDeskSettings>
{
    public override HistoryLine Describe() => new($"pengaturan disimpan / settings saved: {string.Join(", ", Changes.Keys)}");
}

/// <summary>The settings' rules, free of I/O.</summary>
public static class SettingsDecider
{
    public static Decision<ServiceDeskSettings> Save(ServiceDeskSettings? current, SettingsRequest r)
    {
        var errors = new FieldErrors().Range("reopenWindowDays", r.ReopenWindowDays, 0, 90, required: false);
        var c = r.Calendar;
        if (c is not null)
        {
            errors.Range("calendar.utcOffsetHours", c.UtcOffsetHours, -12, 14, required: false);
            if (c.Opens is { } o && c.Closes is { } cl && cl <= o) errors.Add("calendar.closes", "harus setelah jam buka / must be after opening time");
            if (c.WorkDays is { Count: 0 }) errors.Add("calendar.workDays", "sekurang-kurangnya satu hari kerja / at least one working day");
            else if (!errors.Count("calendar.workDays", c.WorkDays, 7) && c.WorkDays is not null && c.WorkDays.Any(d => !Enum.IsDefined(d)))
                errors.Add("calendar.workDays", "hari 0 (Minggu) sampai 6 (Sabtu) / days 0 (Sunday) to 6 (Saturday)");
            if (!errors.Count("calendar.holidays", c.Holidays, 400) && c.Holidays is not null)
                for (var i = 0; i < c.Holidays.Count; i++)
                    if (c.Holidays[i] < FieldErrors.EarliestDate || c.Holidays[i].Year > 2100) errors.Add($"calendar.holidays[{i}]", "tanggal tidak wajar / date out of range");
        }
        if (!errors.Count("priorityMatrix", r.PriorityMatrix, 9) && r.PriorityMatrix is not null)
            for (var i = 0; i < r.PriorityMatrix.Count; i++)
            {
                if (r.PriorityMatrix[i] is not { } p) { errors.Add($"priorityMatrix[{i}]", "wajib diisi / is required"); continue; }
                errors.OneOf($"priorityMatrix[{i}].impact", p.Impact, ServiceDeskVocabulary.Levels)
                    .OneOf($"priorityMatrix[{i}].urgency", p.Urgency, ServiceDeskVocabulary.Levels)
                    .OneOf($"priorityMatrix[{i}].priority", p.Priority, ServiceDeskVocabulary.Priorities);
            }
        ValidateTargets(errors, "defaultTargets", r.DefaultTargets);
        if (errors.Any) return errors;

        var next = new ServiceDeskSettings
        {
            Calendar = c is null ? current?.Calendar ?? SlaCalendar.Default : new SlaCalendar(
                c.UtcOffsetHours ?? 7, c.Opens ?? new TimeOnly(8, 0), c.Closes ?? new TimeOnly(16, 0),
                [.. (c.WorkDays ?? SlaCalendar.Default.WorkDays).Distinct()], [.. (c.Holidays ?? []).Distinct().Order()]),
            PriorityMatrix = r.PriorityMatrix is null ? current?.PriorityMatrix ?? [.. ServiceDeskVocabulary.DefaultMatrix] : [.. r.PriorityMatrix.OfType<PriorityRule>()],
            DefaultTargets = r.DefaultTargets is null ? current?.DefaultTargets ?? [.. ServiceDeskVocabulary.DefaultTargets] : [.. r.DefaultTargets.OfType<SlaTarget>()],
            ReopenWindowDays = r.ReopenWindowDays ?? current?.ReopenWindowDays ?? 7,
        };
        return Decision.Accept(next, new SettingsSaved());
    }

    public static void ValidateTargets(FieldErrors errors, string field, IReadOnlyList<SlaTarget?>? targets)
    {
        if (errors.Count(field, targets, 4) || targets is null) return;
        for (var i = 0; i < targets.Count; i++)
        {
            if (targets[i] is not { } t) { errors.Add($"{field}[{i}]", "wajib diisi / is required"); continue; }
            errors.OneOf($"{field}[{i}].priority", t.Priority, ServiceDeskVocabulary.Priorities)
                .Range($"{field}[{i}].ttoMinutes", t.TtoMinutes, 1, 100_000)
                .Range($"{field}[{i}].ttrMinutes", t.TtrMinutes, 1, 1_000_000);
            if (t.TtrMinutes < t.TtoMinutes) errors.Add($"{field}[{i}].ttrMinutes", "tidak boleh kurang dari TTO / must not be less than the TTO");
        }
        if (targets.OfType<SlaTarget>().GroupBy(t => t.Priority).Any(g => g.Count() > 1)) errors.Add(field, "prioritas ganda / a priority twice");
    }
}
