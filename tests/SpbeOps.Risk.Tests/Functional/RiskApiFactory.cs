using SpbeOps.Testing;

namespace SpbeOps.Risk.Tests.Functional;

public sealed class RiskApiFactory(InfrastructureFixture infrastructure) : ServiceFactory<Program>(infrastructure);

/// <summary>
/// One Risk host per test class (its own schema and queues), created on first use and dropped after the class:
/// tests isolate themselves by working in a fresh instansi (<see cref="Tenants.New"/>).
/// </summary>
public sealed class RiskHost : IAsyncLifetime
{
    private RiskApiFactory? _factory;

    public RiskApiFactory For(InfrastructureFixture infrastructure) => _factory ??= new RiskApiFactory(infrastructure);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
    }
}
