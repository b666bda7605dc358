namespace SpbeOps.Competency.Tests.Functional;

public sealed class CompetencyApiFactory(InfrastructureFixture infrastructure) : ServiceFactory<Program>(infrastructure);

/// <summary>One Competency host per test class (its own schema and queues); each test works in a fresh instansi.</summary>
public sealed class CompetencyHost : SharedHost<CompetencyApiFactory>;

public abstract class CompetencyApiTest(InfrastructureFixture infrastructure, CompetencyHost host)
    : ServiceTest<CompetencyApiFactory>(host, () => new CompetencyApiFactory(infrastructure)), IClassFixture<CompetencyHost>;
