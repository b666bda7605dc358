using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SpbeOps.Contracts.Security;
using SpbeOps.Contracts.ServiceManagement;
using SpbeOps.Knowledge.Api.Articles;

namespace SpbeOps.Knowledge.Tests.Functional;

/// <summary>
/// Lessons learned captured from operations (indicator 26): a recovered or closed incident of the Security service and a
/// reviewed change of the ServiceManagement service, published on the bus as their forwarders publish them, become one
/// draft each in the source's OPD, linked to the source; a redelivery, a later state of the record or a capture by hand
/// leaves that one draft.
/// </summary>
public sealed class LessonsLearnedTests(InfrastructureFixture infrastructure, KnowledgeHost host) : KnowledgeApiTest(infrastructure, host)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private IBus Bus => Factory.Services.GetRequiredService<IBus>();

    private async Task<JsonElement> EventuallyArticle(Guid id, string what) =>
        (await HttpAssertions.Eventually<JsonElement?>(async () =>
        {
            var response = await Admin().GetAsync($"{Articles}/{id}");
            return response.StatusCode == HttpStatusCode.OK ? await response.ReadJson() : null;
        }, Wait, what))!.Value;

    private async Task<int> ArticlesOf(string opd) => (await Ok(Admin().GetAsync($"{Articles}?opd={opd}"))).GetProperty("total").GetInt32();

    [Fact]
    public async Task A_closed_incident_becomes_one_draft_in_its_opd_whatever_is_redelivered()
    {
        var incident = new SecurityIncidentChangedIntegrationEvent(Instansi, Guid.NewGuid(), 5, "dinkes", "web-defacement", "tinggi", "ditutup",
            DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow.AddDays(-1), false, DateTimeOffset.UtcNow);
        // Still being handled: nothing to capture yet.
        await Bus.Publish(incident with { Version = 3, Status = "ditangani", RecoveredAt = null });
        var messageId = NewId.NextGuid();
        await Bus.Publish(incident, c => c.MessageId = messageId);

        var id = ArticleDecider.SourceId(Instansi, new ArticleSource("security", "incident", incident.IncidentId.ToString(), null));
        var draft = await EventuallyArticle(id, "the incident's draft");
        Assert.Equal(("dinkes", "draft"), (draft.GetProperty("opd").GetString(), draft.GetProperty("status").GetString()));
        Assert.StartsWith("Pelajaran dari insiden web-defacement", draft.GetProperty("title").GetString());
        var source = draft.GetProperty("source");
        Assert.Equal(("security", "incident", incident.IncidentId.ToString()),
            (source.GetProperty("service").GetString(), source.GetProperty("kind").GetString(), source.GetProperty("recordId").GetString()));

        // The same message again (a redelivery), a newer copy, and a capture by hand: still one draft, unchanged.
        await Bus.Publish(incident, c => c.MessageId = messageId);
        await Bus.Publish(incident with { Version = 6 });
        var byHand = await Ok(Admin().PostAsJsonAsync($"{Articles}/from-source", new
        {
            opd = "dinkes", sourceService = "security", sourceKind = "incident", sourceId = incident.IncidentId.ToString(), title = "Judul lain", body = "isi lain",
        }));
        Assert.Equal(id, Id(byHand));
        await Task.Delay(1500);
        Assert.Equal(1, await ArticlesOf("dinkes"));
        var after = await Ok(Admin().GetAsync($"{Articles}/{id}"));
        Assert.Equal((1L, draft.GetProperty("title").GetString()), (after.GetProperty("version").GetInt64(), after.GetProperty("title").GetString()));

        // It counts as collected knowledge of its OPD, as every captured draft does; it is not published.
        var process = (await Ok(Auditor().GetAsync("/api/knowledge/process"))).EnumerateArray().Single(p => p.GetProperty("opd").GetString() == "dinkes");
        Assert.Equal(1, process.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("step").GetString() == "pengumpulan").GetProperty("records").GetInt32());
        Assert.Equal(0, (await Ok(Admin().GetAsync($"{Articles}?status=terbit"))).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_reviewed_change_becomes_one_draft_with_its_pir_lessons_for_a_person_to_complete()
    {
        var change = new ChangeRequestChangedIntegrationEvent(Instansi, Guid.NewGuid(), 6, "bkpsdmd", "Pembaruan SIMPEG ke versi 4", "normal", "aplikasi",
            "direviu", true, true, true, false, true, DateTimeOffset.UtcNow, "Uji beban sebelum jam kerja; siapkan snapshot.");
        await Bus.Publish(change with { Version = 5, Status = "diimplementasikan", Reviewed = false, ReviewLessons = null });
        await Bus.Publish(change);
        await Bus.Publish(change with { Version = 7, Status = "ditutup" });

        var id = ArticleDecider.SourceId(Instansi, new ArticleSource("servicemanagement", "change", change.ChangeId.ToString(), null));
        var draft = await EventuallyArticle(id, "the change's draft");
        Assert.Equal(("bkpsdmd", "draft", "Pelajaran dari perubahan: Pembaruan SIMPEG ke versi 4"),
            (draft.GetProperty("opd").GetString(), draft.GetProperty("status").GetString(), draft.GetProperty("title").GetString()));
        Assert.Contains("Uji beban sebelum jam kerja", draft.GetProperty("body").GetString());
        await Task.Delay(1000);
        Assert.Equal(1, await ArticlesOf("bkpsdmd"));

        // A person of the OPD completes it and sends it to review (the system is its author, so the four-eyes rule holds).
        var op = Operator("bkpsdmd");
        await op.PutAsJsonAsync($"{Articles}/{id}", new { opd = "bkpsdmd", title = draft.GetProperty("title").GetString(), body = "Pelajaran lengkap.", category = "pelajaran" })
            .ShouldBe(HttpStatusCode.OK);
        await op.PostAsJsonAsync($"{Articles}/{id}/submission", new { note = "mohon direviu" }).ShouldBe(HttpStatusCode.OK);
        await Person("opd-operator", "operator-2", "bkpsdmd").PostAsJsonAsync($"{Articles}/{id}/publication", new { }).ShouldBe(HttpStatusCode.OK);
    }
}
