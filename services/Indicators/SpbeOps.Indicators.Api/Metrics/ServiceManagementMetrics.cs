namespace SpbeOps.Indicators.Api.Metrics;

/// <summary>
/// The metrics of indicators 27 (manajemen perubahan) and 28 (manajemen layanan), over the per-OPD
/// <see cref="ServiceManagementSummary"/> documents (never the tickets or changes themselves).
/// </summary>
public static class ServiceManagementMetrics
{
    private const int EvidenceLimit = 25;

    private static IEnumerable<ServiceManagementSummary> Summaries(MetricScope s) =>
        s.Facts.ServiceManagement.Values.Where(c => s.Opd is null || string.Equals(c.Id, s.Opd, StringComparison.OrdinalIgnoreCase));

    // ---- 27 ----

    public static MetricValue ChangesRecorded(MetricScope s)
    {
        var opds = Summaries(s).Where(c => c.Changes > 0).ToList();
        var evidence = opds.SelectMany(c => c.ChangeSamples.Select(x => new Evidence(x.Id.ToString(), "change", $"{x.Title} ({c.Id})"))).Take(EvidenceLimit);
        return MetricValue.Of(opds.Sum(c => c.Changes), [.. evidence]);
    }

    /// <summary>The share of implemented changes that were assessed, approved and implemented inside their window (0 when none).</summary>
    public static MetricValue ThroughProcessShare(MetricScope s)
    {
        var opds = Summaries(s).Where(c => c.ChangesImplemented > 0).ToList();
        var implemented = opds.Sum(c => c.ChangesImplemented);
        if (implemented == 0) return MetricValue.Of(0.0, new Evidence("-", "change.missing", "belum ada perubahan yang diimplementasikan / no change implemented yet"));
        var evidence = opds.SelectMany(c => c.OutsideProcessSamples.Select(x =>
                new Evidence(x.Id.ToString(), "change.outside-process", $"{x.Title} ({c.Id}): tanpa penilaian/persetujuan atau di luar jadwal / without assessment/approval or outside its window")))
            .Concat(opds.Select(c => new Evidence(c.Id, "change-log", $"{c.Id}: {c.ChangesThroughProcess} dari {c.ChangesImplemented} melalui proses / of {c.ChangesImplemented} through the process")))
            .Take(EvidenceLimit);
        return MetricValue.Of(Math.Round(opds.Sum(c => c.ChangesThroughProcess) / (double)implemented, 4), [.. evidence]);
    }

    /// <summary>The share of implemented changes with a post-implementation review (0 when none).</summary>
    public static MetricValue ReviewedShare(MetricScope s)
    {
        var opds = Summaries(s).Where(c => c.ChangesImplemented > 0).ToList();
        var implemented = opds.Sum(c => c.ChangesImplemented);
        if (implemented == 0) return MetricValue.Of(0.0, new Evidence("-", "change.missing", "belum ada perubahan yang diimplementasikan / no change implemented yet"));
        var evidence = opds.Select(c => new Evidence(c.Id, "change-log", $"{c.Id}: PIR {c.ChangesReviewed} dari {c.ChangesImplemented} / of {c.ChangesImplemented} reviewed")).Take(EvidenceLimit);
        return MetricValue.Of(Math.Round(opds.Sum(c => c.ChangesReviewed) / (double)implemented, 4), [.. evidence]);
    }

    // ---- 28 ----

    /// <summary>How many of the two processes are in use: pelayanan pengguna (a handled ticket), pengoperasian layanan (an operated service).</summary>
    public static MetricValue ProcessesInUse(MetricScope s)
    {
        var opds = Summaries(s).ToList();
        var desk = opds.Where(c => c.TicketsHandled > 0).ToList();
        var operation = opds.Where(c => c.ServicesOperated > 0).ToList();
        var evidence = new List<Evidence>();
        evidence.Add(desk.Count > 0
            ? new Evidence(desk[0].HandledSamples.FirstOrDefault()?.Id.ToString() ?? desk[0].Id, "service-desk",
                $"pelayanan pengguna / user service: {desk.Sum(c => c.TicketsHandled)} tiket ditangani / tickets handled")
            : new Evidence("-", "service-desk.missing", "pelayanan pengguna: belum ada tiket yang ditangani / no ticket handled yet"));
        evidence.Add(operation.Count > 0
            ? new Evidence(operation[0].OperatedSamples.FirstOrDefault()?.Id.ToString() ?? operation[0].Id, "service-operation",
                $"pengoperasian layanan / service operation: {operation.Sum(c => c.ServicesOperated)} layanan dengan catatan operasional / services with operational records")
            : new Evidence("-", "service-operation.missing", "pengoperasian layanan: belum ada layanan dengan catatan operasional / no service with operational records yet"));
        return MetricValue.Of((desk.Count > 0 ? 1 : 0) + (operation.Count > 0 ? 1 : 0), [.. evidence]);
    }

    /// <summary>Handled tickets whose SLA was measured, with the SLA figures per OPD as evidence.</summary>
    public static MetricValue SlaMeasured(MetricScope s)
    {
        var opds = Summaries(s).Where(c => c.TicketsHandled > 0).ToList();
        var evidence = opds.Select(c => new Evidence(c.Id, "sla",
            $"{c.Id}: TTO terpenuhi / met {c.HandledTtoMet}/{c.TicketsHandled}, TTR terpenuhi / met {c.HandledTtrMet}/{c.TicketsHandled}, tiket melanggar SLA / breaching tickets {c.TicketsBreached} dari / of {c.Tickets}"))
            .Take(EvidenceLimit);
        return MetricValue.Of(opds.Sum(c => c.TicketsHandled), [.. evidence]);
    }

    /// <summary>For coverage: the OPD whose service desk handled tickets.</summary>
    public static IEnumerable<(string Opd, Guid Id, string Label)> DeskInUse(MetricScope s) =>
        s.Facts.ServiceManagement.Values.Where(c => c.TicketsHandled > 0)
            .Select(c => (c.Id, c.HandledSamples.FirstOrDefault()?.Id ?? Guid.Empty, $"{c.TicketsHandled} tiket ditangani / tickets handled"));
}
