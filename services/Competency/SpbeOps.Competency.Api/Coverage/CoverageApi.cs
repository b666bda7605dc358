using SpbeOps.Competency.Api.Development;
using SpbeOps.Competency.Api.Plans;
using SpbeOps.Competency.Api.Staff;

namespace SpbeOps.Competency.Api.Coverage;

/// <summary>
/// Coverage of the six areas per OPD and instansi, the gap to the HR plan, and certifications expiring within 90 days:
/// counts and record ids, no personal data, so every role reads them (an OPD operator its own OPD's).
/// </summary>
public static class CoverageApi
{
    public const string Route = "/api/competency/coverage";

    public static readonly Workbook GapSheet = new("Matriks Kesenjangan",
    [
        ("Perangkat Daerah", "opd"), ("Bidang Kompetensi", "area"), ("Kebutuhan (orang)", "needed"), ("Tingkat Kemahiran", "proficiency"),
        ("Memenuhi (orang)", "qualified"), ("Kesenjangan (orang)", "gap"), ("Terpenuhi", "met"),
        ("Pegawai Memenuhi Standar Jabatan", "meetingRequirement"),
    ]);

    public static RouteGroupBuilder MapCoverageApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapRecordGroup(Route, "Coverage");
        api.MapGet("/", Get).WithName("GetCoverage")
            .WithSummary("Cakupan enam bidang dan kesenjangan terhadap rencana SDM / Coverage of the six areas and the gap to the HR plan (?opd=&year=)");
        api.MapGet("/gap.xlsx", Export).WithName("ExportGapMatrix").Produces(StatusCodes.Status200OK, contentType: Workbook.ContentType)
            .WithSummary("Unduh matriks kesenjangan (XLSX) / Download the gap matrix as XLSX (?opd=&year=)");
        return api;
    }

    public static async Task<Results<Ok<CoverageReport>, ValidationProblem>> Get(
        Caller caller, IQuerySession session, TimeProvider clock, string? opd, int? year, CancellationToken ct)
    {
        if (Filters(opd, year) is { Any: true } errors) return errors.ToProblem();
        return TypedResults.Ok(await ComputeAsync(caller, session, clock, opd, year, ct));
    }

    public static async Task<Results<EmptyHttpResult, ValidationProblem>> Export(
        HttpContext http, Caller caller, IQuerySession session, TimeProvider clock, string? opd, int? year, CancellationToken ct)
    {
        if (Filters(opd, year) is { Any: true } errors) return errors.ToProblem();
        var report = await ComputeAsync(caller, session, clock, opd, year, ct);
        var rows = report.Opds.SelectMany(o => o.Areas.Select(a => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["opd"] = o.Opd, ["area"] = a.Area, ["needed"] = a.Needed, ["proficiency"] = a.Proficiency,
            ["qualified"] = a.Qualified, ["gap"] = a.Gap, ["met"] = a.Met ? "ya" : "tidak",
            ["meetingRequirement"] = $"{o.StaffMeetingRequirement} dari {o.StaffWithRequirement}",
        })).ToAsyncEnumerable();
        await Downloads.SendAsync(http.Response, Workbook.ContentType,
            $"matriks-kesenjangan-{report.Year}{(caller.ScopeFilter(opd) is { } s ? "-" + s : "")}.xlsx",
            (file, token) => GapSheet.WriteAsync(rows, file, token), ct);
        return TypedResults.Empty;
    }

    private static FieldErrors Filters(string? opd, int? year) =>
        new FieldErrors().Opd("opd", opd, required: false).Range("year", year, 2019, 2100, required: false);

    /// <summary>Loads the scope's plans, staff, certifications and assessments (an OPD's, or the instansi's) and computes.</summary>
    private static async Task<CoverageReport> ComputeAsync(
        Caller caller, IQuerySession session, TimeProvider clock, string? opd, int? year, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var y = year ?? today.Year;
        var day = y == today.Year ? today : new DateOnly(y, 12, 31) < today ? new DateOnly(y, 12, 31) : today;
        var scope = caller.ScopeFilter(opd);
        var plans = session.Query<HrPlan>().Where(p => p.Year == y && !p.Withdrawn);
        var staff = session.Query<StaffMember>().Where(s => !s.Withdrawn);
        var certifications = session.Query<Certification>().Where(c => !c.Withdrawn);
        var assessments = session.Query<Assessment>().Where(a => !a.Withdrawn);
        if (scope is not null)
        {
            plans = plans.Where(p => p.Opd == scope);
            staff = staff.Where(s => s.Opd == scope);
            certifications = certifications.Where(c => c.Opd == scope);
            assessments = assessments.Where(a => a.Opd == scope);
        }
        return CompetencyCoverage.Compute(y, day, await plans.ToListAsync(ct), await staff.ToListAsync(ct),
            await certifications.ToListAsync(ct), await assessments.ToListAsync(ct),
            await session.Query<CompetencyRequirement>().Where(r => !r.Withdrawn).ToListAsync(ct));
    }
}
