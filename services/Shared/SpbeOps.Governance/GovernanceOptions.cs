namespace SpbeOps.Governance;

/// <summary>What one domain service's governance records may say.</summary>
/// <param name="RoutePrefix">e.g. <c>api/assets/governance</c></param>
/// <param name="Topics">per indicator, the topics a guideline may cover (empty = free text)</param>
public sealed record GovernanceOptions(
    string RoutePrefix,
    IReadOnlyDictionary<int, IReadOnlyList<string>> Topics)
{
    public IReadOnlyCollection<int> Indicators => Topics.Keys.ToArray();
}
