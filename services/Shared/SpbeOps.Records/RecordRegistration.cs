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

    /// <summary>
    /// A record with a text search (<see cref="ListIndexes.Trigram"/>) needs pg_trgm: a trusted extension, so the
    /// database's owner (the spbeops role) may create it; deploy/postgres/init.sql creates it too.
    /// </summary>
    public static IHostApplicationBuilder AddTrigramSearch(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureMarten(opts =>
        {
            if (!opts.Storage.ExtendedSchemaObjects.OfType<Weasel.Postgresql.Extension>().Any(e => e.ExtensionName == "pg_trgm"))
                opts.Storage.ExtendedSchemaObjects.Add(new Weasel.Postgresql.Extension("pg_trgm"));
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

/// <summary>The index shapes of list routes (issue 8).</summary>
public static class ListIndexes
{
    /// <summary>A btree over the members with tenant_id first: conjoined tenancy filters every query by tenant.</summary>
    public static Action<Marten.Schema.ComputedIndex> PerTenant(string name) => index =>
    {
        index.Name = name;
        index.TenancyScope = Marten.Schema.Indexing.Unique.TenancyScope.PerTenant;
    };

    /// <summary>A pg_trgm GIN index that serves <c>ILIKE '%text%'</c> (LINQ <c>Contains(q, OrdinalIgnoreCase)</c>).</summary>
    public static Action<Marten.Schema.ComputedIndex> Trigram(string name) => index =>
    {
        index.Name = name;
        index.Method = Weasel.Postgresql.Tables.IndexMethod.gin;
        index.Mask = "? gin_trgm_ops";
    };
}
