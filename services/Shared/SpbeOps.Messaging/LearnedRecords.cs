namespace SpbeOps.Messaging;

/// <summary>
/// How a service learns another service's records from its integration events (docs/architecture.md decisions 4 and
/// 15): one consumer per contract keeps the latest version of each record, duplicate-safe and in batches per instansi
/// (<see cref="LearnedRecordBatches{T}"/>). The service says only what differs: the record kept and how a message
/// becomes one.
/// </summary>
public static class LearnedRecords
{
    /// <summary>
    /// Messages in flight on each queue: every write of the producer reaches it, so enough to fill a batch under load
    /// (one transaction per message fell behind at 100 writes/s, issue 8).
    /// </summary>
    public const int Concurrency = 64;

    /// <summary>
    /// Stores <typeparamref name="TRecord"/> (a Marten document of this service) from every <typeparamref name="TContract"/>.
    /// The consumer is named after the contract as the services' own consumer classes were
    /// (<c>AssetChangedIntegrationEvent</c> → <c>AssetChangedConsumer</c>): that name keys its dedupe markers and names
    /// its queue (<c>{service}-asset-changed</c>), so both are the ones already deployed.
    /// </summary>
    /// <param name="instansiOf">the tenant a message belongs to</param>
    /// <param name="learn">the record a message tells, with its id and the producer's version</param>
    public static void AddLearnedRecords<TContract, TRecord>(this IBusRegistrationConfigurator bus, MessagingOptions options,
        Func<TContract, string> instansiOf, Func<TContract, TRecord> learn)
        where TContract : class
        where TRecord : class, ILearnedRecord
    {
        const string contractSuffix = "IntegrationEvent";
        var contract = typeof(TContract).Name;
        var stem = contract.EndsWith(contractSuffix, StringComparison.Ordinal) ? contract[..^contractSuffix.Length] : contract;

        bus.ConfigureMarten(opts => opts.Schema.For<TRecord>());
        bus.AddSingleton(sp => new LearnedRecordBatches<TRecord>(
            sp.GetRequiredService<IDocumentStore>(), stem + "Consumer", sp.GetRequiredService<ILogger<LearnedRecordBatches<TRecord>>>()));
        bus.AddSingleton(new LearnedRecordConsumer<TContract, TRecord>.Mapping(instansiOf, learn));
        bus.AddConsumer<LearnedRecordConsumer<TContract, TRecord>>().Endpoint(e =>
        {
            // As the endpoint name formatter names a consumer class: the prefix and the name less "Consumer", kebab-cased.
            e.Name = KebabCaseEndpointNameFormatter.Instance.SanitizeName(options.EndpointPrefix + stem);
            e.ConcurrentMessageLimit = Concurrency;
            e.PrefetchCount = Concurrency;
            e.Temporary = options.TemporaryQueues;
        });
    }
}

/// <summary>Hands each message, as the record it tells, to the batches of its instansi.</summary>
public sealed class LearnedRecordConsumer<TContract, TRecord>(
    LearnedRecordBatches<TRecord> batches, LearnedRecordConsumer<TContract, TRecord>.Mapping mapping) : IConsumer<TContract>
    where TContract : class
    where TRecord : class, ILearnedRecord
{
    public sealed record Mapping(Func<TContract, string> InstansiOf, Func<TContract, TRecord> Learn);

    public Task Consume(ConsumeContext<TContract> context) =>
        batches.KeepLatestAsync(context, mapping.InstansiOf(context.Message), mapping.Learn(context.Message));
}
