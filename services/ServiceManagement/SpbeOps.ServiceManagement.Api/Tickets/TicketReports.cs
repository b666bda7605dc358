using MiniExcelLibs;

namespace SpbeOps.ServiceManagement.Api.Tickets;

/// <summary>One row of the SLA report: the tickets of one service and OPD raised in the period.</summary>
public sealed record SlaReportRow(Guid? ServiceId, string? Service, string Opd, int Tickets, int Handled, int TtoMet, int TtrMet, int Breached, double? TtrMetShare);

public sealed record SlaReport(DateOnly From, DateOnly To, IReadOnlyList<SlaReportRow> Rows, int Tickets, int Breached);

/// <summary>The service desk's reports: the SLA report per service and OPD, and the ticket list as XLSX with SLA figures.</summary>
public static class TicketReports
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const int ReportLimit = 50_000;

    public static async Task<Results<Ok<SlaReport>, ValidationProblem>> SlaReport(
        Caller caller, IQuerySession session, TimeProvider clock, DateOnly? from, DateOnly? to, string? opd, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var (start, end) = (from ?? today.AddDays(-30), to ?? today);
        var errors = new FieldErrors().Opd("opd", opd, required: false).PastDate("from", start, today.AddDays(1)).PastDate("to", end, today.AddDays(1))
            .When(end < start, "to", "harus pada atau setelah from / must be on or after from");
        if (errors.Any) return errors.ToProblem();
        var (lo, hi) = (new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        var tickets = await TicketsApi.Filtered(session, caller, opd, null, null, null)
            .Where(t => t.CreatedAt >= lo && t.CreatedAt < hi).Take(ReportLimit).ToListAsync(ct);
        var serviceIds = tickets.Where(t => t.ServiceId is not null).Select(t => t.ServiceId!.Value).Distinct().ToArray();
        var names = serviceIds.Length == 0 ? [] : (await session.LoadManyAsync<ServiceEntry>(ct, serviceIds)).ToDictionary(s => s.Id, s => s.Name);
        var rows = tickets.GroupBy(t => (t.ServiceId, t.Opd)).Select(g =>
        {
            var handled = g.Count(t => t.Handled);
            var ttrMet = g.Count(t => t.Handled && !t.TtrBreached);
            return new SlaReportRow(g.Key.ServiceId, g.Key.ServiceId is { } id ? names.GetValueOrDefault(id) : null, g.Key.Opd, g.Count(), handled,
                g.Count(t => t.OwnedAt is not null && !t.TtoBreached), ttrMet, g.Count(t => t.TtoBreached || t.TtrBreached),
                handled == 0 ? null : Math.Round(ttrMet / (double)handled, 4));
        }).OrderBy(r => r.Opd).ThenBy(r => r.Service).ToList();
        return TypedResults.Ok(new SlaReport(start, end, rows, tickets.Count, tickets.Count(t => t.TtoBreached || t.TtrBreached)));
    }

    public static async Task<Results<EmptyHttpResult, ValidationProblem>> Export(
        HttpContext http, Caller caller, IQuerySession session, TimeProvider clock, string? opd, string? status, string? kind, string? priority, CancellationToken ct)
    {
        if (TicketsApi.Filters(opd, status, kind, priority) is { Any: true } errors) return errors.ToProblem();
        var settings = await SettingsApi.LoadAsync(session, ct);
        var now = clock.GetUtcNow();
        var tickets = TicketsApi.Filtered(session, caller, opd, status, kind, priority).OrderByDescending(t => t.CreatedAt).ToAsyncEnumerable(ct);
        await Downloads.SendAsync(http.Response, ContentType, $"tiket-{now:yyyy-MM-dd}.xlsx",
            (file, token) => file.SaveAsAsync(Rows(tickets, settings.Calendar, now, token), sheetName: "Tiket", cancellationToken: token), ct);
        return TypedResults.Empty;
    }

    private static async IAsyncEnumerable<Dictionary<string, object?>> Rows(
        IAsyncEnumerable<Ticket> tickets, SlaCalendar calendar, DateTimeOffset now, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var any = false;
        await foreach (var t in tickets.WithCancellation(ct))
        {
            any = true;
            var sla = t.Sla(calendar, now);
            yield return new()
            {
                ["ID"] = t.Id.ToString(), ["Perangkat Daerah"] = t.Opd, ["Jenis"] = t.Kind, ["Judul"] = t.Title, ["Prioritas"] = t.Priority,
                ["Status"] = t.Status, ["Ditugaskan ke"] = t.AssignedOpd, ["Dibuat"] = t.CreatedAt.ToString("yyyy-MM-dd HH:mm"),
                ["Target TTO (menit kerja)"] = sla.TtoTargetMinutes, ["TTO (menit kerja)"] = sla.TtoElapsedMinutes, ["TTO Terlampaui"] = sla.TtoBreached ? "ya" : "tidak",
                ["Target TTR (menit kerja)"] = sla.TtrTargetMinutes, ["TTR (menit kerja)"] = sla.TtrElapsedMinutes, ["TTR Terlampaui"] = sla.TtrBreached ? "ya" : "tidak",
                ["Kepuasan"] = t.Satisfaction,
            };
        }
        if (!any) yield return new() { ["ID"] = null, ["Perangkat Daerah"] = null, ["Judul"] = null, ["Status"] = null };
    }
}
