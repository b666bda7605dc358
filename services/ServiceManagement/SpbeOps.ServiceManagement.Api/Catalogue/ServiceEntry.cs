using SpbeOps.Contracts.ServiceManagement;

namespace SpbeOps.ServiceManagement.Api.Catalogue;

/// <summary>One operational record of a service: planned maintenance, an availability incident, a capacity review.</summary>
public sealed record OperationRecord(Guid Id, string Kind, DateOnly On, string Summary, int? DowntimeMinutes, string By);

/// <summary>
/// One layanan SPBE of the service catalogue (pengoperasian layanan SPBE): its owner OPD, the applications and
/// infrastructure behind it (asset ids of the Assets service), its hours of service, its SLA targets per priority,
/// and its operational records. Retiring it (dihentikan) is final.
/// </summary>
public sealed class ServiceEntry : IRecord<ServiceEntry>, IOpdRecord, IPublishedRecord
{
    public static RecordNoun Noun { get; } = new("layanan", "service");

    public Guid Id { get; set; }
    public string Opd { get; set; } = "";
    /// <summary>A short code, unique in the instansi (e.g. <c>simpeg</c>).</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public List<Guid> Assets { get; set; } = [];
    public string HoursOfService { get; set; } = "";
    public List<SlaTarget> Targets { get; set; } = [];
    public string Status { get; set; } = ServiceDeskVocabulary.Aktif;
    public string? RetiredReason { get; set; }
    public List<OperationRecord> Operations { get; set; } = [];
    /// <summary>How many operational records it keeps (a field, so lists filter on it).</summary>
    public int OperationCount { get; set; }
    public OperationRecord? LastOperation { get; set; }

    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }

    public bool Retired => Status == ServiceDeskVocabulary.Dihentikan;

    /// <summary>The service's own target for a priority, else the instansi's default.</summary>
    public static SlaTarget TargetFor(ServiceEntry? service, ServiceDeskSettings settings, string priority) =>
        service?.Targets.FirstOrDefault(t => t.Priority == priority)
        ?? settings.DefaultTargets.FirstOrDefault(t => t.Priority == priority)
        ?? ServiceDeskVocabulary.DefaultTargets.First(t => t.Priority == priority);

    public object ToIntegrationEvent(string instansi) => new ServiceChangedIntegrationEvent(
        instansi, Id, Version, Opd, Name, Status, Operations.Count, Operations.Count == 0 ? null : Operations.Max(o => o.On), UpdatedAt);

    public ServiceEntry Copy()
    {
        var copy = (ServiceEntry)MemberwiseClone();
        copy.Assets = [.. Assets];
        copy.Targets = [.. Targets];
        copy.Operations = [.. Operations];
        return copy;
    }
}

public sealed record ServiceRequest(
    string? Opd, string? Code, string? Name, string? Description, IReadOnlyList<Guid>? Assets, string? HoursOfService, IReadOnlyList<SlaTarget?>? Targets);

public sealed record OperationRequest(string? Kind, DateOnly? On, string? Summary, int? DowntimeMinutes);

public sealed record RetireRequest(string? Reason);

public sealed record ServiceRegistered : RecordEvent<ServiceEntry>
{
    public override HistoryLine Describe() => new("didaftarkan / registered");
}

public sealed record ServiceUpdated : RecordEvent<ServiceEntry>
{
    public override HistoryLine Describe() => new($"diperbarui / updated: {string.Join(", ", Changes.Keys)}");
}

public sealed record ServiceOperationRecorded(string Kind, DateOnly On) : RecordEvent<ServiceEntry>
{
    public override HistoryLine Describe() => new($"catatan operasional / operational record: {Kind} {On:yyyy-MM-dd}");
}

public sealed record ServiceRetired(string Reason) : RecordEvent<ServiceEntry>
{
    public override HistoryLine Describe() => new("dihentikan / retired", Reason);
}

/// <summary>The catalogue's rules, free of I/O.</summary>
public static class ServiceDecider
{
    public const string RetiredRule = "service-retired";

    public static FieldErrors Validate(ServiceRequest r)
    {
        var errors = new FieldErrors().Opd("opd", r.Opd).Required("name", r.Name, 200).MaxLength("description", r.Description, 4000)
            .Required("hoursOfService", r.HoursOfService, 200);
        if (string.IsNullOrWhiteSpace(r.Code) || !PerangkatDaerahCode.IsValid(r.Code)) errors.Add("code", "kode huruf kecil-strip, 2–64 karakter / a lower-case kebab code, 2–64 characters");
        if (!errors.Count("assets", r.Assets, 100) && r.Assets is not null && r.Assets.Any(a => a == Guid.Empty)) errors.Add("assets", "id kosong / an empty id");
        SettingsDecider.ValidateTargets(errors, "targets", r.Targets);
        return errors;
    }

    public static Decision<ServiceEntry> Register(Guid id, ServiceRequest r) =>
        Validate(r) is { Any: true } errors ? errors : Decision.Accept(Fill(new ServiceEntry { Id = id }, r), new ServiceRegistered());

    public static Decision<ServiceEntry> Update(ServiceEntry current, ServiceRequest r)
    {
        if (Validate(r) is { Any: true } errors) return errors;
        if (current.Retired) return Retired();
        var next = Fill(current.Copy(), r);
        return Decision.Accept(next, new ServiceUpdated());
    }

    public static Decision<ServiceEntry> RecordOperation(ServiceEntry current, OperationRequest r, string actor, DateOnly today)
    {
        var errors = new FieldErrors().OneOf("kind", r.Kind, ServiceDeskVocabulary.OperationKinds)
            .When(r.On is null, "on", "wajib diisi / is required")
            .Required("summary", r.Summary, 2000)
            .Range("downtimeMinutes", r.DowntimeMinutes, 0, 525_600, required: false);
        if (r.Kind == ServiceDeskVocabulary.Pemeliharaan) errors.PlannedDate("on", r.On, today); else errors.PastDate("on", r.On, today);
        if (errors.Any) return errors;
        if (current.Retired) return Retired();
        var next = current.Copy();
        next.Operations.Add(new OperationRecord(Guid.CreateVersion7(), r.Kind!, r.On!.Value, r.Summary!.Trim(), r.DowntimeMinutes, actor));
        next.OperationCount = next.Operations.Count;
        next.LastOperation = next.Operations[^1];
        return Decision.Accept(next, new ServiceOperationRecorded(r.Kind!, r.On!.Value));
    }

    public static Decision<ServiceEntry> Retire(ServiceEntry current, RetireRequest r)
    {
        if (new FieldErrors().Required("reason", r.Reason, 1000) is { Any: true } errors) return errors;
        if (current.Retired) return Retired();
        var next = current.Copy();
        next.Status = ServiceDeskVocabulary.Dihentikan;
        next.RetiredReason = r.Reason!.Trim();
        return Decision.Accept(next, new ServiceRetired(next.RetiredReason));
    }

    private static ServiceEntry Fill(ServiceEntry s, ServiceRequest r)
    {
        s.Opd = r.Opd!;
        s.Code = r.Code!;
        s.Name = r.Name!.Trim();
        s.Description = r.Description;
        s.Assets = [.. (r.Assets ?? []).Distinct()];
        s.HoursOfService = r.HoursOfService!.Trim();
        s.Targets = [.. (r.Targets ?? []).OfType<SlaTarget>()];
        return s;
    }

    private static Rejection Retired() =>
        new Rejection.Conflict("Layanan sudah dihentikan dan tidak dapat diubah / The service is retired and cannot change.", RetiredRule);
}
