namespace SpbeOps.ServiceManagement.Api.Tickets;

public sealed record TicketPage(IReadOnlyList<Ticket> Items, int Page, int PageSize, long Total, bool TotalExact, bool HasMore);

/// <summary>
/// The service desk. An OPD operator raises tickets for its own OPD and works the tickets assigned to its OPD;
/// Diskominfo (the service desk of the instansi) works every ticket; the security officer and the auditor read.
/// </summary>
public static class TicketsApi
{
    public const string Route = "/api/tickets";

    public static RouteGroupBuilder MapTicketsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapRecordGroup(Route, "Tickets");
        api.MapGet("/", List).WithName("ListTickets")
            .WithSummary("Daftar tiket dengan filter dan halaman / Tickets, filtered and paged (?opd=&status=&reached=&kind=&priority=&serviceId=&breached=)");
        api.MapGet("/export", TicketReports.Export).WithName("ExportTickets")
            .Produces(StatusCodes.Status200OK, contentType: TicketReports.ContentType)
            .WithSummary("Unduh tiket dengan angka SLA (XLSX) / Download tickets with their SLA figures (XLSX)");
        api.MapGet("/sla-report", TicketReports.SlaReport).WithName("GetSlaReport")
            .WithSummary("Laporan SLA per layanan dan OPD untuk satu periode / SLA report per service and OPD for a period (?from=&to=&opd=)");
        api.MapRecordReads<Ticket>("Ticket");
        api.MapGet("/{id:guid}/sla", Sla).WithName("GetTicketSla").WithSummary("Jam SLA tiket saat ini / The ticket's SLA clocks now");
        api.MapPost("/", Open).WithName("OpenTicket").WithSummary("Buka tiket / Open a ticket");
        api.MapPost("/{id:guid}/assignment", async (Guid id, AssignmentRequest request, RecordWriter records, CancellationToken ct) =>
            {
                var settings = await SettingsApi.LoadAsync(records.Session, ct);
                return await records.ChangeAsync<Ticket>(id, t => TicketDecider.Assign(t, request, settings.Calendar, records.Caller.Actor, records.Now), ct);
            })
            .WithName("AssignTicket").WithSummary("Tugaskan ke OPD/tim / Assign to an OPD or team");
        api.MapPost("/{id:guid}/status", async (Guid id, StatusRequest request, RecordWriter records, CancellationToken ct) =>
            {
                var settings = await SettingsApi.LoadAsync(records.Session, ct);
                return await records.ChangeAsync<Ticket>(id, t => TicketDecider.Move(t, request, settings.Calendar, records.Caller.Actor, records.Now), ct);
            })
            .WithName("MoveTicket").WithSummary("Langkah status: dikerjakan, menunggu-pengguna, selesai, ditutup / A status step");
        api.MapPost("/{id:guid}/reopen", async (Guid id, ReopenRequest request, RecordWriter records, CancellationToken ct) =>
            {
                var settings = await SettingsApi.LoadAsync(records.Session, ct);
                return await records.ChangeAsync<Ticket>(id, t => TicketDecider.Reopen(t, request, settings, records.Caller.Actor, records.Now), ct);
            })
            .WithName("ReopenTicket").WithSummary("Buka kembali dalam jangka waktu / Reopen within the window");
        api.MapPost("/{id:guid}/comments", (Guid id, CommentRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<Ticket>(id, t => TicketDecider.Comment(t, request, records.Caller.Actor, records.Now), ct))
            .WithName("CommentTicket").WithSummary("Tambah komentar / Add a comment");
        api.MapPost("/{id:guid}/change-request", RouteToChange).WithName("RouteTicketToChange")
            .WithSummary("Ajukan permintaan perubahan dari tiket perubahan, tertaut / Submit a change request from a change ticket, linked");
        api.MapPost("/{id:guid}/links", Link).WithName("LinkTicket")
            .WithSummary("Tautkan insiden (masalah), artikel pengetahuan, permintaan perubahan / Link incidents, a knowledge article, a change request");
        return api;
    }

    public static async Task<Results<Ok<TicketPage>, ValidationProblem>> List(
        Caller caller, IQuerySession session, string? opd, string? status, string? reached, string? kind, string? priority, Guid? serviceId, bool? breached,
        int? page, int? pageSize, CancellationToken ct)
    {
        var errors = Filters(opd, status, kind, priority)
            .OneOf("reached", reached, [.. ServiceDeskVocabulary.TicketStatuses.Skip(1).Where(s => s != ServiceDeskVocabulary.MenungguPengguna)], required: false)
            .Range("page", page, 1, 1_000_000, required: false)
            .Range("pageSize", pageSize, 1, 200, required: false);
        if (errors.Any) return errors.ToProblem();
        var query = Filtered(session, caller, opd, status, kind, priority, serviceId, breached);
        if (reached is not null)
        {
            // At or past a step of the flow (menunggu pengguna sits between dikerjakan and selesai).
            var past = ServiceDeskVocabulary.TicketStatuses.SkipWhile(s => s != reached).ToArray();
            query = query.Where(t => past.Contains(t.Status));
        }
        var (number, size) = (page ?? 1, pageSize ?? 50);
        var result = await ListPaging.PageAsync(query, query.OrderByDescending(t => t.CreatedAt), number, size, ct);
        return TypedResults.Ok(new TicketPage(result.Items, number, size, result.Total, result.TotalExact, result.HasMore));
    }

    public static FieldErrors Filters(string? opd, string? status, string? kind, string? priority) => new FieldErrors()
        .Opd("opd", opd, required: false)
        .OneOf("status", status, ServiceDeskVocabulary.TicketStatuses, required: false)
        .OneOf("kind", kind, ServiceDeskVocabulary.TicketKinds, required: false)
        .OneOf("priority", priority, ServiceDeskVocabulary.Priorities, required: false);

    /// <summary>An operator sees the tickets its OPD raised and those assigned to it.</summary>
    public static IQueryable<Ticket> Filtered(
        IQuerySession session, Caller caller, string? opd, string? status, string? kind, string? priority, Guid? serviceId = null, bool? breached = null)
    {
        var query = session.Query<Ticket>().AsQueryable();
        if (caller.IsOpdOperator)
        {
            var own = caller.Opd ?? "";
            query = query.Where(t => t.Opd == own || t.AssignedOpd == own);
        }
        if (opd is not null) query = query.Where(t => t.Opd == opd || t.AssignedOpd == opd);
        if (status is not null) query = query.Where(t => t.Status == status);
        if (kind is not null) query = query.Where(t => t.Kind == kind);
        if (priority is not null) query = query.Where(t => t.Priority == priority);
        if (serviceId is { } service) query = query.Where(t => t.ServiceId == service);
        if (breached is true) query = query.Where(t => t.TtoBreached || t.TtrBreached);
        if (breached is false) query = query.Where(t => !t.TtoBreached && !t.TtrBreached);
        return query;
    }

    public static async Task<Results<Ok<SlaFigures>, ProblemHttpResult>> Sla(
        Guid id, Caller caller, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        if (await session.LoadReadableAsync<Ticket>(id, caller, ct) is not { } ticket) return RecordWriter.NotFound<Ticket>(id);
        var settings = await SettingsApi.LoadAsync(session, ct);
        return TypedResults.Ok(ticket.Sla(settings.Calendar, clock.GetUtcNow()));
    }

    public static async Task<Results<Created<Ticket>, ValidationProblem, ProblemHttpResult>> Open(
        TicketRequest request, RecordWriter records, CancellationToken ct)
    {
        if (PerangkatDaerahCode.IsValid(request.Opd) && records.RefusesOpd<Ticket>(request.Opd!) is { } refused) return refused.ToProblem();
        ServiceEntry? service = null;
        if (request.ServiceId is { } serviceId && serviceId != Guid.Empty)
        {
            service = await records.Session.LoadAsync<ServiceEntry>(serviceId, ct);
            if (service is null || service.Retired)
                return Problem.Unprocessable("Layanan tidak dikenal atau dihentikan / Unknown or retired service.", "unknown-service", "serviceId");
        }
        if (request.AssetId is { } assetId && assetId != Guid.Empty && await records.Session.LoadAsync<KnownAsset>(assetId, ct) is null)
            return Problem.Unprocessable("Aset tidak dikenal / Unknown asset.", "unknown-asset", "assetId");
        var settings = await SettingsApi.LoadAsync(records.Session, ct);
        return await records.CreateAsync(
            TicketDecider.Open(Guid.CreateVersion7(), records.Caller.Instansi, request, settings, service, records.Caller.Actor, records.Now), Route, ct);
    }

    /// <summary>
    /// A perubahan ticket routes to a change request: the change is submitted (for the ticket's OPD unless the body
    /// names another) and linked to the ticket, both in one transaction.
    /// </summary>
    public static async Task<Results<Created<ChangeRequest>, ValidationProblem, ProblemHttpResult>> RouteToChange(
        Guid id, ChangeRequestRequest request, RecordWriter records, CancellationToken ct)
    {
        ChangeRequest? submitted = null;
        var written = await records.TryChangeAsync<Ticket>(id, ticket =>
        {
            if (ticket.ChangeRequestId is not null)
                return Task.FromResult<Decision<Ticket>>(new Rejection.Conflict(
                    "Tiket ini sudah tertaut ke permintaan perubahan / This ticket already has a change request.", "change-request-linked"));
            var change = ChangeDecider.Submit(Guid.CreateVersion7(), request with { Opd = request.Opd ?? ticket.Opd }, records.Caller.Actor, records.Now);
            if (change.Rejection is { } refused) return Task.FromResult<Decision<Ticket>>(refused);
            if (records.RefusesOpd<ChangeRequest>(change.Next!.Opd) is { } forbidden) return Task.FromResult<Decision<Ticket>>(forbidden);
            var link = TicketDecider.Link(ticket, new LinkRequest(null, null, change.Next.Id), null, records.Caller.CanRead);
            if (link.Rejection is null) submitted = records.Stage<ChangeRequest>(null, change);
            return Task.FromResult(link);
        }, ct);
        if (written.Invalid is { } invalid) return invalid;
        if (written.Problem is { } problem) return problem;
        return TypedResults.Created($"{ChangesApi.Route}/{submitted!.Id}", submitted);
    }

    public static Task<Results<Ok<Ticket>, ValidationProblem, ProblemHttpResult>> Link(
        Guid id, LinkRequest request, RecordWriter records, CancellationToken ct) =>
        records.ChangeAsync<Ticket>(id, async current =>
        {
            var article = request.KnowledgeArticleId is { } articleId ? await records.Session.LoadAsync<KnownArticle>(articleId, ct) : null;
            var decision = TicketDecider.Link(current, request, article, records.Caller.CanRead);
            if (decision.Rejection is not null) return decision;
            if (request.Incidents is { Count: > 0 } incidents)
            {
                var found = (await records.Session.LoadManyAsync<Ticket>(ct, incidents.Distinct()))
                    .Where(t => t.Kind == ServiceDeskVocabulary.Gangguan).Select(t => t.Id).ToHashSet();
                var missing = incidents.Where(i => !found.Contains(i)).Distinct().ToList();
                if (missing.Count > 0)
                    return new Rejection.BreaksRule($"Bukan tiket gangguan yang dikenal / Not known incidents: {string.Join(", ", missing)}", "unknown-incident", "incidents");
            }
            if (request.ChangeRequestId is { } change && await records.Session.LoadAsync<ChangeRequest>(change, ct) is null)
                return new Rejection.BreaksRule("Permintaan perubahan tidak dikenal / Unknown change request.", "unknown-change", "changeRequestId");
            return decision;
        }, ct);
}
