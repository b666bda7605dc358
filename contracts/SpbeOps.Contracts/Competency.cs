namespace SpbeOps.Contracts.Competency;

// The Competency service's records as other services learn them (state-carried: consumers keep the highest Version,
// decision 4). Personal data never travels: a staff member is named by its record id, a pseudonym; NIP and name stay
// in the Competency service.

/// <summary>A staff member who works on SPBE in an OPD, without name or NIP: when they are active.</summary>
public sealed record StaffChangedIntegrationEvent(
    string Instansi,
    Guid StaffId,
    long Version,
    string Opd,
    DateOnly ActiveFrom,
    DateOnly? ActiveUntil,
    bool Withdrawn,
    DateTimeOffset OccurredAt);

/// <summary>What an HR plan (perencanaan SDM SPBE) of one OPD and year needs in a competency area.</summary>
public sealed record CompetencyNeed(string Area, int Headcount, int Proficiency);

/// <summary>The HR plan of one OPD for one year: needed headcount and proficiency per SPBE competency area.</summary>
public sealed record HrPlanChangedIntegrationEvent(
    string Instansi,
    Guid PlanId,
    long Version,
    string Opd,
    int Year,
    IReadOnlyList<CompetencyNeed> Needs,
    bool Withdrawn,
    DateTimeOffset OccurredAt);

/// <summary>
/// One piece of a staff member's competency evidence: a certification (<c>sertifikasi</c>, counting from
/// <see cref="Date"/> up to and including <see cref="ValidUntil"/>), a training (<c>pelatihan</c>, levels 0) or an
/// assessment (<c>asesmen</c>, the assessed proficiency per area). The consumer decides what counts on its own day.
/// </summary>
public sealed record CompetencyEvidenceChangedIntegrationEvent(
    string Instansi,
    Guid RecordId,
    long Version,
    string Kind,
    string Opd,
    Guid StaffId,
    DateOnly Date,
    DateOnly? ValidUntil,
    IReadOnlyDictionary<string, int> Levels,
    bool Withdrawn,
    DateTimeOffset OccurredAt);
