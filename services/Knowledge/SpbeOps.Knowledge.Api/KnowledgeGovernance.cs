namespace SpbeOps.Knowledge.Api;

public static class KnowledgeGovernance
{
    /// <summary>
    /// The five steps of the KM process of the technical guidance (Peraturan BRIN 2/2024): a KM guideline for
    /// indicator 26 level 3 covers them all.
    /// </summary>
    public static readonly string[] ProcessSteps = ["pengumpulan", "pengolahan", "penyimpanan", "penggunaan", "alih-pengetahuan"];

    /// <summary>Indicator 26 (Manajemen Pengetahuan): the KM programme, the KM guideline, reviews and their follow-ups.</summary>
    public static readonly GovernanceOptions Options = new("api/knowledge/governance", new Dictionary<int, IReadOnlyList<string>> { [26] = ProcessSteps });
}
