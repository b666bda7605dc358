namespace SpbeOps.Security.Tests.Functional;

public sealed class SecurityApiFactory(InfrastructureFixture infrastructure) : ServiceFactory<Program>(infrastructure);

/// <summary>One Security host per test class (its own schema and queues); each test works in a fresh instansi.</summary>
public sealed class SecurityHost : SharedHost<SecurityApiFactory>;

public abstract class SecurityApiTest(InfrastructureFixture infrastructure, SecurityHost host)
    : ServiceTest<SecurityApiFactory>(host, () => new SecurityApiFactory(infrastructure)), IClassFixture<SecurityHost>;
