namespace SpbeOps.Data.Tests.Functional;

public sealed class DataApiFactory(InfrastructureFixture infrastructure) : ServiceFactory<Program>(infrastructure);

/// <summary>One Data host per test class (its own schema and queues); each test works in a fresh instansi.</summary>
public sealed class DataHost : SharedHost<DataApiFactory>;

public abstract class DataApiTest(InfrastructureFixture infrastructure, DataHost host)
    : ServiceTest<DataApiFactory>(host, () => new DataApiFactory(infrastructure)), IClassFixture<DataHost>;
