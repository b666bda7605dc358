using SpbeOps.Contracts.Competency;

namespace SpbeOps.Competency.Api.Development;

/// <summary>
/// A staff member's certification in one SPBE area, at a proficiency, valid from <see cref="ValidFrom"/> up to and
/// including <see cref="ValidUntil"/> (none: no expiry). From the day after, it no longer counts: the Indicators service
/// decides that on its own clock from the published dates, so the level drops that day without a write here.
/// </summary>
public sealed record Certification : IRecord<Certification>, IOpdRecord, IPublishedRecord, IWithdrawable, IStaffEvidence
{
    public static RecordNoun Noun { get; } = new("sertifikasi", "certification");

    public string Opd { get; set; } = "";
    public Guid StaffId { get; set; }
    public string Issuer { get; set; } = "";
    public string Number { get; set; } = "";
    public string Area { get; set; } = "";
    public int Proficiency { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidUntil { get; set; }

    public bool Withdrawn { get; set; }
    public string? WithdrawnReason { get; set; }

    /// <summary>Counts on <paramref name="day"/>: issued, not yet past its last valid day, not withdrawn.</summary>
    public bool ValidOn(DateOnly day) => !Withdrawn && ValidFrom <= day && (ValidUntil is null || day <= ValidUntil);

    public object ToIntegrationEvent(string instansi) => new CompetencyEvidenceChangedIntegrationEvent(
        instansi, Id, Version, CompetencyVocabulary.Sertifikasi, Opd, StaffId, ValidFrom, ValidUntil,
        new Dictionary<string, int> { [Area] = Proficiency }, Withdrawn, UpdatedAt);

    public Guid Id { get; set; }
    public long Version { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed record CertificationRequest(
    Guid? StaffId, string? Issuer, string? Number, string? Area, int? Proficiency, DateOnly? ValidFrom, DateOnly? ValidUntil = null);

public sealed record CertificationRecorded : RecordEvent<Certification>
{
    public override HistoryLine Describe() => new("dicatat / recorded");
}

public sealed record CertificationUpdated : RecordEvent<Certification>
{
    public override HistoryLine Describe() => new($"diperbarui / updated: {string.Join(", ", Changes.Keys)}");
}

public sealed record CertificationWithdrawn(string Reason) : RecordEvent<Certification>
{
    public override HistoryLine Describe() => new("dicabut / withdrawn", Reason);
}

public static class CertificationDecider
{
    public static FieldErrors Validate(CertificationRequest r, DateOnly today)
    {
        var errors = new FieldErrors()
            .When(r.StaffId is null || r.StaffId == Guid.Empty, "staffId", "wajib diisi / is required")
            .Required("issuer", r.Issuer, 200)
            .Required("number", r.Number, 100)
            .OneOf("area", r.Area, CompetencyVocabulary.Areas)
            .Range("proficiency", r.Proficiency, CompetencyVocabulary.MinProficiency, CompetencyVocabulary.MaxProficiency)
            .When(r.ValidFrom is null, "validFrom", "wajib diisi / is required")
            .PastDate("validFrom", r.ValidFrom, today)
            .PlannedDate("validUntil", r.ValidUntil, today);
        if (r.ValidFrom is { } from && r.ValidUntil is { } until && until < from)
            errors.Add("validUntil", "tidak boleh sebelum validFrom / must not be before validFrom");
        return errors;
    }

    public static Decision<Certification> Record(Guid id, string opd, CertificationRequest r, DateOnly today) =>
        Validate(r, today) is { Any: true } errors ? errors : Decision.Accept(Fill(new Certification { Id = id, Opd = opd }, r), new CertificationRecorded());

    /// <summary>A correction or a renewal (a later <c>validUntil</c>); the staff member does not change.</summary>
    public static Decision<Certification> Update(Certification current, CertificationRequest r, DateOnly today) => Withdrawal.Unless(current, () =>
    {
        if (Validate(r, today) is { Any: true } errors) return errors;
        if (r.StaffId != current.StaffId) return new FieldErrors().Add("staffId", "pegawai tidak dapat diubah / the staff member cannot change");
        return Decision.Accept(Fill(current with { }, r), new CertificationUpdated());
    });

    public static Decision<Certification> Withdraw(Certification current, WithdrawalRequest r) =>
        Withdrawal.Decide(current, r, (c, reason) => c with { Withdrawn = true, WithdrawnReason = reason }, reason => new CertificationWithdrawn(reason));

    private static Certification Fill(Certification c, CertificationRequest r)
    {
        c.StaffId = r.StaffId!.Value;
        c.Issuer = r.Issuer!.Trim();
        c.Number = r.Number!.Trim();
        c.Area = r.Area!;
        c.Proficiency = r.Proficiency!.Value;
        c.ValidFrom = r.ValidFrom!.Value;
        c.ValidUntil = r.ValidUntil;
        return c;
    }
}
