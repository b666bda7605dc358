using SpbeOps.Indicators.Api.Facts;
using SpbeOps.Indicators.Api.Metrics;
using SpbeOps.Indicators.Api.Organisation;
using SpbeOps.Indicators.Rubric;

namespace SpbeOps.Indicators.Tests.Unit;

/// <summary>Indicators 27 (manajemen perubahan) and 28 (manajemen layanan): metrics from the ServiceManagement facts, levels 2–5.</summary>
public sealed class ServiceManagementMetricTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly SpbeRubric Rubric = RubricLoader.LoadEmbedded();
    private static readonly string[] ChangeAreas = ["perencanaan", "analisis", "pengembangan", "implementasi", "pemantauan-evaluasi"];
    private static readonly string[] ServiceAreas = ["pelayanan-pengguna", "pengoperasian-layanan"];

    private static FactSet Facts(params IFact[] facts)
    {
        var set = new FactSet().With(new OrganisationProfile { PerangkatDaerah = [new("dinkes", "Dinas Kesehatan"), new("dishub", "Dinas Perhubungan")] });
        foreach (var f in facts) set.With(f);
        return set;
    }

    private static ChangeFact Change(string opd, bool implemented = true, bool approved = true, bool outside = false, bool reviewed = true) => new()
    {
        Id = Guid.NewGuid(), Version = 1, Opd = opd, Title = $"Perubahan {opd}", Status = reviewed ? "direviu" : "diimplementasikan",
        Assessed = true, Approved = approved, Implemented = implemented, OutsideWindow = outside, Reviewed = reviewed,
    };

    private static TicketFact Ticket(string opd, bool handled = true, bool breached = false) => new()
    {
        Id = Guid.NewGuid(), Version = 1, Opd = opd, Title = $"Tiket {opd}", Kind = "gangguan", Status = handled ? "ditutup" : "dikerjakan",
        Handled = handled, TtrBreached = breached,
    };

    private static ServiceFact Service(string opd, int operations = 1) => new()
    {
        Id = Guid.NewGuid(), Version = 1, Opd = opd, Name = $"Layanan {opd}", Status = "aktif", OperationRecords = operations,
    };

    private static GovernanceFact Record(int indicator, string type, string[]? covers = null, Guid? reviewId = null, string? status = null) => new()
    {
        Id = Guid.NewGuid(), Version = 1, Indicator = indicator, RecordType = type, Title = type, PolicyKind = type == "policy" ? "pedoman" : null, AllOpd = true,
        Date = Today.AddDays(-10), EndDate = type == "programme" ? Today.AddDays(30) : null, ValidFrom = type == "policy" ? Today.AddDays(-10) : null,
        Issuer = "walikota", Covers = [.. covers ?? []], ReviewId = reviewId, Status = status, CompletedOn = status == "selesai" ? Today.AddDays(-1) : null,
    };

    private static IReadOnlyDictionary<string, MetricValue> Measure(int indicator, FactSet facts, string? opd = null) =>
        MetricCatalog.Measure(Rubric.Indicator(indicator), new MetricScope(indicator, opd, facts, Today));

    private static LevelAssessment Level(int indicator, FactSet facts) => LevelEvaluator.Evaluate(Rubric.Indicator(indicator), Measure(indicator, facts));

    [Fact]
    public void Changes_outside_the_process_lower_the_share_and_are_named()
    {
        var outside = Change("dinkes", outside: true, reviewed: false);
        var facts = Facts(Change("dinkes"), Change("dinkes"), Change("dishub"), outside, Change("dishub", implemented: false, reviewed: false));
        var m = Measure(27, facts);
        Assert.Equal(5.0, m["changes.recorded"].Value);
        Assert.Equal(0.75, m["changes.throughProcessShare"].Value);
        Assert.Contains(m["changes.throughProcessShare"].Evidence, e => e.Id == outside.Id.ToString() && e.Kind == "change.outside-process");
        Assert.Equal(0.75, m["changes.reviewedShare"].Value);
        Assert.Equal(0.0, Measure(27, Facts(Change("dinkes", implemented: false)))["changes.throughProcessShare"].Value);
    }

    [Fact]
    public void A_summary_moves_a_record_between_its_counts()
    {
        var summary = new ServiceManagementSummary { Id = "dinkes" };
        var open = Ticket("dinkes", handled: false);
        summary.Add(open);
        Assert.Equal((1, 0), (summary.Tickets, summary.TicketsHandled));
        var closed = Ticket("dinkes", breached: true);
        closed.Id = open.Id;
        summary.Remove(open);
        summary.Add(closed);
        Assert.Equal((1, 1, 1, 0, 1), (summary.Tickets, summary.TicketsHandled, summary.HandledTtoMet, summary.HandledTtrMet, summary.TicketsBreached));
        summary.Remove(closed);
        Assert.Equal((0, 0, 0), (summary.Tickets, summary.TicketsHandled, summary.TicketsBreached));
        Assert.Empty(summary.HandledSamples);
    }

    [Fact]
    public void The_sla_figures_are_the_evidence_of_measured_slas()
    {
        var m = Measure(28, Facts(Ticket("dinkes"), Ticket("dinkes", breached: true), Ticket("dinkes", handled: false), Service("dishub")));
        Assert.Equal(2.0, m["servicedesk.sla.measured"].Value);
        Assert.Contains(m["servicedesk.sla.measured"].Evidence, e => e.Label.Contains("TTR terpenuhi / met 1/2", StringComparison.Ordinal));
        Assert.Equal(2.0, m["servicemanagement.processesInUse"].Value);
        Assert.Equal(0.5, m["servicedesk.opdCoverage"].Value);
        Assert.Equal(1.0, Measure(28, Facts(Service("dinkes"), Service("dishub", operations: 0)))["servicemanagement.processesInUse"].Value);
    }

    [Fact]
    public void Indicator_27_climbs_level_by_level()
    {
        var facts = Facts(Change("dinkes", outside: true, reviewed: false));
        Assert.Equal(1, Level(27, facts).Level);
        facts.With(Record(27, "programme"));
        Assert.Equal(2, Level(27, facts).Level);
        facts.With(Record(27, "policy", ChangeAreas));
        Assert.Equal(["27.3.process"], Level(27, facts).MissingForNextLevel.Select(c => c.Id));

        facts = Facts(Change("dinkes"), Change("dishub"), Record(27, "programme"), Record(27, "policy", ChangeAreas));
        Assert.Equal(3, Level(27, facts).Level);
        var review = Record(27, "review");
        facts.With(review);
        Assert.Equal(4, Level(27, facts).Level);
        facts.With(Record(27, "follow-up", reviewId: review.Id, status: "selesai"));
        Assert.Equal(5, Level(27, facts).Level);
    }

    [Fact]
    public void Indicator_28_needs_both_processes_for_3_and_every_opd_with_sla_for_4()
    {
        var facts = Facts(Record(28, "programme"), Ticket("dinkes"));
        Assert.Equal(2, Level(28, facts).Level);
        facts.With(Record(28, "policy", ServiceAreas));
        Assert.Equal(["28.3.processes"], Level(28, facts).MissingForNextLevel.Select(c => c.Id));
        facts.With(Service("dinkes"));
        Assert.Equal(3, Level(28, facts).Level);
        var review = Record(28, "review");
        facts.With(review);
        Assert.Equal(["28.4.application"], Level(28, facts).MissingForNextLevel.Select(c => c.Id));
        facts.With(Ticket("dishub"));
        Assert.Equal(4, Level(28, facts).Level);
        facts.With(Record(28, "follow-up", reviewId: review.Id, status: "selesai"));
        Assert.Equal(5, Level(28, facts).Level);
    }
}
