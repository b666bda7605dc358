using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SpbeOps.Testing;

/// <summary>A host of the service under test, as a functional test uses it.</summary>
public interface IServiceHost : IAsyncDisposable
{
    HttpClient CreateClient();

    HttpClient CreateClientFor(string role, string instansi, string? opd = null);
}

/// <summary>
/// One host for a whole test class (an xunit class fixture), created on first use and disposed after the class.
/// </summary>
public class SharedHost<TFactory> : IAsyncLifetime where TFactory : class, IServiceHost
{
    private TFactory? _factory;

    public TFactory Get(Func<TFactory> create) => _factory ??= create();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
    }
}

/// <summary>
/// A functional test of one service on the real PostgreSQL and RabbitMQ (the infrastructure collection): the host
/// under test, a fresh instansi for every test (tests never see each other's data), a client per role, and the
/// checks most tests make. The host is the test's own and disposed after it, or one a <see cref="SharedHost{TFactory}"/>
/// keeps for the class.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public abstract class ServiceTest<TFactory> : IAsyncLifetime where TFactory : class, IServiceHost
{
    private readonly bool _ownsFactory;

    /// <summary>On a host of the test's own.</summary>
    protected ServiceTest(TFactory factory) => (Factory, _ownsFactory) = (factory, true);

    /// <summary>On the host the class shares.</summary>
    protected ServiceTest(SharedHost<TFactory> host, Func<TFactory> create) => Factory = host.Get(create);

    protected TFactory Factory { get; }

    protected string Instansi { get; } = Tenants.New();

    protected HttpClient Operator(string opd) => Factory.CreateClientFor("opd-operator", Instansi, opd);
    protected HttpClient Admin() => Factory.CreateClientFor("diskominfo-admin", Instansi);
    protected HttpClient Auditor() => Factory.CreateClientFor("auditor", Instansi);
    protected HttpClient Anonymous() => Factory.CreateClient();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_ownsFactory) await Factory.DisposeAsync();
    }

    /// <summary>POSTs <paramref name="body"/>, asserts 201 and returns what was created.</summary>
    protected static async Task<JsonElement> Created(HttpClient client, string url, object body) =>
        await (await client.PostAsJsonAsync(url, body).ShouldBe(HttpStatusCode.Created)).ReadJson();

    protected static async Task<JsonElement> Ok(Task<HttpResponseMessage> call) => await (await call.ShouldBe(HttpStatusCode.OK)).ReadJson();

    protected static async Task<JsonElement> Problem(Task<HttpResponseMessage> call, HttpStatusCode status) => await (await call.ShouldBe(status)).ReadJson();

    protected static Guid Id(JsonElement e) => e.GetProperty("id").GetGuid();

    /// <summary>Asserts which business rule a 409/422 ProblemDetails names, and the field it blames.</summary>
    protected static void AssertRule(JsonElement problem, string rule, string? field = null)
    {
        Assert.Equal(rule, problem.GetProperty("rule").GetString());
        if (field is not null) Assert.Equal(field, problem.GetProperty("field").GetString());
    }
}
