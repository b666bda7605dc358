using SpbeOps.ServiceManagement.Api.Sla;

namespace SpbeOps.ServiceManagement.Tests.Unit;

/// <summary>Business hours 08:00–16:00 WIB (UTC+7), Monday to Friday, with holidays as data.</summary>
public class SlaClockTests
{
    private static readonly SlaCalendar Calendar = SlaCalendar.Default with { Holidays = [new DateOnly(2026, 12, 25)] };

    /// <summary>A local (WIB) instant.</summary>
    private static DateTimeOffset Wib(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    [Fact]
    public void Counts_only_the_working_hours_of_working_days()
    {
        // Friday 15:00 → Monday 09:00: one hour on Friday, one on Monday.
        Assert.Equal(120, Calendar.MinutesBetween(Wib(11, 27, 15), Wib(11, 30, 9)));
        // Before opening and after closing count nothing.
        Assert.Equal(0, Calendar.MinutesBetween(Wib(11, 30, 6), Wib(11, 30, 8)));
        Assert.Equal(480, Calendar.MinutesBetween(Wib(11, 30, 0), Wib(11, 30, 23, 59)));
    }

    [Fact]
    public void Holidays_are_not_working_days()
    {
        // Thursday 24 Dec 15:00 → Monday 28 Dec 09:00: Christmas (Friday) is a holiday.
        Assert.Equal(120, Calendar.MinutesBetween(Wib(12, 24, 15), Wib(12, 28, 9)));
        Assert.Equal(Wib(12, 28, 8, 30), Calendar.AddMinutes(Wib(12, 24, 15, 30), 60));
    }

    [Fact]
    public void Adding_minutes_skips_nights_weekends_and_lands_on_the_exact_minute()
    {
        Assert.Equal(Wib(11, 30, 9), Calendar.AddMinutes(Wib(11, 30, 8), 60));
        Assert.Equal(Wib(11, 27, 16), Calendar.AddMinutes(Wib(11, 27, 15), 60));
        Assert.Equal(Wib(11, 30, 8, 1), Calendar.AddMinutes(Wib(11, 27, 15), 61));
        // Raised on Saturday: the clock starts on Monday morning.
        Assert.Equal(Wib(11, 30, 8, 30), Calendar.AddMinutes(Wib(11, 28, 10), 30));
    }

    [Fact]
    public void The_ttr_clock_does_not_count_its_pauses()
    {
        Pause[] pauses = [new(Wib(11, 30, 9), Wib(11, 30, 11), "menunggu-pengguna")];
        var seconds = SlaClock.TtrSeconds(Calendar, Wib(11, 30, 8), Wib(11, 30, 12), pauses, Wib(11, 30, 12));
        Assert.Equal(120 * 60, seconds);
        // An open pause stops the clock now and has no due instant.
        Pause[] open = [new(Wib(11, 30, 9), null, "menunggu-pengguna")];
        Assert.Equal(60 * 60, SlaClock.TtrSeconds(Calendar, Wib(11, 30, 8), null, open, Wib(11, 30, 15)));
        Assert.Null(SlaClock.TtrDue(Calendar, Wib(11, 30, 8), null, open, 240, Wib(11, 30, 15)));
        // Resumed at 11:00 with 60 of 240 minutes spent: due at 14:00.
        Assert.Equal(Wib(11, 30, 14), SlaClock.TtrDue(Calendar, Wib(11, 30, 8), null, pauses, 240, Wib(11, 30, 11)));
    }
}
