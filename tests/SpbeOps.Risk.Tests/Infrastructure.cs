namespace SpbeOps.Risk.Tests;

[CollectionDefinition(InfrastructureCollection.Name)]
public sealed class Infrastructure : ICollectionFixture<InfrastructureFixture>;
