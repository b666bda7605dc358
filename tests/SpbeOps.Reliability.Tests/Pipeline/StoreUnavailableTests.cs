extern alias assets;

using System.Net.Sockets;
using Npgsql;
using SpbeOps.Messaging;

namespace SpbeOps.Reliability.Tests.Pipeline;

/// <summary>
/// Issue 7, row 5: while PostgreSQL cannot be reached, a request answers 503 with <c>Retry-After</c> and a
/// ProblemDetails saying the store is unavailable, not a generic 500. The outage is a cut TCP relay between this
/// one host and PostgreSQL, so the shared server and every other test are untouched.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class StoreUnavailableTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Writes_and_reads_answer_503_with_retry_after_while_postgresql_is_unreachable_and_work_again_after()
    {
        var target = new NpgsqlConnectionStringBuilder(infrastructure.PostgresConnectionString);
        await using var proxy = TcpProxy.Start(target.Host!, target.Port);
        var viaProxy = new NpgsqlConnectionStringBuilder(infrastructure.PostgresConnectionString) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 3 };
        await using var service = new ServiceFactory<assets::Program>(infrastructure, new Dictionary<string, string?>
        {
            ["ConnectionStrings:postgres"] = viaProxy.ConnectionString,
        });
        var client = service.CreateClientFor("opd-operator", Tenants.New(), "dinkes");
        var asset = new { opd = "dinkes", kind = "hardware", name = "Server Dinkes" };
        await client.PostAsJsonAsync("/api/assets", asset).ShouldBe(HttpStatusCode.Created);

        proxy.Cut();
        foreach (var call in new Func<Task<HttpResponseMessage>>[] { () => client.PostAsJsonAsync("/api/assets", asset), () => client.GetAsync("/api/assets") })
        {
            var response = await call().ShouldBe(HttpStatusCode.ServiceUnavailable);
            Assert.Equal(TimeSpan.FromSeconds(StoreUnavailableExceptionHandler.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.ReadJson();
            Assert.Equal(503, problem.GetProperty("status").GetInt32());
            Assert.Equal(StoreUnavailableExceptionHandler.Title, problem.GetProperty("title").GetString());
            Assert.Equal("store-unavailable", problem.GetProperty("rule").GetString());
            Assert.Contains("PostgreSQL", problem.GetProperty("detail").GetString());
            Assert.True(problem.TryGetProperty("traceId", out _));
        }

        proxy.Restore();
        await HttpAssertions.Eventually<string>(async () =>
            (await client.PostAsJsonAsync("/api/assets", asset)).StatusCode == HttpStatusCode.Created ? "created" : null,
            TimeSpan.FromSeconds(30), "a write to succeed once PostgreSQL is reachable again");
    }

    [Theory]
    [InlineData("08006", true)]   // connection_failure
    [InlineData("08001", true)]   // sqlclient_unable_to_establish_sqlconnection
    [InlineData("57P01", true)]   // admin_shutdown
    [InlineData("57P02", true)]   // crash_shutdown
    [InlineData("57P03", true)]   // cannot_connect_now (starting up, in recovery)
    [InlineData("53300", true)]   // too_many_connections
    [InlineData("23505", false)]  // unique_violation: a conflict, not an outage
    [InlineData("40001", false)]  // serialization_failure
    [InlineData("42P01", false)]  // undefined_table: a bug
    public void Server_states_that_mean_the_store_is_unavailable_are_recognised(string sqlState, bool unavailable)
    {
        var postgres = new PostgresException("message", "FATAL", "FATAL", sqlState);
        Assert.Equal(unavailable, StoreUnavailable.IsStoreUnavailable(postgres));
        Assert.Equal(unavailable, StoreUnavailable.IsStoreUnavailable(new Exception("wrapped, as Marten does", postgres)));
    }

    [Fact]
    public void Network_failures_of_npgsql_are_recognised_and_other_errors_are_not()
    {
        Assert.True(StoreUnavailable.IsStoreUnavailable(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.True(StoreUnavailable.IsStoreUnavailable(new NpgsqlException("Exception while reading from stream", new EndOfStreamException())));
        Assert.True(StoreUnavailable.IsStoreUnavailable(new AggregateException(new NpgsqlException("x", new IOException()))));
        Assert.False(StoreUnavailable.IsStoreUnavailable(new InvalidOperationException("a bug")));
        Assert.False(StoreUnavailable.IsStoreUnavailable(new SocketException()));   // not from the store
        Assert.False(StoreUnavailable.IsStoreUnavailable(null));
    }
}
