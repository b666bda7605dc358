using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace SpbeOps.Testing;

/// <summary>
/// Watches what really reaches RabbitMQ: binds an auto-deleted queue to the fanout exchange MassTransit declares
/// for a message type and collects the envelopes (<c>messageId</c>, <c>message</c>, <c>headers</c>).
/// </summary>
public sealed class BrokerProbe : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly Channel<JsonElement> _received = Channel.CreateUnbounded<JsonElement>();
    private readonly List<JsonElement> _seen = [];

    private BrokerProbe(IConnection connection, IChannel channel) => (_connection, _channel) = (connection, channel);

    /// <summary>MassTransit's exchange name for a message type in this test project: prefix + <c>Namespace:TypeName</c>.</summary>
    public static string ExchangeFor<T>() => $"{InfrastructureFixture.ExchangePrefix}{typeof(T).Namespace}:{typeof(T).Name}";

    public static async Task<BrokerProbe> StartAsync<T>(string amqpUri)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(amqpUri) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var probe = new BrokerProbe(connection, channel);
        var exchange = ExchangeFor<T>();
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        var queue = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(queue.QueueName, exchange, "");
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            var envelope = JsonDocument.Parse(Encoding.UTF8.GetString(delivery.Body.Span)).RootElement.Clone();
            await probe._received.Writer.WriteAsync(envelope);
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
        return probe;
    }

    /// <summary>Waits for an envelope whose <c>message</c> matches; fails after <paramref name="timeout"/>.</summary>
    public async Task<JsonElement> WaitFor(Func<JsonElement, bool> matches, TimeSpan timeout)
    {
        var match = _seen.FirstOrDefault(e => matches(e.GetProperty("message")));
        if (match.ValueKind != JsonValueKind.Undefined) return match;
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var envelope = await _received.Reader.ReadAsync(cts.Token);
                _seen.Add(envelope);
                if (matches(envelope.GetProperty("message"))) return envelope;
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"No matching message reached the broker within {timeout.TotalSeconds:0} s ({_seen.Count} others seen).");
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _connection.CloseAsync();
        _channel.Dispose();
        _connection.Dispose();
    }
}
