using SpbeOps.Contracts.Knowledge;
using SpbeOps.ServiceManagement.Api.Catalogue;
using SpbeOps.ServiceManagement.Api.Knowledge;
using SpbeOps.ServiceManagement.Api.Sla;
using SpbeOps.ServiceManagement.Api.Tickets;
using static SpbeOps.ServiceManagement.Api.Sla.ServiceDeskVocabulary;

namespace SpbeOps.ServiceManagement.Tests.Unit;

public class TicketDeciderTests
{
    /// <summary>Monday 30 November 2026, 08:00 WIB.</summary>
    public static readonly DateTimeOffset Monday8 = new(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(7));

    private static readonly ServiceDeskSettings Settings = ServiceDeskSettings.Defaults;
    private static SlaCalendar Calendar => Settings.Calendar;

    public static TicketRequest Request(string kind = Gangguan, string impact = Tinggi, string urgency = Sedang) =>
        new("dinkes", kind, "SIMPUS tidak dapat diakses", "Halaman login galat 502", null, null, impact, urgency);

    private static bool Everyone(string opd) => true;

    private static bool DinkesOnly(string opd) => opd == "dinkes";

    private static KnownArticle Article(string opd, string status) => KnownArticle.From(new KnowledgeArticleChangedIntegrationEvent(
        "kota-x", Guid.NewGuid(), 3, opd, "Pemulihan SIMPUS dari galat 502", status, null, null, Monday8));

    private static Ticket Accepted(Decision<Ticket> d)
    {
        Assert.Null(d.Rejection);
        return d.Next!;
    }

    private static Ticket Opened(DateTimeOffset? at = null, ServiceEntry? service = null, string kind = Gangguan) =>
        Accepted(TicketDecider.Open(Guid.NewGuid(), "kota-x", Request(kind), Settings, service, "pelapor", at ?? Monday8));

    [Fact]
    public void Priority_comes_from_the_matrix_and_targets_from_the_service_or_the_defaults()
    {
        var t = Opened();
        Assert.Equal(Tinggi, t.Priority);
        Assert.Equal((60, 480), (t.TtoTargetMinutes, t.TtrTargetMinutes));
        Assert.Equal(Monday8.AddHours(1), t.TtoDueAt);
        Assert.Equal(Monday8.AddHours(8), t.TtrDueAt);

        var service = new ServiceEntry { Targets = [new SlaTarget(Tinggi, 15, 120)] };
        var fast = Opened(service: service);
        Assert.Equal((15, 120), (fast.TtoTargetMinutes, fast.TtrTargetMinutes));
        Assert.Equal(Kritis, Accepted(TicketDecider.Open(Guid.NewGuid(), "kota-x", Request(impact: Tinggi, urgency: Tinggi), Settings, null, "p", Monday8)).Priority);
    }

    [Fact]
    public void Bad_input_names_each_field()
    {
        var d = TicketDecider.Open(Guid.NewGuid(), "kota-x", new TicketRequest("Dinkes!", "bug", " ", null, Guid.Empty, null, "x", null), Settings, null, "p", Monday8);
        var invalid = Assert.IsType<Rejection.Invalid>(d.Rejection);
        Assert.Equivalent(new[] { "opd", "kind", "title", "impact", "urgency", "serviceId" }, invalid.Errors.ToDictionary().Keys, strict: true);
    }

    [Fact]
    public void The_flow_runs_in_order_and_an_out_of_order_step_is_a_409()
    {
        var t = Opened();
        Assert.Equal(TicketDecider.FlowRule, Assert.IsType<Rejection.Conflict>(TicketDecider.Move(t, new StatusRequest(Selesai, "x"), Calendar, "a", Monday8).Rejection).Rule);
        t = Accepted(TicketDecider.Assign(t, new AssignmentRequest("diskominfo", "Tim Jaringan", null), Calendar, "desk", Monday8.AddMinutes(10)));
        Assert.Equal((Ditugaskan, "diskominfo"), (t.Status, t.AssignedOpd));
        Assert.Null(t.TtoDueAt);
        Assert.False(t.TtoBreached);
        t = Accepted(TicketDecider.Move(t, new StatusRequest(Dikerjakan, null), Calendar, "a", Monday8.AddMinutes(20)));
        t = Accepted(TicketDecider.Move(t, new StatusRequest(Selesai, "Layanan dipulihkan"), Calendar, "a", Monday8.AddHours(2)));
        Assert.Equal(Monday8.AddHours(2), t.ResolvedAt);
        Assert.Null(t.TtrDueAt);
        Assert.Equal(TicketDecider.FlowRule, Assert.IsType<Rejection.Conflict>(TicketDecider.Move(t, new StatusRequest(Dikerjakan, null), Calendar, "a", Monday8).Rejection).Rule);
        t = Accepted(TicketDecider.Move(t, new StatusRequest(Ditutup, null, 5, "cepat"), Calendar, "a", Monday8.AddHours(3)));
        Assert.Equal((Ditutup, 5), (t.Status, t.Satisfaction));
        Assert.Equal(TicketDecider.FlowRule, Assert.IsType<Rejection.Conflict>(TicketDecider.Assign(t, new AssignmentRequest("dinkes", null, null), Calendar, "a", Monday8).Rejection).Rule);
    }

    [Fact]
    public void Waiting_for_the_user_pauses_the_ttr_clock()
    {
        var t = Accepted(TicketDecider.Assign(Opened(), new AssignmentRequest("diskominfo", null, null), Calendar, "d", Monday8));
        t = Accepted(TicketDecider.Move(t, new StatusRequest(Dikerjakan, null), Calendar, "a", Monday8));
        t = Accepted(TicketDecider.Move(t, new StatusRequest(MenungguPengguna, "menunggu tangkapan layar"), Calendar, "a", Monday8.AddHours(1)));
        Assert.Null(t.TtrDueAt);
        // Waits until Tuesday 08:00: the clock resumes with 7 of 8 hours left, due Tuesday 15:00.
        var tuesday8 = Monday8.AddDays(1);
        t = Accepted(TicketDecider.Move(t, new StatusRequest(Dikerjakan, null), Calendar, "a", tuesday8));
        Assert.Equal(tuesday8.AddHours(7), t.TtrDueAt);
        Assert.Equal(60, t.Sla(Calendar, tuesday8).TtrElapsedMinutes);
    }

    [Fact]
    public void Breaches_are_flagged_at_the_exact_minute_and_only_once()
    {
        var t = Opened();
        Assert.Null(TicketDecider.FlagBreaches(t, Monday8.AddMinutes(59)));
        var flagged = TicketDecider.FlagBreaches(t, Monday8.AddMinutes(60));
        Assert.NotNull(flagged);
        t = flagged!.Value.Next!;
        Assert.True(t.TtoBreached);
        Assert.Equal("TTO", Assert.IsType<TicketSlaBreached>(flagged.Value.Change).Clock);
        Assert.Null(TicketDecider.FlagBreaches(t, Monday8.AddMinutes(61)));
        // Owning it late keeps the breach; resolving after the TTR target flags TTR too.
        t = Accepted(TicketDecider.Assign(t, new AssignmentRequest("diskominfo", null, null), Calendar, "d", Monday8.AddHours(2)));
        Assert.True(t.TtoBreached);
        t = Accepted(TicketDecider.Move(t, new StatusRequest(Dikerjakan, null), Calendar, "a", Monday8.AddHours(2)));
        t = Accepted(TicketDecider.Move(t, new StatusRequest(Selesai, "selesai"), Calendar, "a", Monday8.AddDays(1).AddHours(1)));
        Assert.True(t.TtrBreached);
    }

    [Fact]
    public void Reopening_works_within_the_window_only_and_the_resolved_time_does_not_count()
    {
        var t = Accepted(TicketDecider.Assign(Opened(), new AssignmentRequest("diskominfo", null, null), Calendar, "d", Monday8));
        t = Accepted(TicketDecider.Move(t, new StatusRequest(Dikerjakan, null), Calendar, "a", Monday8));
        t = Accepted(TicketDecider.Move(t, new StatusRequest(Selesai, "ok"), Calendar, "a", Monday8.AddHours(1)));
        var late = TicketDecider.Reopen(t, new ReopenRequest("muncul lagi"), Settings, "p", Monday8.AddDays(8));
        Assert.Equal(TicketDecider.ReopenWindowRule, Assert.IsType<Rejection.BreaksRule>(late.Rejection).Rule);
        t = Accepted(TicketDecider.Reopen(t, new ReopenRequest("muncul lagi"), Settings, "p", Monday8.AddHours(3)));
        Assert.Equal((Dikerjakan, 1), (t.Status, t.ReopenCount));
        Assert.Equal(60, t.Sla(Calendar, Monday8.AddHours(3)).TtrElapsedMinutes);
        Assert.Equal(TicketDecider.FlowRule, Assert.IsType<Rejection.Conflict>(TicketDecider.Reopen(t, new ReopenRequest("x"), Settings, "p", Monday8).Rejection).Rule);
    }

    [Fact]
    public void A_change_ticket_resolves_only_through_a_change_request_and_only_a_problem_links_incidents()
    {
        var t = Accepted(TicketDecider.Assign(Opened(kind: Perubahan), new AssignmentRequest("diskominfo", null, null), Calendar, "d", Monday8));
        t = Accepted(TicketDecider.Move(t, new StatusRequest(Dikerjakan, null), Calendar, "a", Monday8));
        Assert.Equal(TicketDecider.ChangeRequestRule, Assert.IsType<Rejection.BreaksRule>(TicketDecider.Move(t, new StatusRequest(Selesai, "ok"), Calendar, "a", Monday8).Rejection).Rule);
        t = Accepted(TicketDecider.Link(t, new LinkRequest(null, null, Guid.NewGuid()), null, Everyone));
        Accepted(TicketDecider.Move(t, new StatusRequest(Selesai, "ok"), Calendar, "a", Monday8));

        Assert.Equal(TicketDecider.IncidentsRule, Assert.IsType<Rejection.BreaksRule>(TicketDecider.Link(Opened(), new LinkRequest([Guid.NewGuid()], null, null), null, Everyone).Rejection).Rule);
        var article = Article("dinkes", "terbit");
        var problem = Accepted(TicketDecider.Link(Opened(kind: Masalah), new LinkRequest([Guid.NewGuid(), Guid.NewGuid()], article.Id, null), article, Everyone));
        Assert.Equal(2, problem.Incidents.Count);
        Assert.NotNull(problem.KnowledgeArticleId);
    }

    [Fact]
    public void A_known_error_links_only_a_learned_article_the_caller_reads_and_not_an_archived_one()
    {
        var ticket = Opened(kind: Masalah);
        Rejection? Refusal(KnownArticle? article, Guid id, Func<string, bool> canRead) =>
            TicketDecider.Link(ticket, new LinkRequest(null, id, null), article, canRead).Rejection;
        void Refused(Rejection? rejection)
        {
            var rule = Assert.IsType<Rejection.BreaksRule>(rejection);
            Assert.Equal((KnownArticle.UnknownRule, "knowledgeArticleId"), (rule.Rule, rule.Field));
        }

        var published = Article("bkpsdmd", "terbit");
        Assert.Equal(published.Id, Accepted(TicketDecider.Link(ticket, new LinkRequest(null, published.Id, null), published, DinkesOnly)).KnowledgeArticleId);
        var ownDraft = Article("dinkes", "draft");
        Assert.Null(Refusal(ownDraft, ownDraft.Id, DinkesOnly));

        Refused(Refusal(null, Guid.NewGuid(), Everyone));                             // not learned (yet)
        Refused(Refusal(published, Guid.NewGuid(), Everyone));                        // another article's copy
        var othersDraft = Article("bkpsdmd", "reviu");
        Refused(Refusal(othersDraft, othersDraft.Id, DinkesOnly));                    // another OPD's draft: as if unknown
        Assert.Null(Refusal(othersDraft, othersDraft.Id, Everyone));
        var archived = Article("dinkes", "diarsipkan");
        Refused(Refusal(archived, archived.Id, Everyone));
        Assert.Contains("diarsipkan", ((Rejection.BreaksRule)Refusal(archived, archived.Id, Everyone)!).Detail);
    }
}
