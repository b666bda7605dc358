using JasperFx.Events;
using SpbeOps.Contracts.Risk;
using SpbeOps.Messaging;

namespace SpbeOps.Risk.Api.Monitoring;

internal sealed class MonitoringEventMapper : IIntegrationEventMapper
{
    public IReadOnlyCollection<Type> EventTypes { get; } =
        [typeof(RiskMonitoringReported), typeof(RiskMonitoringRevised), typeof(RiskMonitoringApprovalRecorded)];

    public object? Map(IEvent e) => e.Data switch
    {
        RiskMonitoringReported d => ToContract(e.TenantId, d.Report, d.At),
        RiskMonitoringRevised d => ToContract(e.TenantId, d.Report, d.At),
        RiskMonitoringApprovalRecorded d => ToContract(e.TenantId, d.Report, d.At),
        _ => null,
    };

    internal static RiskMonitoringRecordedIntegrationEvent ToContract(string instansi, MonitoringReport m, DateTimeOffset at) =>
        new(instansi, m.Id, m.Version, m.Opd, m.PeriodYear, m.Kind, m.Quarter, m.ReportedOn, m.ApprovalStatus, at);
}
