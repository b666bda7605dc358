using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;

namespace SpbeOps.Messaging;

/// <summary>Settings of section <c>Messaging</c>.</summary>
public sealed class MessagingOptions
{
    /// <summary>Prefix of every queue this service declares (kebab-case), so services never share a queue by accident.</summary>
    public string EndpointPrefix { get; set; } = "";

    /// <summary>
    /// Prefix of every exchange (message type) this service publishes to and binds to; empty in a deployment. Test
    /// processes set one each, so the hosts of one test project never consume another project's messages on the shared
    /// test vhost (an Indicators host of one project recomputing another project's instansi pushed level changes into
    /// that project's live stream).
    /// </summary>
    public string ExchangePrefix { get; set; } = "";

    /// <summary>Auto-deleted classic queues instead of durable quorum queues: for tests, which come and go.</summary>
    public bool TemporaryQueues { get; set; }

    /// <summary>How long a consumed message's id is remembered to recognise a redelivery.</summary>
    public TimeSpan DedupeWindow { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// How long a consumer keeps retrying a transient failure (PostgreSQL or RabbitMQ unavailable) in memory, with
    /// exponential back-off, before the message is dead-lettered: long enough for a server restart.
    /// </summary>
    public TimeSpan TransientRetryWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest wait between two of those retries.</summary>
    public TimeSpan TransientRetryMaxInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the depth of this service's <c>_error</c> queues is read (metric and <c>/health</c>).</summary>
    public TimeSpan DeadLetterPollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Endpoints every instance owns alone (fan-out to each replica); never quorum, always auto-deleted.</summary>
    internal HashSet<string> InstanceEndpoints { get; } = [];

    /// <summary>Every receive endpoint (queue) of this service, as MassTransit configured it: their <c>_error</c> queues are watched.</summary>
    internal ConcurrentDictionary<string, bool> ReceiveEndpoints { get; } = new(StringComparer.Ordinal);
}

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ with the SpbeOps conventions: kebab-case endpoints prefixed by service, quorum
    /// queues, in-memory retries then the <c>_error</c> queue (docs/architecture.md decision 11). A transient failure
    /// (PostgreSQL or RabbitMQ unavailable) is retried with exponential back-off for
    /// <see cref="MessagingOptions.TransientRetryWindow"/> (a server restart); any other failure a few times within
    /// 9 s, and <c>ArgumentException</c>/<c>InvalidOperationException</c> not at all, so a bad message reaches
    /// <c>_error</c> quickly. No delayed redelivery: the Debian broker has no delayed-message plug-in, and with it
    /// configured messages loop instead of reaching <c>_error</c>. What is dead-lettered is counted
    /// (<see cref="DeadLetterMonitor"/>) and re-driven with <c>./spbe redrive</c>.
    /// </summary>
    public static IHostApplicationBuilder AddSpbeMessaging(
        this IHostApplicationBuilder builder, string serviceName,
        Action<IBusRegistrationConfigurator, MessagingOptions>? configureConsumers = null)
    {
        var options = builder.Configuration.GetSection("Messaging").Get<MessagingOptions>() ?? new MessagingOptions();
        if (string.IsNullOrWhiteSpace(options.EndpointPrefix)) options.EndpointPrefix = serviceName;
        builder.Services.AddSingleton(options);

        var rabbitUri = builder.Configuration.GetConnectionString("rabbitmq")
            ?? throw new InvalidOperationException("ConnectionStrings:rabbitmq is not set (an amqp:// URI). Run the suite with ./spbe up.");

        builder.Services.AddMassTransit(x =>
        {
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(options.EndpointPrefix, false));
            // MassTransit reports usage to its vendor over the internet by default: a government suite sends nothing
            // out (and on a closed network every start logged a failed lookup).
            x.DisableUsageTelemetry();
            configureConsumers?.Invoke(x, options);

            var transient = TransientFailure.Intervals(options.TransientRetryWindow, options.TransientRetryMaxInterval);
            x.AddConfigureEndpointsCallback((_, name, endpoint) =>
            {
                options.ReceiveEndpoints.TryAdd(name, true);
                // Two retry filters, the first one outermost: transient failures skip the inner one and are retried by
                // the outer one for about a minute; everything else is retried briefly by the inner one, then fails.
                endpoint.UseMessageRetry(r =>
                {
                    r.Intervals(transient);
                    r.Handle<Exception>(TransientFailure.IsTransient);
                });
                endpoint.UseMessageRetry(r =>
                {
                    r.Intervals(100, 500, 1000, 2000, 5000);
                    r.Ignore<Exception>(TransientFailure.IsTransient);
                    r.Ignore<ArgumentException>();
                    r.Ignore<InvalidOperationException>();
                });
                // Quorum queues, decided before the first deployment: the queue type cannot change later.
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit && !options.TemporaryQueues && !options.InstanceEndpoints.Contains(name))
                {
                    rabbit.SetQuorumQueue();
                }
            });

            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(new Uri(rabbitUri));
                if (!string.IsNullOrEmpty(options.ExchangePrefix))
                    cfg.MessageTopology.SetEntityNameFormatter(new PrefixEntityNameFormatter(cfg.MessageTopology.EntityNameFormatter, options.ExchangePrefix));
                cfg.ConfigureEndpoints(context);
            });
        });

        // What is dead-lettered is visible: a metric, /health (Degraded) and its count for the dashboard (row 6).
        builder.Services.AddSingleton(sp => new DeadLetterMonitor(options, rabbitUri, sp.GetRequiredService<IMeterFactory>(),
            sp.GetRequiredService<ILogger<DeadLetterMonitor>>()));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DeadLetterMonitor>());
        builder.Services.AddReceiveObserver<DeadLetterObserver>();
        builder.Services.AddHealthChecks().AddCheck<DeadLetterHealthCheck>(DeadLetterHealthCheck.Name, tags: [ServiceDefaults.Extensions.ReadyTag]);
        builder.Services.AddOpenTelemetry().WithMetrics(m => m.AddMeter(DeadLetterMonitor.MeterName));

        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(30);
            o.StopTimeout = TimeSpan.FromSeconds(10);
        });
        return builder;
    }

    /// <summary>
    /// A consumer every running instance receives its own copy of (e.g. to push live updates to the clients
    /// connected to that instance): an auto-deleted queue named after the instance.
    /// </summary>
    public static void AddInstanceConsumer<TConsumer>(this IBusRegistrationConfigurator x, MessagingOptions options)
        where TConsumer : class, IConsumer
    {
        var name = $"{options.EndpointPrefix}-{KebabCaseEndpointNameFormatter.Instance.Consumer<TConsumer>()}-{Guid.NewGuid().ToString("N")[..12]}";
        options.InstanceEndpoints.Add(name);
        x.AddConsumer<TConsumer>().Endpoint(e =>
        {
            e.Name = name;
            e.Temporary = true;
        });
    }
}
