namespace SpbeOps.ServiceManagement.Api.Sla;

/// <summary>A stretch of time the TTR clock does not count: waiting for the user, or resolved until reopened.</summary>
public sealed record Pause(DateTimeOffset From, DateTimeOffset? To, string Reason);

/// <summary>A ticket's SLA figures at one instant, in business minutes of the instansi's calendar.</summary>
public sealed record SlaFigures(
    int TtoTargetMinutes, long TtoElapsedMinutes, DateTimeOffset? TtoDueAt, bool TtoBreached,
    int TtrTargetMinutes, long TtrElapsedMinutes, DateTimeOffset? TtrDueAt, bool TtrBreached, bool Paused);

/// <summary>
/// The SLA clocks of a ticket, computed from what its events recorded (created, owned, paused, resolved), free of
/// I/O: the TTO clock runs from creation to ownership, the TTR clock from creation to resolution without its pauses.
/// </summary>
public static class SlaClock
{
    public static double TtoSeconds(SlaCalendar calendar, DateTimeOffset created, DateTimeOffset? owned, DateTimeOffset now) =>
        calendar.SecondsBetween(created, owned ?? now);

    public static double TtrSeconds(SlaCalendar calendar, DateTimeOffset created, DateTimeOffset? resolved, IEnumerable<Pause> pauses, DateTimeOffset now)
    {
        var end = resolved ?? now;
        var paused = pauses.Sum(p => calendar.SecondsBetween(p.From, Min(p.To ?? end, end)));
        return Math.Max(0, calendar.SecondsBetween(created, end) - paused);
    }

    /// <summary>When the TTO clock runs out (null once owned).</summary>
    public static DateTimeOffset? TtoDue(SlaCalendar calendar, DateTimeOffset created, DateTimeOffset? owned, int targetMinutes) =>
        owned is null ? calendar.AddMinutes(created, targetMinutes) : null;

    /// <summary>When the TTR clock runs out if it keeps running from <paramref name="now"/> (null while paused or once resolved).</summary>
    public static DateTimeOffset? TtrDue(
        SlaCalendar calendar, DateTimeOffset created, DateTimeOffset? resolved, IReadOnlyList<Pause> pauses, int targetMinutes, DateTimeOffset now)
    {
        if (resolved is not null || pauses.Any(p => p.To is null)) return null;
        var left = targetMinutes * 60.0 - TtrSeconds(calendar, created, null, pauses, now);
        return left <= 0 ? now : calendar.AddSeconds(now, left);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
