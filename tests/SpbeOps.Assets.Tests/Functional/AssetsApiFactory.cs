using SpbeOps.Testing;

namespace SpbeOps.Assets.Tests.Functional;

public sealed class AssetsApiFactory(InfrastructureFixture infrastructure) : ServiceFactory<Program>(infrastructure);
