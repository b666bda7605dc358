namespace SpbeOps.Competency.Api.Development;

/// <summary>
/// Certifications, trainings and competency assessments of SPBE staff. The OPD operator records its own OPD's staff's,
/// Diskominfo every OPD's; every role reads them (they name a staff member by record id only, never NIP or name).
/// </summary>
public static class DevelopmentApi
{
    public const string Certifications = "/api/competency/certifications";
    public const string Trainings = "/api/competency/trainings";
    public const string Assessments = "/api/competency/assessments";

    public static IEndpointRouteBuilder MapDevelopmentApi(this IEndpointRouteBuilder app)
    {
        var certifications = app.MapRecordGroup(Certifications, "Certifications");
        certifications.MapGet("/", ListCertifications).WithName("ListCertifications")
            .WithSummary("Sertifikasi / Certifications (?opd=&staffId=&area=&expiringWithinDays=)");
        certifications.MapPost("/import", CertificationImport.Import).WithName("ImportCertifications")
            .WithSummary("Impor sertifikasi dari XLSX BKPSDMD (semua baris atau tidak sama sekali) / Import certifications from XLSX, all rows or none");
        certifications.MapRecordReads<Certification>("Certification");
        certifications.MapPost("/", (CertificationRequest request, RecordWriter records, CancellationToken ct) =>
                StaffEvidence.RecordAsync(records, request.StaffId,
                    opd => CertificationDecider.Record(Guid.CreateVersion7(), opd, request, records.Today), Certifications, ct))
            .WithName("RecordCertification").WithSummary("Catat sertifikasi / Record a certification");
        certifications.MapPut("/{id:guid}", (Guid id, CertificationRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<Certification>(id, current => CertificationDecider.Update(current, request, records.Today), ct))
            .WithName("UpdateCertification").WithSummary("Perbarui atau perpanjang sertifikasi / Correct or renew a certification");
        certifications.MapWithdrawal<Certification>("Certification", CertificationDecider.Withdraw);

        var trainings = app.MapRecordGroup(Trainings, "Trainings");
        trainings.MapGet("/", async (Caller caller, IQuerySession session, string? opd, Guid? staffId, int? year, CancellationToken ct) =>
                await ListAsync<Training>(session, caller, opd, staffId, year,
                    (q, from, to) => q.Where(t => t.CompletedOn >= from && t.CompletedOn <= to), q => q.OrderByDescending(t => t.CompletedOn), ct))
            .WithName("ListTrainings").WithSummary("Pelatihan / Trainings (?opd=&staffId=&year=)");
        trainings.MapRecordReads<Training>("Training");
        trainings.MapPost("/", (TrainingRequest request, RecordWriter records, CancellationToken ct) =>
                StaffEvidence.RecordAsync(records, request.StaffId, opd => TrainingDecider.Record(Guid.CreateVersion7(), opd, request, records.Today), Trainings, ct))
            .WithName("RecordTraining").WithSummary("Catat pelatihan / Record a training");
        trainings.MapWithdrawal<Training>("Training", TrainingDecider.Withdraw);

        var assessments = app.MapRecordGroup(Assessments, "Assessments");
        assessments.MapGet("/", async (Caller caller, IQuerySession session, string? opd, Guid? staffId, int? year, CancellationToken ct) =>
                await ListAsync<Assessment>(session, caller, opd, staffId, year,
                    (q, from, to) => q.Where(a => a.AssessedOn >= from && a.AssessedOn <= to), q => q.OrderByDescending(a => a.AssessedOn), ct))
            .WithName("ListAssessments").WithSummary("Asesmen kompetensi / Competency assessments (?opd=&staffId=&year=)");
        assessments.MapRecordReads<Assessment>("Assessment");
        assessments.MapPost("/", (AssessmentRequest request, RecordWriter records, CancellationToken ct) =>
                StaffEvidence.RecordAsync(records, request.StaffId, opd => AssessmentDecider.Record(Guid.CreateVersion7(), opd, request, records.Today), Assessments, ct))
            .WithName("RecordAssessment").WithSummary("Catat asesmen kompetensi / Record a competency assessment");
        assessments.MapWithdrawal<Assessment>("Assessment", AssessmentDecider.Withdraw);
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<Certification>>, ValidationProblem>> ListCertifications(
        Caller caller, IQuerySession session, TimeProvider clock, string? opd, Guid? staffId, string? area, int? expiringWithinDays, CancellationToken ct)
    {
        var errors = StaffEvidence.Filters(opd, null).OneOf("area", area, CompetencyVocabulary.Areas, required: false)
            .Range("expiringWithinDays", expiringWithinDays, 0, 3650, required: false);
        if (errors.Any) return errors.ToProblem();
        var query = StaffEvidence.Scoped<Certification>(session, caller, opd, staffId);
        if (area is not null) query = query.Where(c => c.Area == area);
        if (expiringWithinDays is { } days)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var until = today.AddDays(days);
            query = query.Where(c => !c.Withdrawn && c.ValidUntil != null && c.ValidUntil >= today && c.ValidUntil <= until);
        }
        return TypedResults.Ok<IReadOnlyList<Certification>>(await query.OrderBy(c => c.Opd).ThenBy(c => c.ValidUntil).Take(1000).ToListAsync(ct));
    }

    private static async Task<Results<Ok<IReadOnlyList<T>>, ValidationProblem>> ListAsync<T>(
        IQuerySession session, Caller caller, string? opd, Guid? staffId, int? year,
        Func<IQueryable<T>, DateOnly, DateOnly, IQueryable<T>> within, Func<IQueryable<T>, IQueryable<T>> newestFirst, CancellationToken ct)
        where T : IStaffEvidence
    {
        if (StaffEvidence.Filters(opd, year) is { Any: true } errors) return errors.ToProblem();
        var query = StaffEvidence.Scoped<T>(session, caller, opd, staffId);
        if (year is { } y) query = within(query, new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
        return TypedResults.Ok<IReadOnlyList<T>>(await newestFirst(query).Take(1000).ToListAsync(ct));
    }
}
