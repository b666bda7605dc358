namespace SpbeOps.Security.Api.Controls;

/// <summary>
/// The instansi's control catalogue: adopt the built-in baseline, add own controls, revise, retire. Everyone of the
/// service reads it; Diskominfo and the security officer write it.
/// </summary>
public static class ControlsApi
{
    public const string Route = "/api/security/controls";

    public static RouteGroupBuilder MapControlsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapSecurityGroup(Route, "Controls");
        api.MapGet("/", List).WithName("ListSecurityControls").WithSummary("Katalog kendali keamanan / The control catalogue (?area=&q=&includeRetired=)");
        api.MapGet("/baseline", Baseline).WithName("GetSecurityBaseline")
            .WithSummary("Baseline kendali bawaan dan apakah sudah di katalog / The built-in control baseline, and whether each is in the catalogue");
        api.MapRecordReads<SecurityControl>("SecurityControl");
        // PUT: "the catalogue holds the baseline" (idempotent: a second call adds nothing).
        api.MapPut("/baseline", AdoptBaseline).WithName("AdoptSecurityBaseline")
            .WithSummary("Ambil baseline ke katalog (yang belum ada) / Adopt the baseline into the catalogue (what is missing)");
        api.MapPost("/", Add).WithName("AddSecurityControl").WithSummary("Tambah kendali sendiri / Add an own control");
        api.MapPut("/{id:guid}", (Guid id, ControlRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<SecurityControl>(id, current => ControlDecider.Revise(current, request), ct, DuplicateCode(request.Code)))
            .WithName("ReviseSecurityControl").WithSummary("Perbarui kendali / Revise a control");
        api.MapPost("/{id:guid}/retirement", (Guid id, RetireControlRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<SecurityControl>(id, current => ControlDecider.Retire(current, request), ct))
            .WithName("RetireSecurityControl").WithSummary("Pensiunkan kendali (akhir) / Retire a control (final)");
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<SecurityControl>>, ValidationProblem>> List(
        IQuerySession session, string? area, string? q, bool? includeRetired, CancellationToken ct)
    {
        var errors = new FieldErrors().OneOf("area", area, ControlDecider.Areas, required: false).MaxLength("q", q, 200);
        if (errors.Any) return errors.ToProblem();
        var query = session.Query<SecurityControl>().AsQueryable();
        if (area is not null) query = query.Where(c => c.Area == area);
        if (includeRetired != true) query = query.Where(c => !c.Retired);
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(c => c.Title.Contains(q, StringComparison.OrdinalIgnoreCase) || c.Code.Contains(q, StringComparison.OrdinalIgnoreCase));
        return TypedResults.Ok<IReadOnlyList<SecurityControl>>(await query.OrderBy(c => c.Code).Take(2000).ToListAsync(ct));
    }

    public static async Task<Ok<IReadOnlyList<BaselineControl>>> Baseline(IQuerySession session, CancellationToken ct)
    {
        var codes = (await session.Query<SecurityControl>().Select(c => c.Code).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return TypedResults.Ok<IReadOnlyList<BaselineControl>>(
            [.. ControlBaseline.Controls.Select(e => new BaselineControl(e.Code, e.Area, e.Property, e.Function, e.Title, codes.Contains(e.Code)))]);
    }

    public static async Task<Results<Created<SecurityControl>, ValidationProblem, ProblemHttpResult>> Add(
        ControlRequest request, RecordWriter records, CancellationToken ct)
    {
        var decision = ControlDecider.Add(Guid.CreateVersion7(), request);
        if (decision.Next is { } next && await CodeTaken(records.Session, next.Code, ct)) decision = new Rejection.Conflict(DuplicateCode(next.Code), "unique-control-code", "code");
        return await records.CreateAsync(decision, Route, ct, DuplicateCode(request.Code));
    }

    /// <summary>Adds every baseline control whose code the catalogue lacks, in one transaction; a second call adds nothing.</summary>
    public static async Task<Results<Ok<BaselineAdoption>, ProblemHttpResult>> AdoptBaseline(RecordWriter records, CancellationToken ct)
    {
        if (!records.Caller.WritesEveryOpd)
            return TypedResults.Problem(statusCode: 403, title: "Tidak berwenang / Forbidden",
                detail: "Hanya Diskominfo dan petugas keamanan yang mengelola katalog / Only Diskominfo and the security officer keep the catalogue.");
        var codes = (await records.Session.Query<SecurityControl>().Select(c => c.Code).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = ControlBaseline.Controls.Where(e => !codes.Contains(e.Code)).ToList();
        if (missing.Count > 0)
        {
            var changes = missing.Select(e => ((SecurityControl?)null, ControlDecider.Adopt(Guid.CreateVersion7(), e))).ToList();
            if (await records.SaveManyAsync(changes, ct) is { } conflict) return conflict;
        }
        return TypedResults.Ok(new BaselineAdoption([.. missing.Select(e => e.Code)], [.. ControlBaseline.Controls.Where(e => codes.Contains(e.Code)).Select(e => e.Code)]));
    }

    private static async Task<bool> CodeTaken(IQuerySession session, string code, CancellationToken ct) =>
        await session.Query<SecurityControl>().AnyAsync(c => c.Code == code, ct);

    private static string DuplicateCode(string? code) =>
        $"Kode kendali '{code}' sudah ada di katalog / Control code '{code}' is already in the catalogue.";
}
