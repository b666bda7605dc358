namespace SpbeOps.Security.Api.Incidents;

/// <summary>
/// Security incidents. An OPD operator reports and follows its own OPD's (another OPD's is 404, lists are scoped); the
/// CSIRT (security officer, Diskominfo) triages, handles, recovers, closes and escalates; the auditor reads.
/// </summary>
public static class IncidentsApi
{
    public const string Route = "/api/security/incidents";

    public static RouteGroupBuilder MapIncidentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapSecurityGroup(Route, "Incidents");
        api.MapGet("/", List).WithName("ListSecurityIncidents")
            .WithSummary("Register insiden / The incident register (?opd=&severity=&status=&from=&to=&overdue=)");
        api.MapGet("/summary", Summary).WithName("SummariseSecurityIncidents")
            .WithSummary("Ringkasan per perangkat daerah / Per OPD: open, overdue, mean time to recover (?from=&to=)");
        api.MapRecordReads<SecurityIncident>("SecurityIncident");
        api.MapGet("/{id:guid}/timeline", async (Guid id, Caller caller, IQuerySession session, CancellationToken ct) =>
                await session.LoadReadableAsync<SecurityIncident>(id, caller, ct) is { } incident
                    ? (Results<Ok<List<TimelineEntry>>, ProblemHttpResult>)TypedResults.Ok(incident.Timeline)
                    : RecordWriter.NotFound<SecurityIncident>(id))
            .WithName("GetSecurityIncidentTimeline").WithSummary("Kronologi insiden / The incident's timeline");
        api.MapPost("/", Report).WithName("ReportSecurityIncident").WithSummary("Laporkan insiden / Report an incident");
        api.MapPut("/{id:guid}", Correct).WithName("CorrectSecurityIncident").WithSummary("Koreksi laporan insiden / Correct an incident report");
        api.MapPost("/{id:guid}/steps", (Guid id, IncidentStepRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<SecurityIncident>(id, current =>
                    IncidentDecider.Step(current, request, records.Caller.Actor, records.Now, records.Caller.WritesEveryOpd), ct))
            .WithName("StepSecurityIncident").WithSummary("Langkah berikutnya (ditriase, ditangani, dipulihkan, ditutup) / The next step");
        api.MapPost("/{id:guid}/timeline", (Guid id, TimelineRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<SecurityIncident>(id, current => IncidentDecider.Note(current, request, records.Caller.Actor, records.Now), ct))
            .WithName("NoteSecurityIncident").WithSummary("Tambah catatan kronologi / Add a timeline entry");
        api.MapPost("/{id:guid}/escalation", (Guid id, EscalationRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<SecurityIncident>(id, current => records.Caller.WritesEveryOpd
                    ? IncidentDecider.Escalate(current, request, records.Caller.Actor, records.Now)
                    : new Rejection.Forbidden("Eskalasi dilakukan oleh CSIRT / Escalation is the CSIRT's."), ct))
            .WithName("EscalateSecurityIncident").WithSummary("Eskalasi ke CSIRT instansi atau BSSN / Escalate to the CSIRT or BSSN");
        return api;
    }

    public static async Task<Results<Ok<IncidentPage>, ValidationProblem>> List(
        Caller caller, IQuerySession session, TimeProvider clock, string? opd, string? severity, string? status, DateOnly? from, DateOnly? to,
        bool? overdue, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = Filters(opd, from, to)
            .OneOf("severity", severity, SecurityVocabulary.Severities, required: false)
            .OneOf("status", status, IncidentDecider.Flow, required: false)
            .Range("page", page, 1, 1_000_000, required: false)
            .Range("pageSize", pageSize, 1, 500, required: false);
        if (errors.Any) return errors.ToProblem();

        var now = clock.GetUtcNow();
        var query = Scoped(caller, session, opd, from, to);
        if (severity is not null) query = query.Where(i => i.Severity == severity);
        if (status is not null) query = query.Where(i => i.Status == status);
        if (overdue is true)
            query = query.Where(i => (i.Status == IncidentDecider.Reported && i.TriageDueAt < now)
                || (i.Status != IncidentDecider.Recovered && i.Status != IncidentDecider.Closed && i.RecoveryDueAt < now));
        var (number, size) = (page ?? 1, pageSize ?? 100);
        var paged = await ListPaging.PageAsync(query, query.OrderByDescending(i => i.ReportedAt), number, size, ct);
        return TypedResults.Ok(new IncidentPage(paged.Items, number, size, paged.Total, paged.TotalExact, paged.HasMore));
    }

    /// <summary>One row per OPD with incidents in the period (reported between from and to, default the current year).</summary>
    public static async Task<Results<Ok<IReadOnlyList<IncidentSummary>>, ValidationProblem>> Summary(
        Caller caller, IQuerySession session, TimeProvider clock, string? opd, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var errors = Filters(opd, from, to);
        if (errors.Any) return errors.ToProblem();
        var now = clock.GetUtcNow();
        from ??= new DateOnly(now.Year, 1, 1);
        var rows = await Scoped(caller, session, opd, from, to)
            .Select(i => new { i.Opd, i.Status, i.TriageDueAt, i.RecoveryDueAt, i.HoursToRecover })
            .ToListAsync(ct);
        var summary = rows.GroupBy(r => r.Opd).OrderBy(g => g.Key).Select(g =>
        {
            var open = g.Where(r => r.Status is not (IncidentDecider.Recovered or IncidentDecider.Closed)).ToList();
            var overdue = open.Count(r => (r.Status == IncidentDecider.Reported && r.TriageDueAt < now) || r.RecoveryDueAt < now);
            var recovered = g.Where(r => r.HoursToRecover is not null).Select(r => r.HoursToRecover!.Value).ToList();
            return new IncidentSummary(g.Key, g.Count(), open.Count, overdue, recovered.Count == 0 ? null : Math.Round(recovered.Average(), 2));
        }).ToList();
        return TypedResults.Ok<IReadOnlyList<IncidentSummary>>(summary);
    }

    private static FieldErrors Filters(string? opd, DateOnly? from, DateOnly? to) => new FieldErrors()
        .Opd("opd", opd, required: false)
        .Date("from", from, DateOnly.MaxValue, DateOnly.MaxValue)
        .Date("to", to, DateOnly.MaxValue, DateOnly.MaxValue)
        .When(from > to, "to", "tidak boleh sebelum from / must not be before from");

    private static IQueryable<SecurityIncident> Scoped(Caller caller, IQuerySession session, string? opd, DateOnly? from, DateOnly? to)
    {
        var query = session.Query<SecurityIncident>().AsQueryable();
        if (caller.ScopeFilter(opd) is { } scope) query = query.Where(i => i.Opd == scope);
        if (from is { } f)
        {
            var start = new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(i => i.ReportedAt >= start);
        }
        if (to is { } t)
        {
            var end = new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(i => i.ReportedAt < end);
        }
        return query;
    }

    public static async Task<Results<Created<SecurityIncident>, ValidationProblem, ProblemHttpResult>> Report(
        IncidentRequest request, RecordWriter records, CancellationToken ct)
    {
        var errors = IncidentDecider.Validate(request, records.Now);
        if (errors.Any) return errors.ToProblem();
        Decision<SecurityIncident> decision = records.RefusesOpd<SecurityIncident>(request.Opd!) is { } forbidden ? forbidden
            : await KnownRecords.UnknownAsset(records.Session, request.AffectedAssetIds, "affectedAssetIds", ct) is { } unknown ? unknown
            : IncidentDecider.Report(Guid.CreateVersion7(), request, records.Caller.Actor, records.Now);
        return await records.CreateAsync(decision, Route, ct);
    }

    public static Task<Results<Ok<SecurityIncident>, ValidationProblem, ProblemHttpResult>> Correct(
        Guid id, IncidentRequest request, RecordWriter records, CancellationToken ct) =>
        records.ChangeAsync<SecurityIncident>(id, async current =>
            await KnownRecords.UnknownAsset(records.Session, request.AffectedAssetIds, "affectedAssetIds", ct) is { } unknown
                ? unknown
                : IncidentDecider.Correct(current, request with { Opd = request.Opd ?? current.Opd }, records.Caller.Actor, records.Now), ct);
}
