using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SpbeOps.Testing;

/// <summary>
/// One service host on real PostgreSQL and RabbitMQ, isolated from every other factory by its own Marten schema,
/// queue prefix and auto-deleted queues. Settings are applied with <c>UseSetting</c> so <c>Program.cs</c> sees them
/// before <c>Build()</c>.
/// </summary>
public class ServiceFactory<TEntryPoint>(InfrastructureFixture infrastructure, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<TEntryPoint>, IServiceHost where TEntryPoint : class
{
    public string RunId { get; } = "t" + Guid.NewGuid().ToString("N")[..12];

    public InfrastructureFixture Infrastructure => infrastructure;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:postgres", infrastructure.PostgresConnectionString);
        builder.UseSetting("ConnectionStrings:rabbitmq", infrastructure.RabbitMqUri);
        builder.UseSetting("Marten:Schema", RunId);
        builder.UseSetting("Marten:DaemonMode", "Solo");
        builder.UseSetting("Messaging:EndpointPrefix", RunId);
        builder.UseSetting("Messaging:ExchangePrefix", InfrastructureFixture.ExchangePrefix);
        builder.UseSetting("Messaging:TemporaryQueues", "true");
        builder.UseSetting("Auth:SigningKey", TestAuth.SigningKey);
        builder.UseSetting("Auth:Issuer", "spbeops-local");
        builder.UseSetting("Auth:Audience", "spbeops");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
    }

    public HttpClient CreateClientFor(string role, string instansi, string? opd = null) =>
        CreateClient().WithToken(role, instansi, opd);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await infrastructure.DropSchemaAsync(RunId);
        GC.SuppressFinalize(this);
    }
}
