using SpbeOps.Competency.Api.Workbooks;

namespace SpbeOps.Competency.Api.Staff;

public sealed record StaffPage(IReadOnlyList<StaffMember> Items, int Page, int PageSize, long Total, bool TotalExact, bool HasMore);

/// <summary>
/// The SPBE staff of each OPD (personal data): an OPD operator keeps its own OPD's, Diskominfo every OPD's, the auditor
/// reads them all; a security officer or walidata reads none (403; the coverage views give them counts).
/// </summary>
public static class StaffApi
{
    public const string Route = "/api/competency/staff";

    public const string NipTaken = "NIP sudah terdaftar untuk pegawai lain / The NIP is already registered for another staff member.";

    public static readonly Workbook Sheet = new("Pegawai SPBE",
    [
        ("Perangkat Daerah", "opd"), ("NIP", "nip"), ("Nama", "name"), ("Jabatan", "jabatan"), ("Unit Kerja", "unit"),
        ("Aktif Sejak", "activeFrom"), ("Aktif Sampai", "activeUntil"),
    ]);

    public static RouteGroupBuilder MapStaffApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapRecordGroup(Route, "Staff");
        api.MapGet("/", List).WithName("ListStaff").WithSummary("Daftar pegawai SPBE / SPBE staff (?opd=&jabatan=&active=&page=&pageSize=)");
        api.MapPost("/import", Import).WithName("ImportStaff")
            .WithSummary("Impor pegawai dari XLSX BKPSDMD (semua baris atau tidak sama sekali) / Import staff from the BKPSDMD's XLSX, all rows or none");
        api.MapRecordReads<StaffMember>("Staff");
        api.MapPost("/", Register).WithName("RegisterStaff").WithSummary("Daftarkan pegawai / Register a staff member");
        api.MapPut("/{id:guid}", (Guid id, StaffRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<StaffMember>(id, current => StaffDecider.Update(current, request, records.Today), ct, NipTaken))
            .WithName("UpdateStaff").WithSummary("Perbarui pegawai / Update a staff member");
        api.MapWithdrawal<StaffMember>("Staff", StaffDecider.Withdraw);
        return api;
    }

    public static async Task<Results<Ok<StaffPage>, ValidationProblem, ProblemHttpResult>> List(
        Caller caller, IQuerySession session, TimeProvider clock, string? opd, string? jabatan, bool? active, int? page, int? pageSize, CancellationToken ct)
    {
        if (!PersonalData.ReadsAny(caller)) return Problem.Forbidden(PersonalData.Refused);
        var errors = new FieldErrors().Opd("opd", opd, required: false).MaxLength("jabatan", jabatan, 200)
            .Range("page", page, 1, 1_000_000, required: false).Range("pageSize", pageSize, 1, 200, required: false);
        if (errors.Any) return errors.ToProblem();

        var query = session.Query<StaffMember>().AsQueryable();
        if (caller.ScopeFilter(opd) is { } scope) query = query.Where(s => s.Opd == scope);
        if (jabatan is not null) query = query.Where(s => s.Jabatan == jabatan);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (active is true) query = query.Where(s => !s.Withdrawn && s.ActiveFrom <= today && (s.ActiveUntil == null || s.ActiveUntil >= today));
        var (number, size) = (page ?? 1, pageSize ?? 50);
        var result = await ListPaging.PageAsync(query, query.OrderBy(s => s.Opd).ThenBy(s => s.Name), number, size, ct);
        return TypedResults.Ok(new StaffPage(result.Items, number, size, result.Total, result.TotalExact, result.HasMore));
    }

    public static async Task<Results<Created<StaffMember>, ValidationProblem, ProblemHttpResult>> Register(
        StaffRequest request, RecordWriter records, CancellationToken ct)
    {
        if (PerangkatDaerahCode.IsValid(request.Opd) && records.RefusesOpd<StaffMember>(request.Opd!) is { } refused) return refused.ToProblem();
        return await records.CreateAsync(StaffDecider.Register(Guid.CreateVersion7(), request, records.Today), Route, ct, NipTaken);
    }

    /// <summary>Registers every row as a new staff member, or none: errors by row and column (a NIP already registered too).</summary>
    public static async Task<Results<Ok<ImportResult>, ValidationProblem, ProblemHttpResult>> Import(
        HttpContext http, RecordWriter records, CancellationToken ct)
    {
        if (!records.Caller.WritesEveryOpd && !records.Caller.IsOpdOperator)
            return Problem.Forbidden("Peran Anda tidak boleh mengimpor pegawai / Your role may not import staff.");
        var (rows, problem) = await Sheet.ReadUploadAsync(http.Request, ct, ImportResult.MaxRows);
        if (problem is not null) return problem;

        var nips = rows!.Select(r => r["nip"]).OfType<string>().ToArray();
        var taken = (await records.Session.Query<StaffMember>().Where(s => nips.Contains(s.Nip)).Select(s => s.Nip).ToListAsync(ct)).ToHashSet();
        var errors = new FieldErrors();
        var changes = new List<(StaffMember?, Decision<StaffMember>)>();
        var seen = new HashSet<string>();
        foreach (var row in rows!)
        {
            var cells = new FieldErrors();
            var request = new StaffRequest(row["opd"], row["nip"], row["name"], row["jabatan"], row["unit"],
                Sheet.DateOf(row, "activeFrom", cells), Sheet.DateOf(row, "activeUntil", cells));
            var decision = StaffDecider.Register(Guid.CreateVersion7(), request, records.Today);
            if (decision.Rejection is Rejection.Invalid invalid) Sheet.AddRowErrors(row, invalid.Errors, errors);
            else if (!records.Caller.CanWrite(decision.Next!.Opd))
                errors.Add(Sheet.Where(row, "opd"), $"Anda tidak berwenang atas pegawai perangkat daerah '{request.Opd}' / you may not register staff of '{request.Opd}'");
            if (request.Nip is { } nip && (taken.Contains(nip) || !seen.Add(nip)))
                errors.Add(Sheet.Where(row, "nip"), "NIP sudah terdaftar atau muncul dua kali / the NIP is already registered or appears twice");
            foreach (var (field, reasons) in cells.ToDictionary()) foreach (var reason in reasons) errors.Add(field, reason);
            if (decision.Next is not null) changes.Add((null, decision));
        }
        if (errors.Any) return errors.ToProblem();
        if (await records.SaveManyAsync(changes, ct) is { } conflict) return conflict;
        return TypedResults.Ok(new ImportResult(changes.Count, [.. changes.Select(c => c.Item2.Next!.Id)]));
    }
}
