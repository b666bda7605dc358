namespace SpbeOps.Messaging;

/// <summary>
/// A consumed message, kept so a redelivery is recognised. Written in the same Marten transaction as the
/// consumer's state change: both happen or neither.
/// </summary>
public sealed class ProcessedMessage
{
    public string Id { get; set; } = "";
    public DateTimeOffset ProcessedAt { get; set; }

    public static string KeyFor(string consumer, Guid? messageId) =>
        $"{consumer}:{messageId ?? throw new ArgumentException("A message without MessageId cannot be deduplicated.")}";
}
