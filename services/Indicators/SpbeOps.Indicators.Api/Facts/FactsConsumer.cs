using MassTransit;

namespace SpbeOps.Indicators.Api.Facts;

/// <summary>
/// Consumes one contract of <see cref="FactKinds"/>: hands the fact to the instansi's <see cref="FactBatcher"/>
/// and completes when the batch that holds it is committed (so a failure retries or dead-letters this message as
/// before). Many messages are in flight at once; the batcher keeps one tenant's facts in one transaction at a time.
/// </summary>
public sealed class FactConsumer<TContract>(FactBatcher batcher) : IConsumer<TContract> where TContract : class
{
    private static readonly FactKind<TContract> Kind = FactKinds.Of<TContract>();

    public Task Consume(ConsumeContext<TContract> context) =>
        batcher.SubmitAsync(Kind.Instansi(context.Message),
            Kind.Pending(context.Message, context.MessageId ?? throw new ArgumentException("A message without MessageId cannot be deduplicated.")),
            context.CancellationToken);
}
