using JasperFx.Events;
using SpbeOps.Contracts.Risk;
using SpbeOps.Messaging;

namespace SpbeOps.Risk.Api.Contexts;

internal sealed class ContextEventMapper : IIntegrationEventMapper
{
    public IReadOnlyCollection<Type> EventTypes { get; } = [typeof(RiskContextDefined), typeof(RiskContextRevised), typeof(RiskContextApprovalRecorded)];

    public object? Map(IEvent e) => e.Data switch
    {
        RiskContextDefined d => ToContract(e.TenantId, d.Context, d.At),
        RiskContextRevised r => ToContract(e.TenantId, r.Context, r.At),
        RiskContextApprovalRecorded a => ToContract(e.TenantId, a.Context, a.At),
        _ => null,
    };

    internal static RiskContextChangedIntegrationEvent ToContract(string instansi, RiskContext c, DateTimeOffset at) =>
        new(instansi, c.Id, c.Version, c.Opd, c.PeriodYear, c.Complete, c.ApprovalStatus, at);
}
