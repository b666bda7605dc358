using SpbeOps.Contracts.Competency;

namespace SpbeOps.Competency.Api.Staff;

/// <summary>
/// A staff member (pegawai) who works on SPBE in one OPD. NIP and name are personal data: only Diskominfo, the auditor
/// and the staff's own OPD operator read this record (everyone else gets 404, and lists and published events carry
/// the record id as a pseudonym and counts only).
/// </summary>
public sealed record StaffMember : IRecord<StaffMember>, IOpdRecord, IPublishedRecord, IWithdrawable
{
    public static RecordNoun Noun { get; } = new("pegawai", "staff member");

    public string Opd { get; set; } = "";
    /// <summary>Nomor Induk Pegawai: 18 digits, unique in the instansi.</summary>
    public string Nip { get; set; } = "";
    public string Name { get; set; } = "";
    public string Jabatan { get; set; } = "";
    public string? Unit { get; set; }
    public DateOnly ActiveFrom { get; set; }
    public DateOnly? ActiveUntil { get; set; }

    public bool Withdrawn { get; set; }
    public string? WithdrawnReason { get; set; }

    public bool ActiveOn(DateOnly day) => !Withdrawn && ActiveFrom <= day && (ActiveUntil is null || ActiveUntil >= day);

    /// <summary>Personal data: not the OPD scope alone (a security officer or walidata reads other records, not these).</summary>
    public bool ReadableBy(Caller caller) => PersonalData.Readable(caller, Opd);

    public bool WritableBy(Caller caller) => caller.CanWrite(Opd);

    public object ToIntegrationEvent(string instansi) =>
        new StaffChangedIntegrationEvent(instansi, Id, Version, Opd, ActiveFrom, ActiveUntil, Withdrawn, UpdatedAt);

    public Guid Id { get; set; }
    public long Version { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Who reads NIP and name (issue 11): Diskominfo, the auditor, and the operator of the staff's own OPD.</summary>
public static class PersonalData
{
    public static bool Readable(Caller caller, string opd) =>
        caller.IsAdmin || caller.IsInRole(SpbeRoles.Auditor) || (caller.IsOpdOperator && caller.CanRead(opd));

    /// <summary>Reads personal data of some OPD (Diskominfo, auditor, any OPD operator for its own).</summary>
    public static bool ReadsAny(Caller caller) => caller.IsAdmin || caller.IsInRole(SpbeRoles.Auditor) || caller.IsOpdOperator;

    public const string Refused =
        "Data pegawai (NIP, nama) hanya untuk operator OPD-nya, Diskominfo dan auditor / Staff personal data is for their OPD's operator, Diskominfo and the auditor only.";
}

public sealed record StaffRequest(
    string? Opd, string? Nip, string? Name, string? Jabatan, string? Unit = null, DateOnly? ActiveFrom = null, DateOnly? ActiveUntil = null);

public sealed record StaffRegistered : RecordEvent<StaffMember>
{
    public override HistoryLine Describe() => new("didaftarkan / registered");
}

public sealed record StaffUpdated : RecordEvent<StaffMember>
{
    public override HistoryLine Describe() => new($"diperbarui / updated: {string.Join(", ", Changes.Keys)}");
}

public sealed record StaffWithdrawn(string Reason) : RecordEvent<StaffMember>
{
    public override HistoryLine Describe() => new("dicabut / withdrawn", Reason);
}

/// <summary>The staff rules, free of I/O (decision 13).</summary>
public static class StaffDecider
{
    public static FieldErrors Validate(StaffRequest r, DateOnly today)
    {
        var errors = new FieldErrors()
            .Opd("opd", r.Opd)
            .Required("nip", r.Nip, 18)
            .Required("name", r.Name, 200)
            .Required("jabatan", r.Jabatan, 200)
            .MaxLength("unit", r.Unit, 200)
            .When(r.ActiveFrom is null, "activeFrom", "wajib diisi / is required")
            .PastDate("activeFrom", r.ActiveFrom, today)
            .PlannedDate("activeUntil", r.ActiveUntil, today);
        if (r.Nip is { Length: > 0 } nip && !(nip.Trim().Length == 18 && nip.Trim().All(char.IsAsciiDigit)))
            errors.Add("nip", "NIP terdiri atas 18 angka / a NIP is 18 digits");
        if (r.ActiveFrom is { } from && r.ActiveUntil is { } until && until < from)
            errors.Add("activeUntil", "tidak boleh sebelum activeFrom / must not be before activeFrom");
        return errors;
    }

    public static Decision<StaffMember> Register(Guid id, StaffRequest r, DateOnly today) =>
        Validate(r, today) is { Any: true } errors ? errors : Decision.Accept(Fill(new StaffMember { Id = id }, r), new StaffRegistered());

    public static Decision<StaffMember> Update(StaffMember current, StaffRequest r, DateOnly today) =>
        Withdrawal.Unless(current, () =>
            Validate(r, today) is { Any: true } errors ? errors : Decision.Accept(Fill(current with { }, r), new StaffUpdated()));

    public static Decision<StaffMember> Withdraw(StaffMember current, WithdrawalRequest r) =>
        Withdrawal.Decide(current, r, (s, reason) => s with { Withdrawn = true, WithdrawnReason = reason }, reason => new StaffWithdrawn(reason));

    private static StaffMember Fill(StaffMember s, StaffRequest r)
    {
        s.Opd = r.Opd!;
        s.Nip = r.Nip!.Trim();
        s.Name = r.Name!.Trim();
        s.Jabatan = r.Jabatan!.Trim();
        s.Unit = string.IsNullOrWhiteSpace(r.Unit) ? null : r.Unit.Trim();
        s.ActiveFrom = r.ActiveFrom!.Value;
        s.ActiveUntil = r.ActiveUntil;
        return s;
    }
}
