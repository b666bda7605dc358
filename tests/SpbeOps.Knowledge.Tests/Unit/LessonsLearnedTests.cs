using SpbeOps.Contracts.Security;
using SpbeOps.Contracts.ServiceManagement;
using SpbeOps.Knowledge.Api.Articles;
using SpbeOps.Knowledge.Api.Lessons;

namespace SpbeOps.Knowledge.Tests.Unit;

public class LessonsLearnedTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 3, 0, 0, TimeSpan.Zero);

    private static readonly SecurityIncidentChangedIntegrationEvent Incident = new("kota-a", Guid.NewGuid(), 4, "dinkes", "phishing", "sedang", "dipulihkan",
        Now.AddDays(-1), Now, false, Now);

    private static readonly ChangeRequestChangedIntegrationEvent Change = new("kota-a", Guid.NewGuid(), 6, "dinkes", "Pembaruan SIMPUS", "normal", "aplikasi",
        "direviu", true, true, true, false, true, Now, "Uji di staging dulu.");

    [Fact]
    public void An_incident_leaves_a_draft_once_recovered_or_closed_and_both_are_the_same_draft()
    {
        Assert.Null(LessonsLearned.FromIncident(Incident with { Status = "ditangani" }));
        var recovered = LessonsLearned.FromIncident(Incident)!;
        var closed = LessonsLearned.FromIncident(Incident with { Status = "ditutup", Version = 5 })!;
        Assert.Equal(("dinkes", "security", "incident", Incident.IncidentId.ToString()), (recovered.Opd, recovered.SourceService, recovered.SourceKind, recovered.SourceId));
        Assert.Equal("Pelajaran dari insiden phishing 2026-12-05", recovered.Title);

        var draft = ArticleDecider.Capture("kota-a", recovered, LessonsLearned.Actor).Next!;
        Assert.Equal(draft.Id, ArticleDecider.Capture("kota-a", closed, LessonsLearned.Actor).Next!.Id);
        Assert.Equal((ArticleStatus.Draft, LessonsLearned.Actor), (draft.Status, draft.Author));
    }

    [Fact]
    public void A_change_leaves_a_draft_with_its_pir_lessons_once_reviewed()
    {
        Assert.Null(LessonsLearned.FromChange(Change with { Reviewed = false, Status = "diimplementasikan", ReviewLessons = null }));
        var draft = LessonsLearned.FromChange(Change)!;
        Assert.Equal(("servicemanagement", "change", "Pelajaran dari perubahan: Pembaruan SIMPUS"), (draft.SourceService, draft.SourceKind, draft.Title));
        Assert.Contains("Uji di staging dulu.", draft.Body);
        Assert.NotNull(ArticleDecider.Capture("kota-a", draft, LessonsLearned.Actor).Next);

        // A title at the change's limit still makes a valid draft (shortened, not refused).
        var longTitle = LessonsLearned.FromChange(Change with { Title = new string('x', 1000), ReviewLessons = null })!;
        Assert.True(longTitle.Title!.Length <= ArticleDecider.MaxTitle && longTitle.SourceReference!.Length <= 200);
        Assert.Null(ArticleDecider.Capture("kota-a", longTitle, LessonsLearned.Actor).Rejection);
    }
}
