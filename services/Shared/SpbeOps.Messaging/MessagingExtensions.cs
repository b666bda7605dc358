namespace SpbeOps.Messaging;

/// <summary>Settings of section <c>Messaging</c>.</summary>
public sealed class MessagingOptions
{
    /// <summary>Prefix of every queue this service declares (kebab-case), so services never share a queue by accident.</summary>
    public string EndpointPrefix { get; set; } = "";

    /// <summary>Auto-deleted classic queues instead of durable quorum queues: for tests, which come and go.</summary>
    public bool TemporaryQueues { get; set; }

    /// <summary>How long a consumed message's id is remembered to recognise a redelivery.</summary>
    public TimeSpan DedupeWindow { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Endpoints every instance owns alone (fan-out to each replica); never quorum, always auto-deleted.</summary>
    internal HashSet<string> InstanceEndpoints { get; } = [];
}

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ with the SpbeOps conventions: kebab-case endpoints prefixed by service, quorum
    /// queues, short in-memory retries then the <c>_error</c> queue. No delayed redelivery: the Debian broker has
    /// no delayed-message plug-in, and with it configured messages loop instead of reaching <c>_error</c>.
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
            configureConsumers?.Invoke(x, options);

            x.AddConfigureEndpointsCallback((_, name, endpoint) =>
            {
                endpoint.UseMessageRetry(r =>
                {
                    r.Intervals(100, 500, 1000, 2000, 5000);
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
                cfg.ConfigureEndpoints(context);
            });
        });

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
