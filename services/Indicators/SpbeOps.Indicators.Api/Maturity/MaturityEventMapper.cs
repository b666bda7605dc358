using JasperFx.Events;
using SpbeOps.Contracts.Maturity;

namespace SpbeOps.Indicators.Api.Maturity;

internal sealed class MaturityEventMapper : IIntegrationEventMapper
{
    public IReadOnlyCollection<Type> EventTypes { get; } = [typeof(IndicatorLevelChanged)];

    public object? Map(IEvent e) => e.Data is IndicatorLevelChanged c
        ? new IndicatorLevelChangedIntegrationEvent(e.TenantId, c.Indicator, c.Opd, c.PreviousLevel, c.Level, c.Source, c.ChangedAt)
        : null;
}
