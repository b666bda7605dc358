using JasperFx.Events;

namespace SpbeOps.Messaging;

/// <summary>
/// Turns a stored domain event into the integration event (a record of SpbeOps.Contracts) other services see.
/// Each service registers one per feature; events a mapper does not list stay internal.
/// </summary>
public interface IIntegrationEventMapper
{
    IReadOnlyCollection<Type> EventTypes { get; }

    /// <summary>The integration event for <paramref name="e"/>, or null when this event is not published.</summary>
    object? Map(IEvent e);
}
