namespace SpbeOps.Sample.Tests.Functional;

public sealed class SampleApiFactory(InfrastructureFixture infrastructure) : ServiceFactory<Program>(infrastructure);

/// <summary>One Sample host per test class (its own schema and queues); each test works in a fresh instansi.</summary>
public sealed class SampleHost : SharedHost<SampleApiFactory>;

public abstract class SampleApiTest(InfrastructureFixture infrastructure, SampleHost host)
    : ServiceTest<SampleApiFactory>(host, () => new SampleApiFactory(infrastructure)), IClassFixture<SampleHost>;
