using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SpbeOps.ServiceDefaults.Auth;

namespace SpbeOps.Knowledge.Tests.Functional;

public sealed class KnowledgeApiFactory(InfrastructureFixture infrastructure, TimeProvider? clock = null) : ServiceFactory<Program>(infrastructure)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (clock is not null) builder.ConfigureTestServices(s => s.AddSingleton(clock));
    }
}

/// <summary>One Knowledge host per test class (its own schema and queues); each test works in a fresh instansi.</summary>
public sealed class KnowledgeHost : SharedHost<KnowledgeApiFactory>;

public abstract class KnowledgeApiTest(InfrastructureFixture infrastructure, KnowledgeHost host)
    : ServiceTest<KnowledgeApiFactory>(host, () => new KnowledgeApiFactory(infrastructure)), IClassFixture<KnowledgeHost>
{
    protected const string Articles = "/api/knowledge/articles";

    protected static object Body(string opd, string title = "Cara reset kata sandi SIMPEG", string body = "Langkah **reset** kata sandi.", string[]? tags = null) =>
        new { opd, title, body, category = "panduan", tags = tags ?? new[] { "simpeg" } };

    /// <summary>Another person of the same role and OPD (a reviewer who is not the author).</summary>
    protected HttpClient Person(string role, string subject, string? opd = null)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", DevelopmentTokens.Create(TestAuth.SigningKey, role, Instansi, opd, subject: subject));
        return client;
    }

    /// <summary>Drafted and submitted by the OPD's operator, published by Diskominfo.</summary>
    protected async Task<Guid> PublishedAsync(string opd, string title = "Cara reset kata sandi SIMPEG", string body = "Langkah **reset** kata sandi.", string[]? tags = null)
    {
        var author = Operator(opd);
        var id = Id(await Created(author, Articles, Body(opd, title, body, tags)));
        await author.PostAsJsonAsync($"{Articles}/{id}/submission", new { note = "mohon direviu" }).ShouldBe(HttpStatusCode.OK);
        await Admin().PostAsJsonAsync($"{Articles}/{id}/publication", new { note = "sesuai" }).ShouldBe(HttpStatusCode.OK);
        return id;
    }
}
