using MiniExcelLibs;

namespace SpbeOps.ServiceManagement.Api.Changes;

public sealed record ChangePage(IReadOnlyList<ChangeRequest> Items, int Page, int PageSize, long Total, bool TotalExact, bool HasMore);

/// <summary>
/// Change management. An OPD operator submits and carries its own OPD's changes; Diskominfo is the CAB (assesses,
/// votes when named) and may act on every change; the security officer reads all and votes on changes of category
/// keamanan when named; the auditor reads.
/// </summary>
public static class ChangesApi
{
    public const string Route = "/api/changes";

    public static RouteGroupBuilder MapChangesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapRecordGroup(Route, "Changes");
        api.MapGet("/", List).WithName("ListChanges").WithSummary("Daftar perubahan / Changes, filtered and paged (?opd=&status=&reached=&type=&category=)");
        api.MapGet("/export", Export).WithName("ExportChanges").Produces(StatusCodes.Status200OK, contentType: TicketReports.ContentType)
            .WithSummary("Unduh perubahan (XLSX) / Download the changes (XLSX)");
        api.MapRecordReads<ChangeRequest>("Change");
        api.MapGet("/{id:guid}/conflicts", Conflicts).WithName("GetChangeConflicts")
            .WithSummary("Perubahan lain pada layanan yang sama dalam jadwal yang bertumpang tindih / Other changes on the same services in an overlapping window");
        api.MapPost("/", Submit).WithName("SubmitChange").WithSummary("Ajukan permintaan perubahan / Submit a change request");
        api.MapPost("/{id:guid}/assessment", (Guid id, AssessmentRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<ChangeRequest>(id, async c =>
                {
                    var risk = request.RiskId is { } riskId ? await records.Session.LoadAsync<KnownRisk>(riskId, ct) : null;
                    return ChangeDecider.Assess(c, request, risk, ChangeActor.Of(records.Caller), records.Now);
                }, ct))
            .WithName("AssessChange").WithSummary("Penilaian risiko dan penunjukan CAB (Diskominfo) / Risk assessment and CAB (Diskominfo)");
        api.MapPost("/{id:guid}/votes", (Guid id, VoteRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<ChangeRequest>(id, c => ChangeDecider.CastVote(c, request, ChangeActor.Of(records.Caller), records.Now), ct))
            .WithName("VoteOnChange").WithSummary("Suara anggota CAB yang ditunjuk / A named CAB member's vote");
        api.MapPost("/{id:guid}/schedule", (Guid id, ScheduleRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<ChangeRequest>(id, c => ChangeDecider.Schedule(c, request, records.Caller.Actor, records.Now), ct))
            .WithName("ScheduleChange").WithSummary("Jadwalkan / Schedule the window");
        api.MapPost("/{id:guid}/implementation", (Guid id, ImplementationRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<ChangeRequest>(id, c => ChangeDecider.Implement(c, request, records.Caller.Actor, records.Now), ct))
            .WithName("ImplementChange").WithSummary("Catat implementasi / Record the implementation");
        api.MapPost("/{id:guid}/review", (Guid id, ReviewRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<ChangeRequest>(id, c => ChangeDecider.ReviewAfter(c, request, records.Caller.Actor, records.Now), ct))
            .WithName("ReviewChange").WithSummary("Reviu pasca-implementasi (PIR) / Post-implementation review");
        api.MapPost("/{id:guid}/closure", (Guid id, CloseRequest? request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<ChangeRequest>(id, c => ChangeDecider.Close(c, request ?? new CloseRequest(null), records.Caller.Actor, records.Now), ct))
            .WithName("CloseChange").WithSummary("Tutup / Close");
        return api;
    }

    public static async Task<Results<Ok<ChangePage>, ValidationProblem>> List(
        Caller caller, IQuerySession session, string? opd, string? status, string? reached, string? type, string? category, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = Filters(opd, status, type, category).OneOf("reached", reached, ChangeVocabulary.Flow, required: false).Range("page", page, 1, 1_000_000, required: false).Range("pageSize", pageSize, 1, 200, required: false);
        if (errors.Any) return errors.ToProblem();
        var query = Filtered(session, caller, opd, status, type, category);
        if (reached is not null)
        {
            var past = ChangeVocabulary.Flow.SkipWhile(s => s != reached).ToArray();
            query = query.Where(c => past.Contains(c.Status));
        }
        var (number, size) = (page ?? 1, pageSize ?? 50);
        var result = await ListPaging.PageAsync(query, query.OrderByDescending(c => c.Id), number, size, ct);
        return TypedResults.Ok(new ChangePage(result.Items, number, size, result.Total, result.TotalExact, result.HasMore));
    }

    private static FieldErrors Filters(string? opd, string? status, string? type, string? category) => new FieldErrors()
        .Opd("opd", opd, required: false)
        .OneOf("status", status, ChangeVocabulary.Statuses, required: false)
        .OneOf("type", type, ChangeVocabulary.Types, required: false)
        .OneOf("category", category, ChangeVocabulary.Categories, required: false);

    private static IQueryable<ChangeRequest> Filtered(IQuerySession session, Caller caller, string? opd, string? status, string? type, string? category)
    {
        var query = session.Query<ChangeRequest>().AsQueryable();
        if (caller.ScopeFilter(opd) is { } scope) query = query.Where(c => c.Opd == scope);
        if (status is not null) query = query.Where(c => c.Status == status);
        if (type is not null) query = query.Where(c => c.Type == type);
        if (category is not null) query = query.Where(c => c.Category == category);
        return query;
    }

    public static async Task<Results<Created<ChangeRequest>, ValidationProblem, ProblemHttpResult>> Submit(
        ChangeRequestRequest request, RecordWriter records, CancellationToken ct)
    {
        if (PerangkatDaerahCode.IsValid(request.Opd) && records.RefusesOpd<ChangeRequest>(request.Opd!) is { } refused) return refused.ToProblem();
        if (request.Services is { Count: > 0 and <= 50 } services)
        {
            var found = (await records.Session.LoadManyAsync<ServiceEntry>(ct, services.Distinct())).Select(s => s.Id).ToHashSet();
            if (services.Where(s => !found.Contains(s)).Distinct().ToList() is { Count: > 0 } missing)
                return Problem.Unprocessable($"Layanan tidak dikenal / Unknown services: {string.Join(", ", missing)}", "unknown-service", "services");
        }
        if (request.Assets is { Count: > 0 and <= 100 } assets)
        {
            var found = (await records.Session.LoadManyAsync<KnownAsset>(ct, assets.Distinct())).Select(s => s.Id).ToHashSet();
            if (assets.Where(s => !found.Contains(s)).Distinct().ToList() is { Count: > 0 } missing)
                return Problem.Unprocessable($"Aset tidak dikenal / Unknown assets: {string.Join(", ", missing)}", "unknown-asset", "assets");
        }
        return await records.CreateAsync(ChangeDecider.Submit(Guid.CreateVersion7(), request, records.Caller.Actor, records.Now), Route, ct);
    }

    public static async Task<Results<Ok<IReadOnlyList<ChangeConflict>>, ProblemHttpResult>> Conflicts(
        Guid id, Caller caller, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadReadableAsync<ChangeRequest>(id, caller, ct) is not { } change) return RecordWriter.NotFound<ChangeRequest>(id);
        if (change.WindowStart is not { } start || change.WindowEnd is not { } end) return TypedResults.Ok<IReadOnlyList<ChangeConflict>>([]);
        var overlapping = await session.Query<ChangeRequest>().Where(c => c.WindowStart < end && c.WindowEnd > start).Take(1000).ToListAsync(ct);
        return TypedResults.Ok(ChangeDecider.ConflictsOf(change, overlapping));
    }

    public static async Task<Results<EmptyHttpResult, ValidationProblem>> Export(
        HttpContext http, Caller caller, IQuerySession session, TimeProvider clock, string? opd, string? status, string? type, string? category, CancellationToken ct)
    {
        if (Filters(opd, status, type, category) is { Any: true } errors) return errors.ToProblem();
        var changes = Filtered(session, caller, opd, status, type, category).OrderByDescending(c => c.Id).ToAsyncEnumerable(ct);
        await Downloads.SendAsync(http.Response, TicketReports.ContentType, $"perubahan-{clock.GetUtcNow():yyyy-MM-dd}.xlsx",
            (file, token) => file.SaveAsAsync(Rows(changes, token), sheetName: "Perubahan", cancellationToken: token), ct);
        return TypedResults.Empty;
    }

    private static async IAsyncEnumerable<Dictionary<string, object?>> Rows(
        IAsyncEnumerable<ChangeRequest> changes, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var any = false;
        await foreach (var c in changes.WithCancellation(ct))
        {
            any = true;
            yield return new()
            {
                ["ID"] = c.Id.ToString(), ["Perangkat Daerah"] = c.Opd, ["Judul"] = c.Title, ["Jenis"] = c.Type, ["Kategori"] = c.Category,
                ["Status"] = c.Status, ["Tahap"] = c.Phase, ["Besaran Risiko"] = c.Assessment?.Besaran, ["Tingkat Risiko"] = c.Assessment?.RiskLevel,
                ["Disetujui"] = c.Approved ? c.ApprovalKind : "belum", ["Jadwal Mulai"] = c.WindowStart?.ToString("yyyy-MM-dd HH:mm"),
                ["Jadwal Selesai"] = c.WindowEnd?.ToString("yyyy-MM-dd HH:mm"), ["Diimplementasikan"] = c.Implementation?.ImplementedAt.ToString("yyyy-MM-dd HH:mm"),
                ["Di Luar Jadwal"] = c.OutsideWindow ? "ya" : "tidak", ["PIR"] = c.Review is null ? "belum" : c.Review.Success ? "berhasil" : "gagal",
            };
        }
        if (!any) yield return new() { ["ID"] = null, ["Perangkat Daerah"] = null, ["Judul"] = null, ["Status"] = null };
    }
}
