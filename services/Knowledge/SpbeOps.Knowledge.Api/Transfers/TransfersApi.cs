namespace SpbeOps.Knowledge.Api.Transfers;

/// <summary>Knowledge-transfer sessions per OPD: its operator (and Diskominfo) records them; the auditor reads.</summary>
public static class TransfersApi
{
    public const string Route = "/api/knowledge/transfers";

    public static RouteGroupBuilder MapTransfersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapRecordGroup(Route, "Transfers");
        api.MapGet("/", List).WithName("ListTransfers").WithSummary("Sesi alih pengetahuan / Knowledge-transfer sessions (?opd=&year=)");
        api.MapRecordReads<KnowledgeTransfer>("Transfer");
        api.MapPost("/", Record).WithName("RecordTransfer").WithSummary("Catat sesi alih pengetahuan / Record a knowledge-transfer session");
        api.MapPut("/{id:guid}", (Guid id, TransferRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<KnowledgeTransfer>(id, async current =>
                    await UnknownArticleAsync(records.Session, request.Articles, ct) is { } unknown ? unknown : TransferDecider.Update(current, request, records.Today), ct))
            .WithName("UpdateTransfer").WithSummary("Perbarui sesi / Update a session");
        api.MapPost("/{id:guid}/cancellation", (Guid id, ReasonRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<KnowledgeTransfer>(id, current => TransferDecider.Cancel(current, request), ct))
            .WithName("CancelTransfer").WithSummary("Batalkan sesi (akhir) / Cancel a session (final)");
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<KnowledgeTransfer>>, ValidationProblem>> List(
        Caller caller, IQuerySession session, string? opd, int? year, CancellationToken ct)
    {
        var errors = new FieldErrors().Opd("opd", opd, required: false).Range("year", year, 1990, 2100, required: false);
        if (errors.Any) return errors.ToProblem();
        var query = session.Query<KnowledgeTransfer>().AsQueryable();
        if (caller.ScopeFilter(opd) is { } scope) query = query.Where(t => t.Opd == scope);
        if (year is { } y)
        {
            var (from, to) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
            query = query.Where(t => t.HeldOn >= from && t.HeldOn <= to);
        }
        return TypedResults.Ok<IReadOnlyList<KnowledgeTransfer>>(await query.OrderByDescending(t => t.HeldOn).Take(500).ToListAsync(ct));
    }

    public static async Task<Results<Created<KnowledgeTransfer>, ValidationProblem, ProblemHttpResult>> Record(
        TransferRequest request, RecordWriter records, CancellationToken ct)
    {
        if (PerangkatDaerahCode.IsValid(request.Opd) && records.RefusesOpd<KnowledgeTransfer>(request.Opd!) is { } refused) return refused.ToProblem();
        var decision = TransferDecider.Record(Guid.CreateVersion7(), request, records.Today);
        if (decision.Rejection is null && await UnknownArticleAsync(records.Session, request.Articles, ct) is { } unknown) return unknown.ToProblem();
        return await records.CreateAsync(decision, Route, ct);
    }

    /// <summary>422 <c>unknown-article</c> when the session names an article that is not published.</summary>
    public static async Task<Rejection?> UnknownArticleAsync(IQuerySession session, IReadOnlyList<Guid>? ids, CancellationToken ct)
    {
        if (ids is null || ids.Count == 0 || ids.Count > TransferDecider.MaxArticles) return null;
        var found = (await session.LoadManyAsync<Article>(ct, ids.Distinct())).Where(a => a.Published).Select(a => a.Id).ToHashSet();
        var missing = ids.Where(id => !found.Contains(id)).Distinct().ToList();
        return missing.Count == 0 ? null : new Rejection.BreaksRule(
            $"Artikel tidak dikenal atau belum terbit / Unknown or unpublished articles: {string.Join(", ", missing)}", "unknown-article", "articles");
    }
}
