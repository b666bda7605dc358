namespace SpbeOps.Risk.Tests.Functional;

public sealed class RiskApiFactory(InfrastructureFixture infrastructure) : ServiceFactory<Program>(infrastructure);

/// <summary>
/// One Risk host per test class (its own schema and queues), created on first use and dropped after the class:
/// tests isolate themselves by working in a fresh instansi (<see cref="Tenants.New"/>).
/// </summary>
public sealed class RiskHost : SharedHost<RiskApiFactory>;
