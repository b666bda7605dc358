using SpbeOps.Contracts.Competency;
using SpbeOps.Indicators.Api.Facts;
using SpbeOps.Indicators.Api.Metrics;
using SpbeOps.Indicators.Api.Organisation;
using SpbeOps.Indicators.Rubric;

namespace SpbeOps.Indicators.Tests.Unit;

/// <summary>Indicator 25 (Kompetensi SDM): its metrics from the Competency service's facts and its levels 2–5.</summary>
public sealed class CompetencyMetricTests
{
    private static readonly DateOnly Today = new(2026, 6, 10);
    private static readonly RubricIndicator Competency = RubricLoader.LoadEmbedded().Indicator(25);
    private static readonly string[] Areas = MetricCatalog.CompetencyAreas;

    private static FactSet Facts(params IFact[] facts)
    {
        var set = new FactSet().With(new OrganisationProfile { PerangkatDaerah = [new("diskominfo", "Diskominfo"), new("dinkes", "Dinas Kesehatan")] });
        foreach (var f in facts) set.With(f);
        return set;
    }

    private static HrPlanFact Plan(string opd, int year, params (string Area, int Headcount, int Proficiency)[] needs) => new()
    {
        Id = Guid.NewGuid(), Version = 1, Opd = opd, Year = year, Needs = [.. needs.Select(n => new CompetencyNeed(n.Area, n.Headcount, n.Proficiency))],
    };

    private static StaffFact Staff(string opd, DateOnly? until = null) =>
        new() { Id = Guid.NewGuid(), Version = 1, Opd = opd, ActiveFrom = Today.AddYears(-3), ActiveUntil = until };

    private static CompetencyEvidenceFact Evidence(StaffFact staff, string kind, DateOnly date, DateOnly? until, params (string Area, int Level)[] levels) => new()
    {
        Id = Guid.NewGuid(), Version = 1, Opd = staff.Opd, StaffId = staff.Id, Kind = kind, Date = date, ValidUntil = until,
        Levels = levels.ToDictionary(l => l.Area, l => l.Level),
    };

    private static CompetencyEvidenceFact Certificate(StaffFact staff, string area, int level, DateOnly until) =>
        Evidence(staff, CompetencyRegisterSummary.Certification, Today.AddYears(-1), until, (area, level));

    private static GovernanceFact Record(string type, Guid? reviewId = null) => new()
    {
        Id = Guid.NewGuid(), Version = 1, Indicator = 25, RecordType = type, Title = type, AllOpd = true, Date = Today.AddDays(-10),
        ReviewId = reviewId, Status = type == "follow-up" ? "selesai" : null, CompletedOn = type == "follow-up" ? Today.AddDays(-1) : null,
    };

    private static IReadOnlyDictionary<string, MetricValue> Measure(FactSet facts, string? opd = null, DateOnly? on = null) =>
        MetricCatalog.Measure(Competency, new MetricScope(25, opd, facts, on ?? Today));

    private static LevelAssessment Level(FactSet facts, string? opd = null, DateOnly? on = null) =>
        LevelEvaluator.Evaluate(Competency, Measure(facts, opd, on));

    [Fact]
    public void An_area_is_met_by_enough_active_staff_at_the_planned_proficiency_from_valid_certificates_or_the_latest_assessment()
    {
        var (a, b, c, gone) = (Staff("dinkes"), Staff("dinkes"), Staff("dinkes"), Staff("dinkes", Today.AddDays(-1)));
        var facts = Facts(
            Plan("dinkes", Today.Year, ("keamanan-spbe", 2, 3), ("aplikasi-spbe", 1, 2)), a, b, c, gone,
            Certificate(a, "keamanan-spbe", 3, Today.AddDays(30)),
            Certificate(b, "keamanan-spbe", 4, Today.AddDays(-1)),                                      // expired yesterday
            Evidence(b, CompetencyRegisterSummary.Assessment, Today.AddMonths(-6), null, ("keamanan-spbe", 4)),
            Evidence(b, CompetencyRegisterSummary.Assessment, Today.AddMonths(-1), null, ("keamanan-spbe", 2)), // the latest says 2
            Certificate(gone, "aplikasi-spbe", 4, Today.AddYears(1)),                                    // no longer active
            Evidence(c, CompetencyRegisterSummary.Assessment, Today.AddMonths(-2), null, ("aplikasi-spbe", 2)));

        var met = Measure(facts, "dinkes")["competency.areas.met"];
        Assert.Equal(1.0, met.Value); // aplikasi-spbe by c; keamanan-spbe has only a
        Assert.Contains(met.Evidence, e => e.Kind == "competency.area.gap" && e.Label.StartsWith("keamanan-spbe (dinkes): 1 dari 2"));
        Assert.Contains(met.Evidence, e => e.Kind == "competency.certification.expired");
        Assert.Equal(4, met.Evidence.Count(e => e.Kind == "competency.area.unplanned"));
        Assert.DoesNotContain(met.Evidence, e => e.Label.Contains(a.Id.ToString()));
    }

    [Fact]
    public void The_instansi_meets_an_area_only_when_every_planning_opd_meets_it_and_unplanned_areas_are_not_met()
    {
        var (x, y) = (Staff("diskominfo"), Staff("dinkes"));
        var facts = Facts(Plan("diskominfo", Today.Year, ("data-informasi", 1, 2)), Plan("dinkes", Today.Year, ("data-informasi", 1, 2)),
            Plan("dinkes", Today.Year - 1, ("proses-bisnis", 1, 1)), x, y, Certificate(x, "data-informasi", 2, Today.AddYears(2)));
        Assert.Equal(0.0, Measure(facts)["competency.areas.met"].Value);
        Assert.Equal(1.0, Measure(facts, "diskominfo")["competency.areas.met"].Value);
        facts.With(Certificate(y, "data-informasi", 3, Today.AddYears(2)));
        Assert.Equal(1.0, Measure(facts)["competency.areas.met"].Value);
        Assert.Equal(2.0, Measure(facts)["competency.plan.current"].Value); // last year's plan does not count
    }

    [Fact]
    public void A_certificate_counts_up_to_its_last_valid_day_and_the_level_drops_the_day_after()
    {
        var facts = Facts(Plan("diskominfo", Today.Year, [.. Areas.Select(a => (a, 1, 2))]));
        var holder = Staff("diskominfo");
        facts.With(holder);
        foreach (var area in Areas) facts.With(Certificate(holder, area, 2, area == "keamanan-spbe" ? Today : Today.AddYears(1)));

        Assert.Equal(3, Level(facts).Level);
        var after = Level(facts, on: Today.AddDays(1));
        Assert.Equal(2, after.Level);
        Assert.Contains(Measure(facts, on: Today.AddDays(1))["competency.areas.met"].Evidence,
            e => e.Kind == "competency.certification.expired" && e.Label.Contains($"{Today.AddDays(1):yyyy-MM-dd}"));
    }

    [Fact]
    public void Indicator_25_climbs_level_by_level_and_says_what_is_missing()
    {
        var facts = Facts();
        Assert.Equal(1, Level(facts).Level);

        var holder = Staff("diskominfo");
        facts.With(Plan("diskominfo", Today.Year, [.. Areas.Select(a => (a, 1, 2))])).With(holder)
            .With(Certificate(holder, "keamanan-spbe", 3, Today.AddYears(1)));
        var two = Level(facts);
        Assert.Equal(2, two.Level);
        Assert.Equal(["25.3.allAreas"], two.MissingForNextLevel.Select(c => c.Id));

        facts.With(Evidence(holder, CompetencyRegisterSummary.Assessment, Today.AddDays(-3), null, [.. Areas.Select(a => (a, 2))]));
        var three = Level(facts);
        Assert.Equal(3, three.Level);
        Assert.Equal(["25.4.development", "25.4.review"], three.MissingForNextLevel.Select(c => c.Id));

        var review = Record("review");
        facts.With(Evidence(holder, CompetencyRegisterSummary.Training, Today.AddDays(-20), null, ("arsitektur-spbe", 0))).With(review);
        var four = Level(facts);
        Assert.Equal(4, four.Level);
        Assert.Equal(["25.5.followUp"], four.MissingForNextLevel.Select(c => c.Id));

        facts.With(Record("follow-up", review.Id));
        Assert.Equal(5, Level(facts).Level);
        Assert.Equal(5, Level(facts, "diskominfo").Level);
    }

    [Fact]
    public void The_summary_moves_staff_and_evidence_and_forgets_what_is_withdrawn()
    {
        var summary = new CompetencyRegisterSummary { Id = "dinkes" };
        var staff = Staff("dinkes");
        var cert = Certificate(staff, "keamanan-spbe", 3, Today.AddDays(10));
        summary.Add(staff);
        summary.Add(cert);
        Assert.Equal(1, summary.Qualified("keamanan-spbe", 3, Today));
        Assert.Equal(0, summary.Qualified("keamanan-spbe", 4, Today));
        summary.Remove(cert);
        cert.Withdrawn = true;
        summary.Add(cert);
        Assert.Equal(0, summary.Qualified("keamanan-spbe", 3, Today));
        Assert.Empty(summary.Evidence);
        staff.Withdrawn = true;
        summary.Add(staff);
        Assert.Empty(summary.Staff);
    }
}
