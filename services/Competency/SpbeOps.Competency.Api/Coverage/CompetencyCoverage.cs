using SpbeOps.Competency.Api.Development;
using SpbeOps.Competency.Api.Plans;
using SpbeOps.Competency.Api.Requirements;
using SpbeOps.Competency.Api.Staff;

namespace SpbeOps.Competency.Api.Coverage;

/// <summary>One area of a plan: needed staff at a proficiency, how many have it today, the gap.</summary>
public sealed record AreaCoverage(string Area, int Needed, int Proficiency, int Qualified, int Gap, bool Met);

/// <param name="StaffWithRequirement">active staff whose jabatan has a competency requirement</param>
/// <param name="StaffMeetingRequirement">of those, how many reach every level their jabatan requires</param>
public sealed record OpdCoverage(
    string Opd, Guid? PlanId, int ActiveStaff, int AreasMet, IReadOnlyList<AreaCoverage> Areas, int StaffWithRequirement, int StaffMeetingRequirement);

/// <summary>A certificate that stops counting soon, named by record ids only (no personal data).</summary>
public sealed record ExpiringCertification(Guid Id, Guid StaffId, string Opd, string Area, DateOnly ValidUntil, int DaysLeft);

/// <summary>
/// Coverage of the six SPBE areas against the year's HR plans, per OPD and for the instansi, as of a day. Counts and
/// pseudonyms only, so every role may read it.
/// </summary>
public sealed record CoverageReport(
    int Year, DateOnly AsOf, IReadOnlyList<OpdCoverage> Opds, IReadOnlyList<AreaCoverage> Instansi, int AreasMet,
    IReadOnlyList<string> AreasUnplanned, IReadOnlyList<ExpiringCertification> Expiring);

/// <summary>The coverage computation, free of I/O.</summary>
public static class CompetencyCoverage
{
    /// <summary>
    /// A staff member's proficiency in each area on <paramref name="day"/>: the higher of the latest assessment's level
    /// and the best certification valid that day. Withdrawn records and records dated later do not count.
    /// </summary>
    public static Dictionary<string, int> ProficiencyOn(IEnumerable<Assessment> assessments, IEnumerable<Certification> certifications, DateOnly day)
    {
        var levels = new Dictionary<string, int>();
        foreach (var a in assessments.Where(a => !a.Withdrawn && a.AssessedOn <= day).OrderBy(a => a.AssessedOn))
            foreach (var (area, level) in a.Levels) levels[area] = level;
        foreach (var c in certifications.Where(c => c.ValidOn(day)))
            levels[c.Area] = Math.Max(levels.GetValueOrDefault(c.Area), c.Proficiency);
        return levels;
    }

    public static CoverageReport Compute(
        int year, DateOnly day, IEnumerable<HrPlan> plans, IEnumerable<StaffMember> staff,
        IEnumerable<Certification> certifications, IEnumerable<Assessment> assessments, IEnumerable<CompetencyRequirement>? requirements = null)
    {
        var required = (requirements ?? []).Where(r => !r.Withdrawn).ToDictionary(r => r.Jabatan, r => r.Levels, StringComparer.OrdinalIgnoreCase);
        var certs = certifications.ToList();
        var certsOf = certs.ToLookup(c => c.StaffId);
        var assessmentsOf = assessments.ToLookup(a => a.StaffId);
        var active = staff.Where(s => s.ActiveOn(day)).ToList();
        var proficiency = active.ToDictionary(s => s.Id, s => ProficiencyOn(assessmentsOf[s.Id], certsOf[s.Id], day));
        var staffOf = active.ToLookup(s => s.Opd, StringComparer.OrdinalIgnoreCase);

        var current = plans.Where(p => !p.Withdrawn && p.Year == year).OrderBy(p => p.Opd, StringComparer.Ordinal).ToList();
        var opds = current.Select(p =>
        {
            var areas = p.Needs.Select(n =>
            {
                var qualified = staffOf[p.Opd].Count(s => proficiency[s.Id].GetValueOrDefault(n.Area) >= n.Proficiency);
                return new AreaCoverage(n.Area, n.Headcount, n.Proficiency, qualified, Math.Max(0, n.Headcount - qualified), qualified >= n.Headcount);
            }).ToList();
            var withRequirement = staffOf[p.Opd].Where(s => required.ContainsKey(s.Jabatan)).ToList();
            var meeting = withRequirement.Count(s => required[s.Jabatan].All(l => proficiency[s.Id].GetValueOrDefault(l.Key) >= l.Value));
            return new OpdCoverage(p.Opd, p.Id, staffOf[p.Opd].Count(), areas.Count(a => a.Met), areas, withRequirement.Count, meeting);
        }).ToList();

        // The instansi: an area is met when it is planned and every OPD that plans it meets it.
        var instansi = CompetencyVocabulary.Areas
            .Select(area => opds.SelectMany(o => o.Areas).Where(a => a.Area == area).ToList())
            .Where(a => a.Count > 0)
            .Select(a => new AreaCoverage(a[0].Area, a.Sum(x => x.Needed), a.Max(x => x.Proficiency), a.Sum(x => Math.Min(x.Qualified, x.Needed)),
                a.Sum(x => x.Gap), a.All(x => x.Met)))
            .ToList();
        var unplanned = CompetencyVocabulary.Areas.Where(area => instansi.All(a => a.Area != area)).ToList();

        var expiring = certs
            .Where(c => c.ValidOn(day) && c.ValidUntil is { } until && until <= day.AddDays(CompetencyVocabulary.ExpiringWithinDays))
            .OrderBy(c => c.ValidUntil)
            .Select(c => new ExpiringCertification(c.Id, c.StaffId, c.Opd, c.Area, c.ValidUntil!.Value, c.ValidUntil!.Value.DayNumber - day.DayNumber))
            .ToList();
        return new CoverageReport(year, day, opds, instansi, instansi.Count(a => a.Met), unplanned, expiring);
    }
}
