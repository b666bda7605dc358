namespace SpbeOps.Competency.Api;

public static class CompetencyGovernance
{
    /// <summary>
    /// Indicator 25 (Kompetensi SDM): the programmes (pengembangan kompetensi), a guideline covering the six areas,
    /// the periodic review of competency fulfilment (level 4) and its follow-ups (level 5).
    /// </summary>
    public static readonly GovernanceOptions Options = new(
        "api/competency/governance", new Dictionary<int, IReadOnlyList<string>> { [25] = CompetencyVocabulary.Areas });
}
