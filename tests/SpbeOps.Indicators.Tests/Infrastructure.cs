namespace SpbeOps.Indicators.Tests;

[CollectionDefinition(InfrastructureCollection.Name)]
public sealed class Infrastructure : ICollectionFixture<InfrastructureFixture>;
