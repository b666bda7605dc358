namespace SpbeOps.Data.Api.References;

/// <summary>
/// One entry of the instansi's reference lists: a kode referensi (a shared code list, e.g. kode wilayah Kemendagri)
/// or a data induk (master data, e.g. data induk kependudukan), with the OPD that owns it. Kept by the walidata
/// (Perpres 39/2019 Pasal 3: data use kode referensi and/or data induk).
/// </summary>
public sealed class ReferenceEntry : IRecord<ReferenceEntry>
{
    public const string KodeReferensi = "kode-referensi";
    public const string DataInduk = "data-induk";
    public static readonly string[] Kinds = [KodeReferensi, DataInduk];

    public static RecordNoun Noun { get; } = new("kode referensi/data induk", "reference entry");

    public Guid Id { get; set; }
    public string Kind { get; set; } = "";
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>The OPD that owns the list (pemilik).</summary>
    public string OwnerOpd { get; set; } = "";
    /// <summary>Where it comes from (e.g. BPS, Kemendagri, BIG), when it is set outside the instansi.</summary>
    public string? Source { get; set; }
    public string? Url { get; set; }
    public bool Withdrawn { get; set; }
    public string? WithdrawnReason { get; set; }

    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }

    /// <summary>The lists are the portal's shared vocabulary: every role of the instansi reads them.</summary>
    public bool ReadableBy(Caller caller) => true;

    /// <summary>Only the walidata (and Diskominfo) keep them.</summary>
    public bool WritableBy(Caller caller) => caller.WritesEveryOpd;

    public ReferenceEntry Copy() => (ReferenceEntry)MemberwiseClone();
}

public sealed record ReferenceRequest(string? Kind, string? Code, string? Name, string? OwnerOpd, string? Description = null, string? Source = null, string? Url = null);

public sealed record ReferenceWithdrawal(string? Reason);

public sealed record ReferenceEntered : RecordEvent<ReferenceEntry>
{
    public override HistoryLine Describe() => new("dicatat / entered");
}

public sealed record ReferenceUpdated : RecordEvent<ReferenceEntry>
{
    public override HistoryLine Describe() => new($"diperbarui / updated: {string.Join(", ", Changes.Keys)}");
}

public sealed record ReferenceWithdrawn(string Reason) : RecordEvent<ReferenceEntry>
{
    public override HistoryLine Describe() => new("dicabut / withdrawn", Reason);
}

/// <summary>The reference lists' rules, free of I/O.</summary>
public static class ReferenceDecider
{
    public const string WithdrawnIsFinal = "withdrawn-is-final";

    public static FieldErrors Validate(ReferenceRequest r) => new FieldErrors()
        .OneOf("kind", r.Kind, ReferenceEntry.Kinds)
        .Required("code", r.Code, 100)
        .Required("name", r.Name, 200)
        .Opd("ownerOpd", r.OwnerOpd)
        .MaxLength("description", r.Description, 4000)
        .MaxLength("source", r.Source, 200)
        .Url("url", r.Url);

    public static Decision<ReferenceEntry> Enter(Guid id, ReferenceRequest r) =>
        Validate(r) is { Any: true } errors ? errors : Decision.Accept(Fill(new ReferenceEntry { Id = id }, r), new ReferenceEntered());

    public static Decision<ReferenceEntry> Update(ReferenceEntry current, ReferenceRequest r)
    {
        if (Validate(r) is { Any: true } errors) return errors;
        if (current.Withdrawn) return Final();
        return Decision.Accept(Fill(current.Copy(), r), new ReferenceUpdated());
    }

    public static Decision<ReferenceEntry> Withdraw(ReferenceEntry current, ReferenceWithdrawal r)
    {
        if (new FieldErrors().Required("reason", r.Reason, 1000) is { Any: true } errors) return errors;
        if (current.Withdrawn) return Final();
        var next = current.Copy();
        next.Withdrawn = true;
        next.WithdrawnReason = r.Reason!.Trim();
        return Decision.Accept(next, new ReferenceWithdrawn(next.WithdrawnReason));
    }

    private static ReferenceEntry Fill(ReferenceEntry e, ReferenceRequest r)
    {
        e.Kind = r.Kind!;
        e.Code = r.Code!.Trim();
        e.Name = r.Name!.Trim();
        e.OwnerOpd = r.OwnerOpd!;
        e.Description = r.Description;
        e.Source = r.Source;
        e.Url = r.Url;
        return e;
    }

    private static Rejection Final() =>
        new Rejection.Conflict("Entri sudah dicabut dan tidak dapat diubah / The entry was withdrawn and cannot change.", WithdrawnIsFinal);
}
