using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Npgsql;
using RabbitMQ.Client;

namespace SpbeOps.Reliability.Tests.Pipeline;

/// <summary>What the pipeline tests read from a host, PostgreSQL and RabbitMQ.</summary>
internal static class PipelineProbes
{
    /// <summary>GET /health: the overall status and one check's entry (status, description, data).</summary>
    public static async Task<(HttpStatusCode Code, string Status, JsonElement Check)> HealthAsync(HttpClient client, string check)
    {
        var response = await client.GetAsync("/health");
        var body = await response.ReadJson();
        var entry = body.GetProperty("checks").TryGetProperty(check, out var c) ? c : default;
        return (response.StatusCode, body.GetProperty("status").GetString()!, entry);
    }

    /// <summary>Polls /health until <paramref name="check"/> has <paramref name="status"/>; returns that entry.</summary>
    public static async Task<JsonElement?> WaitForCheckAsync(HttpClient client, string check, string status, TimeSpan timeout,
        Func<JsonElement, bool>? data = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var (_, _, entry) = await HealthAsync(client, check);
            if (entry.ValueKind == JsonValueKind.Object && entry.GetProperty("status").GetString() == status
                && (data is null || data(entry.GetProperty("data")))) return entry;
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Timed out after {timeout.TotalSeconds:0} s waiting for /health check '{check}' to be {status}; last: {entry}");
            await Task.Delay(200);
        }
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Sends a raw MassTransit JSON envelope to a queue through the default exchange (no other queue sees it).</summary>
    public static async Task SendEnvelopeAsync(string amqpUri, string queue, string envelope)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(amqpUri) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", Persistent = true };
        await channel.BasicPublishAsync("", queue, mandatory: true, properties, Encoding.UTF8.GetBytes(envelope));
    }

    /// <summary>Declares <paramref name="queue"/> (a classic durable queue) unless it exists.</summary>
    public static async Task DeclareQueueAsync(string amqpUri, string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(amqpUri) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
    }

    /// <summary>The number of messages in <paramref name="queue"/>, or null when it does not exist.</summary>
    public static async Task<uint?> QueueDepthAsync(string amqpUri, string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(amqpUri) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return null;
        }
    }

    /// <summary>Deletes the queues and the exchanges of the same names MassTransit declares for them; best effort.</summary>
    public static async Task DeleteQueuesAsync(string amqpUri, params string[] queues)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(amqpUri) }.CreateConnectionAsync();
        foreach (var queue in queues)
        {
            foreach (var delete in new Func<IChannel, Task>[] { c => c.QueueDeleteAsync(queue), c => c.ExchangeDeleteAsync(queue) })
            {
                try
                {
                    await using var channel = await connection.CreateChannelAsync();
                    await delete(channel);
                }
                catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
                {
                    // not there
                }
            }
        }
    }

    /// <summary>A MassTransit envelope of an <c>AssetChangedIntegrationEvent</c>; without <paramref name="messageId"/> it is a poison message.</summary>
    public static string AssetChangedEnvelope(string instansi, Guid assetId, Guid? messageId) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["messageId"] = messageId,
        ["messageType"] = new[] { "urn:message:SpbeOps.Contracts.Assets:AssetChangedIntegrationEvent" },
        ["message"] = new
        {
            instansi, assetId, version = 1, opd = "dinkes", kind = "hardware", name = "Server Dinkes", stage = "pemanfaatan",
            applicationType = (string?)null, occurredAt = DateTimeOffset.UtcNow,
        },
    }.Where(p => p.Value is not null).ToDictionary(), HttpAssertions.Json);

    /// <summary>A TCP port nothing listens on right now.</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>The repository root (the folder holding <c>spbe</c>).</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "spbe")) && Directory.Exists(Path.Combine(dir.FullName, "deploy"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (with ./spbe) was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Runs a bash script from the repository root; returns exit code, stdout and stderr.</summary>
    public static async Task<(int Code, string Output, string Errors)> BashAsync(string script, IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("bash", ["-c", script])
        {
            WorkingDirectory = RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var bash = Process.Start(start)!;
        var output = bash.StandardOutput.ReadToEndAsync();
        var errors = bash.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await bash.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            bash.Kill(entireProcessTree: true);
            throw new TimeoutException($"bash did not finish in time: {script}\n{await errors}");
        }
        return (bash.ExitCode, await output, await errors);
    }
}
