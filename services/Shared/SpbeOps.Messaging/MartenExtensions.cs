using JasperFx;
using JasperFx.Events.Daemon;
using JasperFx.MultiTenancy;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using SpbeOps.ServiceDefaults;
using SpbeOps.Records;
using SpbeOps.ServiceDefaults.Auth;

namespace SpbeOps.Messaging;

public static class MartenExtensions
{
    /// <summary>
    /// Marten in the service's own schema, conjoined tenancy (tenant = instansi), the broker forwarder run by the
    /// async daemon, and sessions opened for the caller's instansi.
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddSpbeMarten(
        this IHostApplicationBuilder builder, string serviceName, Action<StoreOptions>? configure = null)
    {
        var connectionString = builder.Configuration.GetConnectionString("postgres")
            ?? throw new InvalidOperationException("ConnectionStrings:postgres is not set. Run the suite with ./spbe up.");
        var schema = builder.Configuration["Marten:Schema"] ?? serviceName.Replace('-', '_');
        var daemonMode = builder.Configuration.GetValue("Marten:DaemonMode", DaemonMode.HotCold);

        builder.Services.AddHttpContextAccessor();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<ProcessedMessagePurge>();

        // PostgreSQL down: 503 + Retry-After instead of a 500 (issue 7, row 5).
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IExceptionHandler, StoreUnavailableExceptionHandler>());
        // A write clash that outlives its bounded retries is a 409, never a 500, in every service.
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IExceptionHandler, ConflictExceptionHandler>());

        // The forwarder: restarted when Marten stops it, and visible in /health (issue 7, row 4).
        var forwarder = builder.Configuration.GetSection("Messaging:Forwarder").Get<ForwarderOptions>() ?? new ForwarderOptions();
        builder.Services.AddSingleton(forwarder);
        builder.Services.AddSingleton<ForwarderState>();
        builder.Services.AddHostedService<ForwarderWatchdog>();
        builder.Services.AddHealthChecks()
            .AddNpgSql(connectionString, name: "postgres", tags: [Extensions.ReadyTag])
            .Add(new HealthCheckRegistration(ForwarderHealthCheck.Name,
                sp => new ForwarderHealthCheck(sp.GetRequiredService<IDocumentStore>(), forwarder, sp.GetRequiredService<ForwarderState>(), connectionString),
                failureStatus: null, tags: [Extensions.ReadyTag]));

        // The daemon wakes on an append to this schema instead of polling: ~40 ms instead of ~700 ms to the broker.
        var appendSignal = new EventAppendSignal.Target(schema, connectionString);
        builder.Services.AddSingleton(appendSignal);
        builder.Services.AddKeyedSingleton(nameof(EventAppendSignal), (_, _) => NpgsqlDataSource.Create(connectionString));
        builder.Services.ConfigureMarten((services, opts) => opts.Projections.Wakeup = EventAppendSignal.Wakeup(
            services.GetRequiredKeyedService<NpgsqlDataSource>(nameof(EventAppendSignal)), schema,
            services.GetRequiredService<ILogger<EventAppendSignal>>()));

        var marten = builder.Services.AddMarten(opts =>
            {
                opts.Connection(connectionString);
                opts.DatabaseSchemaName = schema;
                opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                // Schema changes are applied under one advisory lock per database: many hosts starting at once (a test
                // run of every project, or all services on a fresh database) wait their turn instead of failing.
                opts.ApplyChangesLockTimeout = TimeSpan.FromSeconds(60);
                opts.Policies.AllDocumentsAreMultiTenanted();
                opts.Events.TenancyStyle = TenancyStyle.Conjoined;
                // Woken on append (EventAppendSignal: this schema's channel, not Marten's one shared channel).
                opts.Events.UseListenNotifyForEventAppends = false;
                opts.Events.MetadataConfig.HeadersEnabled = true;
                opts.Schema.For<ProcessedMessage>();
                configure?.Invoke(opts);
            })
            .UseLightweightSessions()
            .BuildSessionsWith<CallerTenantSessionFactory>(ServiceLifetime.Scoped)
            .ApplyAllDatabaseChangesOnStartup()
            .AddSubscriptionWithServices<BrokerForwarder>(ServiceLifetime.Singleton)
            .AddAsyncDaemon(daemonMode);
        // After Marten's own start-up work, which creates the event tables the trigger is put on.
        builder.Services.AddHostedService<EventAppendSignal>();
        return marten;
    }
}

/// <summary>Opens every request's session for the caller's instansi, so no endpoint can forget the tenant.</summary>
internal sealed class CallerTenantSessionFactory(IDocumentStore store, IHttpContextAccessor http) : ISessionFactory
{
    public IQuerySession QuerySession() => store.QuerySession(Tenant());

    public IDocumentSession OpenSession() => store.LightweightSession(Tenant());

    private string Tenant() =>
        http.HttpContext?.User.FindFirst(SpbeClaims.Instansi)?.Value
        ?? throw new InvalidOperationException("A tenant session was requested outside an authenticated request; open one with store.LightweightSession(instansi).");
}
