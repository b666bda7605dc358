using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SpbeOps.Messaging;
using SpbeOps.ServiceDefaults.Auth;
using SpbeOps.ServiceDefaults.Problems;

namespace SpbeOps.Governance;

/// <summary>
/// The governance records of one domain service: policies/guidelines, programmes, reviews and follow-ups for the
/// indicators that service feeds. Diskominfo (and the service's specialist roles) write records for any scope; an
/// OPD operator writes programmes, reviews and follow-ups of its own OPD only; everyone in the instansi reads what
/// covers them.
/// </summary>
public static class GovernanceApi
{
    public static RouteGroupBuilder MapGovernanceApi(this IEndpointRouteBuilder app, GovernanceOptions options)
    {
        var group = app.MapGroup(options.RoutePrefix).WithTags("Governance").RequireAuthorization(SpbePolicies.Member);

        group.MapGet("/", List).WithName($"{options.RoutePrefix}:list").WithSummary("Daftar kebijakan, program, reviu dan tindak lanjut / List governance records");
        group.MapGet("/{id:guid}", Get).WithName($"{options.RoutePrefix}:get").WithSummary("Satu catatan tata kelola / One governance record");
        group.MapGet("/{id:guid}/history", History).WithName($"{options.RoutePrefix}:history").WithSummary("Riwayat perubahan / Change history");
        group.MapPost("/policies", (GovernanceRecordRequest r, HttpContext h, IDocumentSession s, GovernanceOptions o, CancellationToken ct) => Create(GovernanceRecordTypes.Policy, r, h, s, o, ct))
            .WithName($"{options.RoutePrefix}:policy").WithSummary("Catat kebijakan/pedoman/SOP/strategi / Record a policy, guideline, SOP or strategy");
        group.MapPost("/programmes", (GovernanceRecordRequest r, HttpContext h, IDocumentSession s, GovernanceOptions o, CancellationToken ct) => Create(GovernanceRecordTypes.Programme, r, h, s, o, ct))
            .WithName($"{options.RoutePrefix}:programme").WithSummary("Catat program kegiatan / Record a planned programme");
        group.MapPost("/reviews", (GovernanceRecordRequest r, HttpContext h, IDocumentSession s, GovernanceOptions o, CancellationToken ct) => Create(GovernanceRecordTypes.Review, r, h, s, o, ct))
            .WithName($"{options.RoutePrefix}:review").WithSummary("Catat reviu dan evaluasi / Record a review and evaluation");
        group.MapPost("/follow-ups", (GovernanceRecordRequest r, HttpContext h, IDocumentSession s, GovernanceOptions o, CancellationToken ct) => Create(GovernanceRecordTypes.FollowUp, r, h, s, o, ct))
            .WithName($"{options.RoutePrefix}:follow-up").WithSummary("Catat tindak lanjut reviu / Record a follow-up improvement");
        group.MapPut("/{id:guid}", Revise).WithName($"{options.RoutePrefix}:revise").WithSummary("Perbarui catatan / Revise a record");
        group.MapPost("/follow-ups/{id:guid}/completion", Complete).WithName($"{options.RoutePrefix}:complete").WithSummary("Selesaikan tindak lanjut / Complete a follow-up");
        group.MapPost("/{id:guid}/withdrawal", Withdraw).WithName($"{options.RoutePrefix}:withdraw").WithSummary("Cabut catatan / Withdraw a record");
        return group;
    }

    public static async Task<Ok<IReadOnlyList<GovernanceRecord>>> List(
        HttpContext http, IQuerySession session, int? indicator, string? type, bool? includeWithdrawn, CancellationToken ct)
    {
        var caller = new Caller(http.User);
        var query = session.Query<GovernanceRecord>().AsQueryable();
        if (indicator is not null) query = query.Where(r => r.Indicator == indicator);
        if (!string.IsNullOrWhiteSpace(type)) query = query.Where(r => r.RecordType == type);
        if (includeWithdrawn != true) query = query.Where(r => !r.Withdrawn);
        var records = await query.OrderBy(r => r.Indicator).ThenBy(r => r.Date).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<GovernanceRecord>>(records.Where(r => Visible(caller, r)).ToList());
    }

    public static async Task<Results<Ok<GovernanceRecord>, ProblemHttpResult>> Get(Guid id, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        var record = await session.LoadAsync<GovernanceRecord>(id, ct);
        return record is null || !Visible(new Caller(http.User), record)
            ? Problem.NotFound("Catatan tata kelola / Governance record", id)
            : TypedResults.Ok(record);
    }

    public static async Task<Results<Ok<IReadOnlyList<HistoryEntry<GovernanceRecord>>>, ProblemHttpResult>> History(
        Guid id, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        var record = await session.LoadAsync<GovernanceRecord>(id, ct);
        if (record is null || !Visible(new Caller(http.User), record)) return Problem.NotFound("Catatan tata kelola / Governance record", id);
        var entries = await StreamHistory.ReadAsync(session, id, e => e.Data switch
        {
            GovernanceRecordWritten w => new HistoryEntry<GovernanceRecord>(e.Version, e.Version == 1 ? "dibuat / created" : "diperbarui / revised", w.At, w.Actor, null, w.Record),
            GovernanceRecordWithdrawn w => new HistoryEntry<GovernanceRecord>(e.Version, "dicabut / withdrawn", w.At, w.Actor, w.Reason, w.Record),
            _ => null,
        }, ct);
        return TypedResults.Ok(entries);
    }

    public static async Task<Results<Created<GovernanceRecord>, ValidationProblem, ProblemHttpResult>> Create(
        string recordType, GovernanceRecordRequest request, HttpContext http, IDocumentSession session, GovernanceOptions options, CancellationToken ct)
    {
        var caller = new Caller(http.User);
        var errors = GovernanceDecider.Validate(recordType, request, options);
        if (errors.Any) return errors.ToProblem();

        var record = GovernanceDecider.Build(Guid.CreateVersion7(), recordType, request, null, caller.Actor, DateTimeOffset.UtcNow);
        if (!CanWrite(caller, record, options)) return Forbidden(recordType);
        if (await CheckReview(session, record, ct) is { } reviewProblem) return reviewProblem;

        session.Store(record);
        session.Events.StartStream<GovernanceRecord>(record.Id, new GovernanceRecordWritten(record, caller.Actor, record.UpdatedAt));
        await session.SaveChangesAsync(ct);
        return TypedResults.Created($"/{options.RoutePrefix}/{record.Id}", record);
    }

    public static async Task<Results<Ok<GovernanceRecord>, ValidationProblem, ProblemHttpResult>> Revise(
        Guid id, GovernanceRecordRequest request, HttpContext http, IDocumentSession session, GovernanceOptions options, CancellationToken ct)
    {
        var caller = new Caller(http.User);
        var current = await session.LoadAsync<GovernanceRecord>(id, ct);
        if (current is null || !Visible(caller, current)) return Problem.NotFound("Catatan tata kelola / Governance record", id);
        if (current.Withdrawn) return Problem.Conflict("Catatan sudah dicabut / The record was withdrawn and cannot be revised.", "withdrawn-is-final");

        var errors = GovernanceDecider.Validate(current.RecordType, request, options);
        if (request.Indicator is not null && request.Indicator != current.Indicator)
            errors.Add("indicator", "indikator sebuah catatan tidak dapat diubah / the indicator of a record cannot change");
        if (errors.Any) return errors.ToProblem();

        var revised = GovernanceDecider.Build(id, current.RecordType, request, current, caller.Actor, DateTimeOffset.UtcNow);
        if (!CanWrite(caller, current, options) || !CanWrite(caller, revised, options)) return Forbidden(current.RecordType);
        if (await CheckReview(session, revised, ct) is { } reviewProblem) return reviewProblem;

        return await Save(session, revised, new GovernanceRecordWritten(revised, caller.Actor, revised.UpdatedAt), ct);
    }

    public static async Task<Results<Ok<GovernanceRecord>, ValidationProblem, ProblemHttpResult>> Complete(
        Guid id, FollowUpCompletionRequest request, HttpContext http, IDocumentSession session, GovernanceOptions options, CancellationToken ct)
    {
        var caller = new Caller(http.User);
        var current = await session.LoadAsync<GovernanceRecord>(id, ct);
        if (current is null || current.RecordType != GovernanceRecordTypes.FollowUp || !Visible(caller, current))
            return Problem.NotFound("Tindak lanjut / Follow-up", id);
        if (!CanWrite(caller, current, options)) return Forbidden(current.RecordType);
        if (current.Withdrawn) return Problem.Conflict("Tindak lanjut sudah dicabut / The follow-up was withdrawn.", "withdrawn-is-final");
        if (current.Status == GovernanceVocabulary.FollowUpDone) return Problem.Conflict("Tindak lanjut sudah selesai / The follow-up is already complete.", "complete-once");

        var errors = new FieldErrors().Required("outcome", request.Outcome, 4000);
        if (request.CompletedOn is null) errors.Add("completedOn", "wajib diisi / is required");
        else if (request.CompletedOn > DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1)) errors.Add("completedOn", "tidak boleh di masa depan / must not be in the future");
        if (errors.Any) return errors.ToProblem();

        var done = GovernanceDecider.Complete(current, request.CompletedOn!.Value, request.Outcome!, caller.Actor, DateTimeOffset.UtcNow);
        return await Save(session, done, new GovernanceRecordWritten(done, caller.Actor, done.UpdatedAt), ct);
    }

    public static async Task<Results<Ok<GovernanceRecord>, ValidationProblem, ProblemHttpResult>> Withdraw(
        Guid id, WithdrawRequest request, HttpContext http, IDocumentSession session, GovernanceOptions options, CancellationToken ct)
    {
        var caller = new Caller(http.User);
        var current = await session.LoadAsync<GovernanceRecord>(id, ct);
        if (current is null || !Visible(caller, current)) return Problem.NotFound("Catatan tata kelola / Governance record", id);
        if (!CanWrite(caller, current, options)) return Forbidden(current.RecordType);
        if (current.Withdrawn) return Problem.Conflict("Catatan sudah dicabut / The record is already withdrawn.", "withdrawn-is-final");
        var errors = new FieldErrors().Required("reason", request.Reason, 1000);
        if (errors.Any) return errors.ToProblem();

        var withdrawn = GovernanceDecider.Withdraw(current, request.Reason!, caller.Actor, DateTimeOffset.UtcNow);
        return await Save(session, withdrawn, new GovernanceRecordWithdrawn(withdrawn, request.Reason!, caller.Actor, withdrawn.UpdatedAt), ct);
    }

    private static async Task<Results<Ok<GovernanceRecord>, ValidationProblem, ProblemHttpResult>> Save(
        IDocumentSession session, GovernanceRecord record, object change, CancellationToken ct)
    {
        session.Store(record);
        // Expected version = the stream's version after this append: a concurrent writer makes this fail.
        session.Events.Append(record.Id, record.Version, change);
        return await session.TrySaveChangesAsync(ct) is { } conflict ? conflict : TypedResults.Ok(record);
    }

    private static async Task<ProblemHttpResult?> CheckReview(IQuerySession session, GovernanceRecord record, CancellationToken ct)
    {
        if (record.RecordType != GovernanceRecordTypes.FollowUp) return null;
        var review = await session.LoadAsync<GovernanceRecord>(record.ReviewId!.Value, ct);
        if (review is null || review.RecordType != GovernanceRecordTypes.Review || review.Withdrawn)
            return Problem.Unprocessable($"Reviu '{record.ReviewId}' tidak ada / No review '{record.ReviewId}' exists.", "follow-up-needs-review", "reviewId");
        if (review.Indicator != record.Indicator)
            return Problem.Unprocessable($"Reviu itu untuk indikator {review.Indicator} / That review belongs to indicator {review.Indicator}.", "same-indicator", "reviewId");
        return null;
    }

    private static bool Visible(Caller caller, GovernanceRecord r) => !caller.IsOpdOperator || r.AppliesTo(caller.Opd ?? "");

    /// <summary>Operators record their own OPD's programmes, reviews and follow-ups; instansi-wide records and policies belong to Diskominfo.</summary>
    private static bool CanWrite(Caller caller, GovernanceRecord r, GovernanceOptions options)
    {
        if (caller.IsAdmin || options.WriterRoles.Any(caller.IsInRole)) return true;
        return caller.IsOpdOperator
            && r.RecordType != GovernanceRecordTypes.Policy
            && !r.AllOpd
            && r.ScopeOpds.Count == 1
            && string.Equals(r.ScopeOpds[0], caller.Opd, StringComparison.OrdinalIgnoreCase);
    }

    private static ProblemHttpResult Forbidden(string recordType) => Problem.Forbidden(
        $"Peran Anda tidak boleh menulis catatan '{recordType}' dengan cakupan ini / Your role may not write a '{recordType}' record with this scope.");
}
