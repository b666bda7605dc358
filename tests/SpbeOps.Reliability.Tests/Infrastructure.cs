namespace SpbeOps.Reliability.Tests;

// Reliability tests (issue 7): Fuzz/ (inputs generated from the OpenAPI documents, 0 × 5xx), Faults/ (a write stream
// through the gateway while a service, RabbitMQ or PostgreSQL fails, on servers of their own), Concurrency/.
[CollectionDefinition(InfrastructureCollection.Name)]
public sealed class Infrastructure : ICollectionFixture<InfrastructureFixture>;
