namespace SpbeOps.Indicators.Api.Facts;

/// <summary>A staff member as indicator 25 needs them: a pseudonym (the record id) and when they are active.</summary>
public sealed record StaffEntry(DateOnly ActiveFrom, DateOnly? ActiveUntil);

/// <summary>A piece of competency evidence: kind, staff pseudonym, date, last valid day (certifications), levels.</summary>
public sealed record EvidenceEntry(string Kind, Guid StaffId, DateOnly Date, DateOnly? ValidUntil, Dictionary<string, int> Levels);

/// <summary>
/// One OPD's SPBE staff and their competency evidence as indicator 25 needs it (issue 11): active staff by pseudonym,
/// and each certification, training and assessment that is not withdrawn. Kept up to date fact by fact like
/// <see cref="DataCatalogueSummary"/>, so a recalculation reads one document per OPD (its size is the OPD's own staff
/// and evidence) and never the tenant's records; which evidence counts is decided on the day measured.
/// </summary>
public sealed class CompetencyRegisterSummary
{
    public const string Certification = "sertifikasi";
    public const string Training = "pelatihan";
    public const string Assessment = "asesmen";

    /// <summary>The OPD code.</summary>
    public string Id { get; set; } = "";
    public Dictionary<Guid, StaffEntry> Staff { get; set; } = [];
    public Dictionary<Guid, EvidenceEntry> Evidence { get; set; } = [];

    public void Add(StaffFact s)
    {
        if (s.Withdrawn) Staff.Remove(s.Id);
        else Staff[s.Id] = new StaffEntry(s.ActiveFrom, s.ActiveUntil);
    }

    public void Remove(StaffFact s) => Staff.Remove(s.Id);

    public void Add(CompetencyEvidenceFact e)
    {
        if (e.Withdrawn) Evidence.Remove(e.Id);
        else Evidence[e.Id] = new EvidenceEntry(e.Kind, e.StaffId, e.Date, e.ValidUntil, e.Levels);
    }

    public void Remove(CompetencyEvidenceFact e) => Evidence.Remove(e.Id);

    public static bool Active(StaffEntry s, DateOnly day) => s.ActiveFrom <= day && (s.ActiveUntil is null || s.ActiveUntil >= day);

    /// <summary>A certification counts from its first day up to and including its last valid day.</summary>
    public static bool Valid(EvidenceEntry e, DateOnly day) => e.Date <= day && (e.ValidUntil is null || day <= e.ValidUntil);

    /// <summary>
    /// Each active staff member's proficiency per area on <paramref name="day"/>: the higher of their latest
    /// assessment's level and their best certification valid that day. One walk over the OPD's evidence.
    /// </summary>
    public Dictionary<Guid, Dictionary<string, int>> ProficiencyOn(DateOnly day)
    {
        var levels = Staff.Where(s => Active(s.Value, day)).ToDictionary(s => s.Key, _ => new Dictionary<string, int>());
        foreach (var e in Evidence.Values.Where(e => e.Kind == Assessment && e.Date <= day && levels.ContainsKey(e.StaffId)).OrderBy(e => e.Date))
            foreach (var (area, level) in e.Levels) levels[e.StaffId][area] = level; // the latest overwrites
        foreach (var e in Evidence.Values.Where(e => e.Kind == Certification && Valid(e, day) && levels.ContainsKey(e.StaffId)))
            foreach (var (area, level) in e.Levels) levels[e.StaffId][area] = Math.Max(level, levels[e.StaffId].GetValueOrDefault(area));
        return levels;
    }

    /// <summary>How many active staff reach <paramref name="proficiency"/> in <paramref name="area"/> on <paramref name="day"/>.</summary>
    public int Qualified(string area, int proficiency, DateOnly day) => Qualified(ProficiencyOn(day), area, proficiency);

    public static int Qualified(Dictionary<Guid, Dictionary<string, int>> proficiency, string area, int level) =>
        proficiency.Values.Count(p => p.GetValueOrDefault(area) >= level);

    /// <summary>Certifications of <paramref name="area"/> whose last valid day fell in the <paramref name="days"/> before <paramref name="day"/>.</summary>
    public IEnumerable<(Guid Id, EvidenceEntry Entry)> ExpiredRecently(string area, DateOnly day, int days) =>
        Evidence.Where(e => e.Value.Kind == Certification && e.Value.Levels.ContainsKey(area)
                && e.Value.ValidUntil is { } until && until < day && until >= day.AddDays(-days))
            .Select(e => (e.Key, e.Value));

    /// <summary>Records of <paramref name="kind"/> dated in <paramref name="day"/>'s year, up to that day.</summary>
    public int InYear(string kind, DateOnly day) =>
        Evidence.Values.Count(e => e.Kind == kind && e.Date.Year == day.Year && e.Date <= day);

    /// <summary>Moves staff and evidence between their OPD's summaries (two OPDs', when one moved), and stores them.</summary>
    public static void Update(IDocumentSession session, FactSet facts, IReadOnlyList<Fact> changed, Func<Fact, Fact?> previousOf)
    {
        var touched = new Dictionary<string, CompetencyRegisterSummary>(StringComparer.OrdinalIgnoreCase);
        foreach (var fact in changed)
        {
            switch (fact, previousOf(fact))
            {
                case (StaffFact s, var p):
                    if (p is StaffFact priorStaff) (touched[priorStaff.Opd] = facts.CompetencyOf(priorStaff.Opd)).Remove(priorStaff);
                    (touched[s.Opd] = facts.CompetencyOf(s.Opd)).Add(s);
                    break;
                case (CompetencyEvidenceFact e, var p):
                    if (p is CompetencyEvidenceFact prior) (touched[prior.Opd] = facts.CompetencyOf(prior.Opd)).Remove(prior);
                    (touched[e.Opd] = facts.CompetencyOf(e.Opd)).Add(e);
                    break;
            }
        }
        foreach (var summary in touched.Values) session.Store(summary);
    }
}
