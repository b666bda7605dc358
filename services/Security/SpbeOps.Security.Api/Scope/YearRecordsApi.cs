using SpbeOps.Security.Api.Programme;

namespace SpbeOps.Security.Api.Scope;

/// <summary>
/// The records of the instansi kept once a year: the scope and responsibility (Pasal 3–9) and the work programme
/// (Pasal 11). Diskominfo and the security officer write them; every role of the service reads them.
/// </summary>
public static class YearRecordsApi
{
    public const string ScopeRoute = "/api/security/scope";
    public const string ProgrammeRoute = "/api/security/programme";

    public static IEndpointRouteBuilder MapYearRecordsApi(this IEndpointRouteBuilder app)
    {
        var scope = app.MapSecurityGroup(ScopeRoute, "Scope and responsibility");
        scope.MapGet("/", async (IQuerySession session, CancellationToken ct) =>
                TypedResults.Ok<IReadOnlyList<SecurityScope>>(await session.Query<SecurityScope>().OrderByDescending(s => s.Year).ToListAsync(ct)))
            .WithName("ListSecurityScopes").WithSummary("Ruang lingkup per tahun / The scope of each year");
        scope.MapRecordReads<SecurityScope>("SecurityScope");
        scope.MapPost("/", async (ScopeRequest request, RecordWriter records, CancellationToken ct) =>
            {
                var decision = ScopeDecider.Set(Guid.CreateVersion7(), request, records.Today);
                if (decision.Next is { } next)
                {
                    if (await KnownRecords.UnknownAsset(records.Session, request.ApplicationIds, "applicationIds", ct) is { } apps) decision = apps;
                    else if (await KnownRecords.UnknownAsset(records.Session, request.InfrastructureIds, "infrastructureIds", ct) is { } infra) decision = infra;
                    else if (await records.Session.Query<SecurityScope>().AnyAsync(s => s.Year == next.Year, ct)) decision = YearTaken(next.Year);
                }
                return await records.CreateAsync(decision, ScopeRoute, ct, YearTaken(request.Year).Detail);
            })
            .WithName("SetSecurityScope").WithSummary("Tetapkan ruang lingkup dan penanggung jawab / Set the scope and who is responsible");
        scope.MapPut("/{id:guid}", (Guid id, ScopeRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<SecurityScope>(id, async current =>
                    await KnownRecords.UnknownAsset(records.Session, request.ApplicationIds, "applicationIds", ct) is { } apps ? apps
                    : await KnownRecords.UnknownAsset(records.Session, request.InfrastructureIds, "infrastructureIds", ct) is { } infra ? infra
                    : ScopeDecider.Revise(current, request, records.Today), ct))
            .WithName("ReviseSecurityScope").WithSummary("Perbarui ruang lingkup / Revise the scope");
        scope.MapGet("/{id:guid}/audit-coverage", AuditCoverage).WithName("GetSecurityAuditCoverage")
            .WithSummary("Rencana audit per aplikasi dan infrastruktur lingkup (tiap dua tahun) / Each in-scope target's last audit and next due date");

        var programme = app.MapSecurityGroup(ProgrammeRoute, "Work programme");
        programme.MapGet("/", async (IQuerySession session, CancellationToken ct) =>
                TypedResults.Ok<IReadOnlyList<SecurityProgramme>>(await session.Query<SecurityProgramme>().OrderByDescending(s => s.Year).ToListAsync(ct)))
            .WithName("ListSecurityProgrammes").WithSummary("Program kerja per tahun / The work programme of each year");
        programme.MapRecordReads<SecurityProgramme>("SecurityProgramme");
        programme.MapPost("/", async (ProgrammeRequest request, RecordWriter records, CancellationToken ct) =>
            {
                var decision = ProgrammeDecider.Set(Guid.CreateVersion7(), request, records.Today);
                if (decision.Next is { } next && await records.Session.Query<SecurityProgramme>().AnyAsync(s => s.Year == next.Year, ct))
                    decision = YearTaken(next.Year);
                return await records.CreateAsync(decision, ProgrammeRoute, ct, YearTaken(request.Year).Detail);
            })
            .WithName("SetSecurityProgramme").WithSummary("Tetapkan program kerja keamanan (Pasal 11) / Set the year's security work programme");
        programme.MapPut("/{id:guid}", (Guid id, ProgrammeRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<SecurityProgramme>(id, current => ProgrammeDecider.Revise(current, request, records.Today), ct))
            .WithName("ReviseSecurityProgramme").WithSummary("Perbarui program kerja (rencana dan realisasi) / Revise the programme (plan and done)");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<AuditCoverage>>, ProblemHttpResult>> AuditCoverage(
        Guid id, Caller caller, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        if (await session.LoadReadableAsync<SecurityScope>(id, caller, ct) is not { } found) return RecordWriter.NotFound<SecurityScope>(id);
        var targets = found.ApplicationIds.Concat(found.InfrastructureIds).Distinct().ToArray();
        var assets = targets.Length == 0 ? new Dictionary<Guid, KnownAsset>() : (await session.LoadManyAsync<KnownAsset>(ct, targets)).ToDictionary(a => a.Id);
        var audits = await session.Query<AuditEngagement>().Where(a => !a.Withdrawn).ToListAsync(ct);
        return TypedResults.Ok(AuditCoverageOf.Scope(found, audits, assets, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
    }

    private static Rejection.Conflict YearTaken(int? year) =>
        new($"Tahun {year} sudah ada; perbarui yang ada / Year {year} already exists; revise it instead.", "unique-year", "year");
}
