namespace SpbeOps.ServiceManagement.Tests.Functional;

public sealed class ServiceManagementApiFactory(InfrastructureFixture infrastructure) : ServiceFactory<Program>(infrastructure);

/// <summary>One ServiceManagement host per test class (its own schema and queues); each test works in a fresh instansi.</summary>
public sealed class ServiceManagementHost : SharedHost<ServiceManagementApiFactory>;

public abstract class ServiceManagementApiTest(InfrastructureFixture infrastructure, ServiceManagementHost host)
    : ServiceTest<ServiceManagementApiFactory>(host, () => new ServiceManagementApiFactory(infrastructure)), IClassFixture<ServiceManagementHost>;
