namespace SpbeOps.Data.Api;

public static class DataGovernance
{
    /// <summary>The six areas a data-management guideline must cover for indicator 23 level 3 (P59).</summary>
    public static readonly string[] Areas =
        ["arsitektur-data", "data-induk", "data-referensi", "basis-data", "kualitas-data", "interoperabilitas-data"];

    /// <summary>
    /// Indicator 23 (Manajemen Data): programmes, the guideline covering the six areas, the data strategy (issued by
    /// the Forum Satu Data or the Tim Koordinasi SPBE), reviews and their follow-ups.
    /// </summary>
    public static readonly GovernanceOptions Options = new("api/data/governance", new Dictionary<int, IReadOnlyList<string>> { [23] = Areas });
}
