using SpbeOps.Competency.Api.Coverage;
using SpbeOps.Competency.Api.Development;
using SpbeOps.Competency.Api.Plans;
using SpbeOps.Competency.Api.Staff;
using SpbeOps.Contracts.Competency;

namespace SpbeOps.Competency.Tests.Unit;

/// <summary>Coverage of the six areas and the gap to the plan, per OPD and instansi, on a day.</summary>
public sealed class CoverageTests
{
    private static readonly DateOnly Today = new(2026, 6, 10);

    private static StaffMember Staff(string opd, DateOnly? until = null) => new()
    {
        Id = Guid.NewGuid(), Opd = opd, Nip = "198501012010011001", Name = "X", Jabatan = "J", ActiveFrom = Today.AddYears(-1), ActiveUntil = until,
    };

    private static Certification Cert(StaffMember s, string area, int level, DateOnly? until) => new()
    {
        Id = Guid.NewGuid(), Opd = s.Opd, StaffId = s.Id, Area = area, Proficiency = level, ValidFrom = Today.AddYears(-1), ValidUntil = until,
    };

    private static Assessment Assessed(StaffMember s, DateOnly on, string area, int level) => new()
    {
        Id = Guid.NewGuid(), Opd = s.Opd, StaffId = s.Id, AssessedOn = on, Levels = new() { [area] = level },
    };

    private static HrPlan Plan(string opd, params (string Area, int Headcount, int Proficiency)[] needs) => new()
    {
        Id = Guid.NewGuid(), Opd = opd, Year = Today.Year, Needs = [.. needs.Select(n => new CompetencyNeed(n.Area, n.Headcount, n.Proficiency))],
    };

    [Fact]
    public void The_gap_is_what_the_plan_needs_minus_the_active_staff_at_its_proficiency()
    {
        var (a, b, left) = (Staff("dinkes"), Staff("dinkes"), Staff("dinkes", Today.AddDays(-1)));
        var report = CompetencyCoverage.Compute(Today.Year, Today, [Plan("dinkes", ("keamanan-spbe", 3, 3), ("data-informasi", 1, 2))], [a, b, left],
            [Cert(a, "keamanan-spbe", 3, Today.AddDays(30)), Cert(b, "keamanan-spbe", 4, Today.AddDays(-1)), Cert(left, "keamanan-spbe", 4, null)],
            [Assessed(b, Today.AddMonths(-2), "data-informasi", 1), Assessed(b, Today.AddMonths(-1), "data-informasi", 3)]);

        var dinkes = Assert.Single(report.Opds);
        Assert.Equal(2, dinkes.ActiveStaff);
        Assert.Equal(new AreaCoverage("keamanan-spbe", 3, 3, 1, 2, false), dinkes.Areas.Single(x => x.Area == "keamanan-spbe"));
        Assert.Equal(new AreaCoverage("data-informasi", 1, 2, 1, 0, true), dinkes.Areas.Single(x => x.Area == "data-informasi"));
        Assert.Equal(1, report.AreasMet);
        Assert.Equal(4, report.AreasUnplanned.Count);
        Assert.Single(report.Expiring); // a's certificate ends within 90 days
        Assert.Equal(30, report.Expiring[0].DaysLeft);
    }

    [Fact]
    public void Staff_are_compared_with_their_jabatans_requirement()
    {
        var (a, b) = (Staff("dinkes") with { Jabatan = "Pranata Komputer" }, Staff("dinkes") with { Jabatan = "Pranata Komputer" });
        var requirement = new SpbeOps.Competency.Api.Requirements.CompetencyRequirement
        {
            Jabatan = "pranata komputer", Levels = new() { ["aplikasi-spbe"] = 2, ["keamanan-spbe"] = 1 },
        };
        var report = CompetencyCoverage.Compute(Today.Year, Today, [Plan("dinkes", ("aplikasi-spbe", 1, 2))], [a, b, Staff("dinkes")],
            [Cert(a, "aplikasi-spbe", 3, null), Cert(a, "keamanan-spbe", 1, null), Cert(b, "aplikasi-spbe", 2, null)], [], [requirement]);
        var dinkes = Assert.Single(report.Opds);
        Assert.Equal((2, 1), (dinkes.StaffWithRequirement, dinkes.StaffMeetingRequirement));
    }

    [Fact]
    public void The_latest_assessment_counts_not_the_best_one()
    {
        var s = Staff("dinkes");
        var levels = CompetencyCoverage.ProficiencyOn([Assessed(s, Today.AddMonths(-6), "proses-bisnis", 4), Assessed(s, Today.AddMonths(-1), "proses-bisnis", 2)], [], Today);
        Assert.Equal(2, levels["proses-bisnis"]);
    }

    [Fact]
    public void The_instansi_meets_an_area_only_when_every_planning_opd_does()
    {
        var (x, y) = (Staff("diskominfo"), Staff("dinkes"));
        var plans = new[] { Plan("diskominfo", ("aplikasi-spbe", 1, 2)), Plan("dinkes", ("aplikasi-spbe", 1, 2)) };
        var half = CompetencyCoverage.Compute(Today.Year, Today, plans, [x, y], [Cert(x, "aplikasi-spbe", 2, null)], []);
        Assert.Equal(0, half.AreasMet);
        Assert.Equal(new AreaCoverage("aplikasi-spbe", 2, 2, 1, 1, false), Assert.Single(half.Instansi));
        var all = CompetencyCoverage.Compute(Today.Year, Today, plans, [x, y], [Cert(x, "aplikasi-spbe", 2, null), Cert(y, "aplikasi-spbe", 3, null)], []);
        Assert.Equal(1, all.AreasMet);
    }
}
