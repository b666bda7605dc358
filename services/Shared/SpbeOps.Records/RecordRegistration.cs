using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace SpbeOps.Records;

/// <summary>
/// A record type known to this service: its event types (every concrete <see cref="RecordEvent{T}"/> of its
/// assembly) and how to load several of it at once (the broker forwarder publishes their state).
/// </summary>
public sealed record RecordRegistration(
    Type RecordType,
    IReadOnlyList<Type> EventTypes,
    Func<IQuerySession, Guid[], CancellationToken, Task<IReadOnlyList<IRecord>>> LoadMany);

public static class RecordRegistrationExtensions
{
    /// <summary>
    /// Registers a record type once: its Marten document (with <paramref name="schema"/>'s indexes), its event types,
    /// and its publication. Nothing else lists a record's events.
    /// </summary>
    public static IHostApplicationBuilder AddRecord<T>(
        this IHostApplicationBuilder builder, Action<MartenRegistry.DocumentMappingExpression<T>>? schema = null)
        where T : class, IRecord<T>
    {
        var events = EventTypesOf<T>();
        builder.Services.TryAddScoped<RecordWriter>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.AspNetCore.Diagnostics.IExceptionHandler, ConflictExceptionHandler>());
        builder.Services.AddSingleton(new RecordRegistration(typeof(T), events,
            async (session, ids, ct) => (await session.LoadManyAsync<T>(ct, ids)).Cast<IRecord>().ToList()));
        builder.Services.ConfigureMarten(opts =>
        {
            var mapping = opts.Schema.For<T>();
            schema?.Invoke(mapping);
            opts.Events.AddEventTypes(events);
        });
        return builder;
    }

    /// <summary>The events of a record live beside it, in its assembly.</summary>
    public static IReadOnlyList<Type> EventTypesOf<T>() where T : class, IRecord<T> =>
        typeof(T).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(RecordEvent<T>).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();
}
