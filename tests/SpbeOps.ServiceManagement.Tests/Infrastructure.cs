namespace SpbeOps.ServiceManagement.Tests;

[CollectionDefinition(InfrastructureCollection.Name)]
public sealed class Infrastructure : ICollectionFixture<InfrastructureFixture>;
