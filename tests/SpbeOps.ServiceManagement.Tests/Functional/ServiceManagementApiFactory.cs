using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace SpbeOps.ServiceManagement.Tests.Functional;

/// <summary>The service on the real PostgreSQL and RabbitMQ; tests run the SLA watch themselves, on their own clock if they move time.</summary>
public sealed class ServiceManagementApiFactory(InfrastructureFixture infrastructure, TimeProvider? clock = null)
    : ServiceFactory<Program>(infrastructure, new Dictionary<string, string?> { ["ServiceManagement:SlaWatch:FirstRunAfter"] = "01:00:00" })
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (clock is not null) builder.ConfigureTestServices(s => s.AddSingleton(clock));
    }
}

/// <summary>One ServiceManagement host per test class (its own schema and queues); each test works in a fresh instansi.</summary>
public sealed class ServiceManagementHost : SharedHost<ServiceManagementApiFactory>;

public abstract class ServiceManagementApiTest(InfrastructureFixture infrastructure, ServiceManagementHost host)
    : ServiceTest<ServiceManagementApiFactory>(host, () => new ServiceManagementApiFactory(infrastructure)), IClassFixture<ServiceManagementHost>
{
    protected const string Services = "/api/services";
    protected const string Tickets = "/api/tickets";
    protected const string Changes = "/api/changes";

    protected HttpClient SecurityOfficer() => Factory.CreateClientFor("security-officer", Instansi);
    protected HttpClient Walidata() => Factory.CreateClientFor("walidata", Instansi);

    protected static object Service(string opd, string code = "simpus") => new
    {
        opd, code, name = "Sistem Informasi Puskesmas", hoursOfService = "Senin–Jumat 08.00–16.00 WIB",
        targets = new[] { new { priority = "tinggi", ttoMinutes = 30, ttrMinutes = 240 } },
    };

    protected static object Ticket(string opd, string kind = "gangguan", Guid? serviceId = null, string title = "SIMPUS tidak dapat diakses") => new
    {
        opd, kind, title, description = "Halaman login galat 502", serviceId, impact = "tinggi", urgency = "sedang",
    };

    protected static object Change(string opd, string category = "aplikasi", Guid[]? services = null, string type = "normal", string? templateName = null,
        DateTimeOffset? windowStart = null, DateTimeOffset? windowEnd = null) => new
    {
        opd, title = "Pembaruan SIMPUS ke versi 3", type, category, templateName, services = services ?? [],
        implementationPlan = "Pasang rilis 3.0", backoutPlan = "Kembalikan snapshot VM", windowStart, windowEnd,
    };
}
