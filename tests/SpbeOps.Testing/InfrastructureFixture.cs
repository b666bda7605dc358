using DotNet.Testcontainers.Configurations;
using Npgsql;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace SpbeOps.Testing;

/// <summary>
/// Real PostgreSQL and RabbitMQ for the tests, from the first source that exists:
/// 1. <c>SPBE_TEST_POSTGRES</c> / <c>SPBE_TEST_RABBITMQ</c> (what <c>./spbe test</c> exports);
/// 2. Testcontainers, where a Docker engine runs;
/// 3. otherwise the natively started servers on their default ports (<c>./spbe</c>'s instances); when those do
///    not answer either, every test fails with a message saying how to start them (never skip: a run that tests
///    nothing must not look green).
/// </summary>
public sealed class InfrastructureFixture : IAsyncLifetime
{
    private PostgreSqlContainer? _postgres;
    private RabbitMqContainer? _rabbit;

    /// <summary>
    /// The exchange prefix of every host this test project starts (<c>Messaging:ExchangePrefix</c>): one per test
    /// project output folder, so test projects running side by side (as <c>dotnet test</c> of the solution runs them)
    /// or from two checkouts never exchange messages, and a run leaves one set of exchanges per project, not per run.
    /// </summary>
    public static string ExchangePrefix { get; } =
        "t" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(AppContext.BaseDirectory)))[..10].ToLowerInvariant() + ":";

    public string PostgresConnectionString { get; private set; } = "";
    public string RabbitMqUri { get; private set; } = "";
    public string Source { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var pg = Environment.GetEnvironmentVariable("SPBE_TEST_POSTGRES");
        var mq = Environment.GetEnvironmentVariable("SPBE_TEST_RABBITMQ");
        if (!string.IsNullOrWhiteSpace(pg) && !string.IsNullOrWhiteSpace(mq))
        {
            (PostgresConnectionString, RabbitMqUri, Source) = (pg, mq, "environment");
        }
        else if (TestcontainersSettings.OS.DockerEndpointAuthConfig is not null)
        {
            _postgres = new PostgreSqlBuilder("postgres:15-alpine").Build();
            _rabbit = new RabbitMqBuilder("rabbitmq:3.10-management").Build();
            await Task.WhenAll(_postgres.StartAsync(), _rabbit.StartAsync());
            (PostgresConnectionString, RabbitMqUri, Source) = (_postgres.GetConnectionString(), _rabbit.GetConnectionString(), "testcontainers");
        }
        else
        {
            (PostgresConnectionString, RabbitMqUri, Source) = (DefaultPostgres, DefaultRabbitMq, "local defaults");
        }

        try
        {
            await using var connection = new NpgsqlConnection(PostgresConnectionString);
            await connection.OpenAsync();
        }
        catch (Exception e)
        {
            throw new InvalidOperationException(
                $"No test infrastructure ({Source}): PostgreSQL does not answer ({e.Message}). SPBE_TEST_POSTGRES and " +
                "SPBE_TEST_RABBITMQ are not set and no Docker engine runs. Run the tests with ./spbe test, which starts " +
                "PostgreSQL and RabbitMQ natively.", e);
        }
    }

    private const string DefaultPostgres = "Host=127.0.0.1;Port=5433;Database=spbeops_test;Username=spbeops;Password=spbeops";
    private const string DefaultRabbitMq = "amqp://spbeops:spbeops@127.0.0.1:5673/spbeops-test";

    public async Task DisposeAsync()
    {
        if (_postgres is not null) await _postgres.DisposeAsync();
        if (_rabbit is not null) await _rabbit.DisposeAsync();
    }

    /// <summary>Drops a schema a factory created, so test runs leave nothing behind.</summary>
    public async Task DropSchemaAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// The xunit collection that shares one <see cref="InfrastructureFixture"/>. xunit 2 finds collection definitions
/// only in the test assembly itself, so each test project declares
/// <c>[CollectionDefinition(InfrastructureCollection.Name)] public sealed class Infrastructure : ICollectionFixture&lt;InfrastructureFixture&gt;;</c>
/// and its test classes carry <c>[Collection(InfrastructureCollection.Name)]</c> (a <see cref="ServiceTest{TFactory}"/>
/// carries it for them).
/// </summary>
public static class InfrastructureCollection
{
    public const string Name = "infrastructure";
}
