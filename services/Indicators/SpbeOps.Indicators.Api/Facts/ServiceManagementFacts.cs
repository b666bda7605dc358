using SpbeOps.Contracts.ServiceManagement;

namespace SpbeOps.Indicators.Api.Facts;

/// <summary>A layanan SPBE of the service catalogue (indicator 28, pengoperasian layanan).</summary>
public sealed class ServiceFact : OpdFact
{
    public string Name { get; set; } = "";
    public string Status { get; set; } = "";
    public int OperationRecords { get; set; }

    public bool Operated => Status == "aktif" && OperationRecords > 0;

    public static ServiceFact From(ServiceChangedIntegrationEvent m) => new()
    {
        Id = m.ServiceId, Version = m.Version, UpdatedAt = m.OccurredAt, Opd = m.Opd, Name = m.Name, Status = m.Status, OperationRecords = m.OperationRecords,
    };
}

/// <summary>A service-desk ticket with its SLA outcome (indicator 28, pelayanan pengguna).</summary>
public sealed class TicketFact : OpdFact
{
    public string Title { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Status { get; set; } = "";
    public bool Handled { get; set; }
    public bool TtoBreached { get; set; }
    public bool TtrBreached { get; set; }

    public static TicketFact From(TicketChangedIntegrationEvent m) => new()
    {
        Id = m.TicketId, Version = m.Version, UpdatedAt = m.OccurredAt, Opd = m.Opd, Title = m.Title, Kind = m.Kind, Status = m.Status,
        Handled = m.Handled, TtoBreached = m.TtoBreached, TtrBreached = m.TtrBreached,
    };
}

/// <summary>A change request and whether it went through the process (indicator 27).</summary>
public sealed class ChangeFact : OpdFact
{
    public string Title { get; set; } = "";
    public string Status { get; set; } = "";
    public bool Assessed { get; set; }
    public bool Approved { get; set; }
    public bool Implemented { get; set; }
    public bool OutsideWindow { get; set; }
    public bool Reviewed { get; set; }

    /// <summary>Implemented after an assessment and an approval, inside its window.</summary>
    public bool ThroughProcess => Implemented && Assessed && Approved && !OutsideWindow;

    public static ChangeFact From(ChangeRequestChangedIntegrationEvent m) => new()
    {
        Id = m.ChangeId, Version = m.Version, UpdatedAt = m.OccurredAt, Opd = m.Opd, Title = m.Title, Status = m.Status,
        Assessed = m.Assessed, Approved = m.Approved, Implemented = m.Implemented, OutsideWindow = m.ImplementedOutsideWindow, Reviewed = m.Reviewed,
    };
}

public sealed record ServiceManagementSample(Guid Id, string Title);

/// <summary>
/// One OPD's service management as indicators 27 and 28 need it: its changes (recorded, implemented, through the
/// process, reviewed), its tickets (handled, within SLA, breached) and its services (operated with records), with a
/// few of each as evidence. Kept up to date fact by fact like <see cref="AssetRegisterSummary"/>, so a recalculation
/// reads one small document per OPD whatever the number of tickets and changes.
/// </summary>
public sealed class ServiceManagementSummary
{
    public const int Samples = 5;

    /// <summary>The OPD code.</summary>
    public string Id { get; set; } = "";

    public int Changes { get; set; }
    public int ChangesImplemented { get; set; }
    public int ChangesThroughProcess { get; set; }
    public int ChangesReviewed { get; set; }
    public List<ServiceManagementSample> ChangeSamples { get; set; } = [];
    public List<ServiceManagementSample> OutsideProcessSamples { get; set; } = [];

    public int Tickets { get; set; }
    public int TicketsHandled { get; set; }
    public int HandledTtoMet { get; set; }
    public int HandledTtrMet { get; set; }
    public int TicketsBreached { get; set; }
    public List<ServiceManagementSample> HandledSamples { get; set; } = [];

    public int ServicesOperated { get; set; }
    public List<ServiceManagementSample> OperatedSamples { get; set; } = [];

    public void Add(Fact f) => Count(f, +1);

    public void Remove(Fact f)
    {
        Count(f, -1);
        foreach (var list in new[] { ChangeSamples, OutsideProcessSamples, HandledSamples, OperatedSamples }) list.RemoveAll(s => s.Id == f.Id);
    }

    private void Count(Fact f, int by)
    {
        static int Move(int value, bool when, int by) => when ? Math.Max(0, value + by) : value;
        void Sample(List<ServiceManagementSample> list, bool when, string title)
        {
            if (by > 0 && when && list.Count < Samples) list.Add(new ServiceManagementSample(f.Id, title));
        }

        switch (f)
        {
            case ChangeFact c:
                Changes = Move(Changes, true, by);
                ChangesImplemented = Move(ChangesImplemented, c.Implemented, by);
                ChangesThroughProcess = Move(ChangesThroughProcess, c.ThroughProcess, by);
                ChangesReviewed = Move(ChangesReviewed, c.Implemented && c.Reviewed, by);
                Sample(ChangeSamples, true, c.Title);
                Sample(OutsideProcessSamples, c.Implemented && !c.ThroughProcess, c.Title);
                break;
            case TicketFact t:
                Tickets = Move(Tickets, true, by);
                TicketsHandled = Move(TicketsHandled, t.Handled, by);
                HandledTtoMet = Move(HandledTtoMet, t.Handled && !t.TtoBreached, by);
                HandledTtrMet = Move(HandledTtrMet, t.Handled && !t.TtrBreached, by);
                TicketsBreached = Move(TicketsBreached, t.TtoBreached || t.TtrBreached, by);
                Sample(HandledSamples, t.Handled, t.Title);
                break;
            case ServiceFact s:
                ServicesOperated = Move(ServicesOperated, s.Operated, by);
                Sample(OperatedSamples, s.Operated, s.Name);
                break;
        }
    }

    /// <summary>Fewer samples are kept than exist (one left its set): the consumer reloads a few.</summary>
    public bool NeedsSamples =>
        ChangeSamples.Count < Math.Min(Samples, Changes)
        || OutsideProcessSamples.Count < Math.Min(Samples, ChangesImplemented - ChangesThroughProcess)
        || HandledSamples.Count < Math.Min(Samples, TicketsHandled)
        || OperatedSamples.Count < Math.Min(Samples, ServicesOperated);

    /// <summary>Moves each fact between the counts of its OPD (or two OPDs', when it moved), and stores the summaries.</summary>
    public static async Task UpdateAsync(
        IDocumentSession session, FactSet facts, IReadOnlyList<OpdFact> changed, Func<OpdFact, OpdFact?> previousOf, CancellationToken ct)
    {
        var touched = new Dictionary<string, ServiceManagementSummary>(StringComparer.OrdinalIgnoreCase);
        foreach (var f in changed)
        {
            if (previousOf(f) is { } previous) (touched[previous.Opd] = facts.ServiceManagementOf(previous.Opd)).Remove(previous);
            (touched[f.Opd] = facts.ServiceManagementOf(f.Opd)).Add(f);
        }

        var applied = changed.Select(f => f.Id).ToArray();
        foreach (var summary in touched.Values)
        {
            if (summary.NeedsSamples) await ResampleAsync(session, summary, changed, applied, ct);
            session.Store(summary);
        }
    }

    /// <summary>Rebuilds the samples from a few stored facts of the OPD and the ones being applied (the stored copies of those are the previous ones).</summary>
    private static async Task ResampleAsync(IDocumentSession session, ServiceManagementSummary summary, IReadOnlyList<OpdFact> changed, Guid[] applied, CancellationToken ct)
    {
        var opd = summary.Id;
        var mine = changed.Where(f => string.Equals(f.Opd, opd, StringComparison.OrdinalIgnoreCase)).ToList();
        var changes = (await session.Query<ChangeFact>().Where(c => c.Opd == opd && !applied.Contains(c.Id)).Take(Samples * 4).ToListAsync(ct))
            .Concat(mine.OfType<ChangeFact>()).ToList();
        var tickets = (await session.Query<TicketFact>().Where(t => t.Opd == opd && t.Handled && !applied.Contains(t.Id)).Take(Samples * 2).ToListAsync(ct))
            .Concat(mine.OfType<TicketFact>()).ToList();
        var services = (await session.Query<ServiceFact>().Where(x => x.Opd == opd && x.OperationRecords > 0 && !applied.Contains(x.Id)).Take(Samples * 2).ToListAsync(ct))
            .Concat(mine.OfType<ServiceFact>()).ToList();
        summary.ChangeSamples = [.. changes.Take(Samples).Select(c => new ServiceManagementSample(c.Id, c.Title))];
        summary.OutsideProcessSamples = [.. changes.Where(c => c.Implemented && !c.ThroughProcess).Take(Samples).Select(c => new ServiceManagementSample(c.Id, c.Title))];
        summary.HandledSamples = [.. tickets.Where(t => t.Handled).Take(Samples).Select(t => new ServiceManagementSample(t.Id, t.Title))];
        summary.OperatedSamples = [.. services.Where(x => x.Operated).Take(Samples).Select(x => new ServiceManagementSample(x.Id, x.Name))];
    }
}
