namespace SpbeOps.ServiceManagement.Api.Sla;

/// <summary>
/// The instansi's working calendar: working days, the hours of the service desk in local time (WIB is UTC+7), and
/// the public holidays (libur nasional, cuti bersama) as data the instansi edits. SLA clocks count only its minutes.
/// </summary>
public sealed record SlaCalendar(int UtcOffsetHours, TimeOnly Opens, TimeOnly Closes, IReadOnlyList<DayOfWeek> WorkDays, IReadOnlyList<DateOnly> Holidays)
{
    public static SlaCalendar Default { get; } = new(7, new TimeOnly(8, 0), new TimeOnly(16, 0),
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], []);

    private TimeSpan Offset => TimeSpan.FromHours(UtcOffsetHours);

    public bool IsWorkDay(DateOnly day) => WorkDays.Contains(day.DayOfWeek) && !Holidays.Contains(day);

    /// <summary>The working window of a local day, as instants.</summary>
    private (DateTimeOffset From, DateTimeOffset To) Window(DateOnly day) =>
        (new DateTimeOffset(day.ToDateTime(Opens), Offset), new DateTimeOffset(day.ToDateTime(Closes), Offset));

    private DateOnly LocalDay(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    /// <summary>Business minutes between two instants (0 when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public long MinutesBetween(DateTimeOffset from, DateTimeOffset to) => (long)Math.Floor(SecondsBetween(from, to) / 60);

    /// <summary>Business seconds between two instants (0 when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public double SecondsBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return 0;
        var seconds = 0.0;
        for (var day = LocalDay(from); day <= LocalDay(to); day = day.AddDays(1))
        {
            if (!IsWorkDay(day)) continue;
            var (open, close) = Window(day);
            var start = from > open ? from : open;
            var end = to < close ? to : close;
            if (end > start) seconds += (end - start).TotalSeconds;
        }
        return seconds;
    }

    /// <summary>The instant at which <paramref name="minutes"/> business minutes have passed since <paramref name="from"/>.</summary>
    public DateTimeOffset AddMinutes(DateTimeOffset from, long minutes) => AddSeconds(from, minutes * 60.0);

    /// <summary>The instant at which <paramref name="seconds"/> business seconds have passed since <paramref name="from"/>.</summary>
    public DateTimeOffset AddSeconds(DateTimeOffset from, double seconds)
    {
        var left = TimeSpan.FromSeconds(Math.Max(0, seconds));
        var day = LocalDay(from);
        for (var guard = 0; guard < 366 * 20; guard++, day = day.AddDays(1))
        {
            if (!IsWorkDay(day)) continue;
            var (open, close) = Window(day);
            var start = from > open ? from : open;
            if (start >= close) continue;
            if (close - start >= left) return start + left;
            left -= close - start;
        }
        return DateTimeOffset.MaxValue;
    }
}

/// <summary>The SLA target of one priority, in business minutes: time to own (TTO) and time to resolve (TTR).</summary>
public sealed record SlaTarget(string Priority, int TtoMinutes, int TtrMinutes);

/// <summary>One cell of the impact × urgency matrix.</summary>
public sealed record PriorityRule(string Impact, string Urgency, string Priority);
