using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SpbeOps.Contracts.Knowledge;
using SpbeOps.Contracts.Risk;
using SpbeOps.Messaging;
using SpbeOps.ServiceManagement.Api.Knowledge;
using SpbeOps.ServiceManagement.Api.Risks;

namespace SpbeOps.ServiceManagement.Tests.Functional;

/// <summary>
/// The risks and knowledge articles a change's assessment and a ticket's known error name, learned from the Risk and
/// Knowledge services' events: an id is usable once its event has arrived, in its own instansi only, and refused again
/// when the record is withdrawn or archived (422 naming the field, nothing written).
/// </summary>
public sealed class LearnedLinksTests(InfrastructureFixture infrastructure, ServiceManagementHost host) : ServiceManagementApiTest(infrastructure, host)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private IBus Bus => Factory.Services.GetRequiredService<IBus>();

    private static RiskChangedIntegrationEvent Risk(string instansi, string opd = "dinkes") => new(
        instansi, Guid.NewGuid(), 1, opd, 2026, "negatif", "layanan-spbe", 12, null, false, true, true, "disetujui", false, DateTimeOffset.UtcNow);

    private static KnowledgeArticleChangedIntegrationEvent Article(string instansi, string opd, string status) => new(
        instansi, Guid.NewGuid(), 1, opd, "Pemulihan SIMPUS dari galat 502", status, null, null, DateTimeOffset.UtcNow);

    private static object Assessment(Guid riskId) => new { likelihood = 2, impact = 3, riskId, approvers = new[] { "diskominfo-admin" }, quorum = 1 };

    /// <summary>Posts until the answer is <paramref name="status"/> (the event it depends on may still be on its way).</summary>
    private static async Task<JsonElement> EventuallyAnswers(Func<Task<HttpResponseMessage>> post, HttpStatusCode status, string what) =>
        (await HttpAssertions.Eventually<JsonElement?>(async () =>
        {
            var response = await post();
            return response.StatusCode == status ? await response.ReadJson() : null;
        }, Wait, what))!.Value;

    private static Task<JsonElement> EventuallyAssessed(HttpClient cab, Guid change, Guid riskId, HttpStatusCode status, string what) =>
        EventuallyAnswers(() => cab.PostAsJsonAsync($"{Changes}/{change}/assessment", Assessment(riskId)), status, what);

    [Fact]
    public async Task An_assessment_names_a_learned_risk_of_its_instansi_and_never_an_unknown_foreign_or_withdrawn_one()
    {
        var cab = Admin();
        var risk = Risk(Instansi);
        var foreign = Risk(Tenants.New());
        await Bus.Publish(risk);
        await Bus.Publish(foreign);

        // Unknown (never published): 422 naming riskId, and the change stays diajukan.
        var change = Id(await Created(Operator("dinkes"), Changes, Change("dinkes")));
        AssertRule(await Problem(cab.PostAsJsonAsync($"{Changes}/{change}/assessment", Assessment(Guid.NewGuid())), HttpStatusCode.UnprocessableEntity),
            "unknown-risk", "riskId");
        Assert.Equal(("diajukan", 1), await StatusAndVersion(cab, change));

        var assessed = await EventuallyAssessed(cab, change, risk.RiskId, HttpStatusCode.OK, "the risk to be learned");
        Assert.Equal(risk.RiskId, assessed.GetProperty("assessment").GetProperty("riskId").GetGuid());

        // The other instansi's risk is learned there (its CAB can name it) and stays unknown here.
        var foreignCab = Factory.CreateClientFor("diskominfo-admin", foreign.Instansi);
        var foreignChange = Id(await Created(foreignCab, Changes, Change("dinkes")));
        await EventuallyAssessed(foreignCab, foreignChange, foreign.RiskId, HttpStatusCode.OK, "the other instansi's risk to be learned");
        var another = Id(await Created(Operator("dinkes"), Changes, Change("dinkes")));
        AssertRule(await Problem(cab.PostAsJsonAsync($"{Changes}/{another}/assessment", Assessment(foreign.RiskId)), HttpStatusCode.UnprocessableEntity),
            "unknown-risk", "riskId");

        // Withdrawn in the Risk service: refused once the withdrawal arrives; a late older copy does not bring it back.
        await Bus.Publish(risk with { Version = 2, Withdrawn = true });
        await Learned<KnownRisk>(risk.RiskId, version: 2);
        var refused = await Problem(cab.PostAsJsonAsync($"{Changes}/{another}/assessment", Assessment(risk.RiskId)), HttpStatusCode.UnprocessableEntity);
        AssertRule(refused, "unknown-risk", "riskId");
        Assert.Contains("dicabut", refused.GetProperty("detail").GetString());
        await Bus.Publish(risk);
        await Task.Delay(1000);
        await cab.PostAsJsonAsync($"{Changes}/{another}/assessment", Assessment(risk.RiskId)).ShouldBe(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("diajukan", 1), await StatusAndVersion(cab, another));
    }

    [Fact]
    public async Task A_known_error_names_a_learned_article_the_operator_reads_and_never_an_unknown_or_archived_one()
    {
        var op = Operator("dinkes");
        var ticket = Id(await Created(op, Tickets, Ticket("dinkes", kind: "masalah")));
        var published = Article(Instansi, "bkpsdmd", "terbit");
        var othersDraft = Article(Instansi, "bkpsdmd", "draft");
        var foreign = Article(Tenants.New(), "dinkes", "terbit");
        foreach (var article in new[] { published, othersDraft, foreign }) await Bus.Publish(article);

        AssertRule(await Problem(op.PostAsJsonAsync($"{Tickets}/{ticket}/links", new { knowledgeArticleId = Guid.NewGuid() }), HttpStatusCode.UnprocessableEntity),
            "unknown-article", "knowledgeArticleId");
        var linked = await EventuallyAnswers(() => op.PostAsJsonAsync($"{Tickets}/{ticket}/links", new { knowledgeArticleId = published.ArticleId }),
            HttpStatusCode.OK, "the article to be learned");
        Assert.Equal(published.ArticleId, linked.GetProperty("knowledgeArticleId").GetGuid());

        // Another OPD's draft is not the operator's to read (Diskominfo may link it); another instansi's article is unknown.
        await EventuallyAnswers(() => Admin().PostAsJsonAsync($"{Tickets}/{ticket}/links", new { knowledgeArticleId = othersDraft.ArticleId }),
            HttpStatusCode.OK, "the draft to be learned");
        AssertRule(await Problem(op.PostAsJsonAsync($"{Tickets}/{ticket}/links", new { knowledgeArticleId = othersDraft.ArticleId }), HttpStatusCode.UnprocessableEntity),
            "unknown-article", "knowledgeArticleId");
        AssertRule(await Problem(Admin().PostAsJsonAsync($"{Tickets}/{ticket}/links", new { knowledgeArticleId = foreign.ArticleId }), HttpStatusCode.UnprocessableEntity),
            "unknown-article", "knowledgeArticleId");

        // Archived in the Knowledge service: refused once the event arrives (for the operator, another OPD's archived
        // article is not readable at all, so it is unknown).
        await Bus.Publish(published with { Version = 2, Status = "diarsipkan" });
        await Learned<KnownArticle>(published.ArticleId, version: 2);
        var refused = await Problem(Admin().PostAsJsonAsync($"{Tickets}/{ticket}/links", new { knowledgeArticleId = published.ArticleId }), HttpStatusCode.UnprocessableEntity);
        AssertRule(refused, "unknown-article", "knowledgeArticleId");
        Assert.Contains("diarsipkan", refused.GetProperty("detail").GetString());
        AssertRule(await Problem(op.PostAsJsonAsync($"{Tickets}/{ticket}/links", new { knowledgeArticleId = published.ArticleId }), HttpStatusCode.UnprocessableEntity),
            "unknown-article", "knowledgeArticleId");
    }

    /// <summary>Waits until this instansi keeps <paramref name="version"/> of a learned record (a change that makes the id unusable cannot be probed through the API without writing).</summary>
    private Task Learned<T>(Guid id, long version) where T : class, ILearnedRecord =>
        HttpAssertions.Eventually<string?>(async () =>
        {
            await using var session = Factory.Services.GetRequiredService<IDocumentStore>().QuerySession(Instansi);
            return (await session.LoadAsync<T>(id))?.Version >= version ? "learned" : null;
        }, Wait, $"version {version} of {typeof(T).Name} {id} to be learned");

    private static async Task<(string?, int)> StatusAndVersion(HttpClient client, Guid change)
    {
        var c = await Ok(client.GetAsync($"{Changes}/{change}"));
        return (c.GetProperty("status").GetString(), c.GetProperty("version").GetInt32());
    }
}
