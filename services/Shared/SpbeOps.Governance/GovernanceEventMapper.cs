using JasperFx.Events;
using SpbeOps.Contracts.Governance;
using SpbeOps.Messaging;

namespace SpbeOps.Governance;

internal sealed class GovernanceEventMapper : IIntegrationEventMapper
{
    public IReadOnlyCollection<Type> EventTypes { get; } = [typeof(GovernanceRecordWritten), typeof(GovernanceRecordWithdrawn)];

    public object? Map(IEvent e) => e.Data switch
    {
        GovernanceRecordWritten w => ToContract(e.TenantId, w.Record, w.At),
        GovernanceRecordWithdrawn w => ToContract(e.TenantId, w.Record, w.At),
        _ => null,
    };

    private static GovernanceRecordChangedIntegrationEvent ToContract(string instansi, GovernanceRecord r, DateTimeOffset at) => new(
        instansi, r.Id, r.Version, r.Indicator, r.RecordType, r.Title, r.PolicyKind, r.Issuer, r.IssuerOpd,
        r.AllOpd, r.ScopeOpds, r.Covers, r.Date, r.EndDate, r.ValidFrom, r.ValidUntil, r.ReviewId, r.Status, r.CompletedOn,
        r.Withdrawn, at);
}
