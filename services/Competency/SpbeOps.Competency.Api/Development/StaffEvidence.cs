using SpbeOps.Competency.Api.Staff;

namespace SpbeOps.Competency.Api.Development;

/// <summary>A record about one staff member's competency (certification, training, assessment), kept in the staff's OPD.</summary>
public interface IStaffEvidence : IOpdRecord
{
    Guid StaffId { get; }
}

public static class StaffEvidence
{
    /// <summary>
    /// Decides a new record about staff member <paramref name="staffId"/> in the staff's OPD: 422 <c>unknown-staff</c> when
    /// no active record of a staff member the caller may see has that id, 403 when the caller may not write that OPD.
    /// </summary>
    public static async Task<Results<Created<T>, ValidationProblem, ProblemHttpResult>> RecordAsync<T>(
        RecordWriter records, Guid? staffId, Func<string, Decision<T>> decide, string route, CancellationToken ct) where T : class, IRecord<T>
    {
        var opd = "";
        if (staffId is { } id && id != Guid.Empty)
        {
            var staff = await records.Session.LoadAsync<StaffMember>(id, ct);
            if (staff is null || staff.Withdrawn || !records.Caller.CanRead(staff.Opd))
                return new Rejection.BreaksRule($"Pegawai tidak dikenal atau dicabut / Unknown or withdrawn staff member: {id}", "unknown-staff", "staffId").ToProblem();
            if (records.RefusesOpd<T>(staff.Opd) is { } refused) return refused.ToProblem();
            opd = staff.Opd;
        }
        return await records.CreateAsync(decide(opd), route, ct);
    }

    /// <summary>The list filters every evidence list shares: OPD (an operator gets its own), staff member, year.</summary>
    public static FieldErrors Filters(string? opd, int? year) =>
        new FieldErrors().Opd("opd", opd, required: false).Range("year", year, 1990, 2100, required: false);

    public static IQueryable<T> Scoped<T>(IQuerySession session, Caller caller, string? opd, Guid? staffId) where T : IStaffEvidence
    {
        var query = session.Query<T>().AsQueryable();
        if (caller.ScopeFilter(opd) is { } scope) query = query.Where(r => r.Opd == scope);
        if (staffId is { } staff) query = query.Where(r => r.StaffId == staff);
        return query;
    }
}
