namespace SpbeOps.Knowledge.Tests.Functional;

public sealed class KnowledgeApiFactory(InfrastructureFixture infrastructure) : ServiceFactory<Program>(infrastructure);

/// <summary>One Knowledge host per test class (its own schema and queues); each test works in a fresh instansi.</summary>
public sealed class KnowledgeHost : SharedHost<KnowledgeApiFactory>;

public abstract class KnowledgeApiTest(InfrastructureFixture infrastructure, KnowledgeHost host)
    : ServiceTest<KnowledgeApiFactory>(host, () => new KnowledgeApiFactory(infrastructure)), IClassFixture<KnowledgeHost>;
