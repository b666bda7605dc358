namespace SpbeOps.Governance;

/// <summary>What one domain service's governance records may say.</summary>
/// <param name="RoutePrefix">e.g. <c>api/assets/governance</c></param>
/// <param name="Topics">per indicator, the topics a guideline may cover (empty = free text)</param>
/// <param name="WriterRoles">specialist roles that may write this service's records besides Diskominfo</param>
public sealed record GovernanceOptions(
    string RoutePrefix,
    IReadOnlyDictionary<int, IReadOnlyList<string>> Topics,
    IReadOnlyList<string> WriterRoles)
{
    public IReadOnlyCollection<int> Indicators => Topics.Keys.ToArray();
}
