namespace SpbeOps.Data.Tests;

[CollectionDefinition(InfrastructureCollection.Name)]
public sealed class Infrastructure : ICollectionFixture<InfrastructureFixture>;
