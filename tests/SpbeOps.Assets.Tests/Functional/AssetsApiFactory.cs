namespace SpbeOps.Assets.Tests.Functional;

public sealed class AssetsApiFactory(InfrastructureFixture infrastructure) : ServiceFactory<Program>(infrastructure);

/// <summary>An Assets test, on a host of its own.</summary>
public abstract class AssetsApiTest(InfrastructureFixture infrastructure) : ServiceTest<AssetsApiFactory>(new AssetsApiFactory(infrastructure))
{
    protected static Task<JsonElement> Register(HttpClient client, object asset) => Created(client, "/api/assets", asset);
}
