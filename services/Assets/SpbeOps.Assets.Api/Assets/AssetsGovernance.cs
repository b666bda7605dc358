namespace SpbeOps.Assets.Api.Assets;

public static class AssetsGovernance
{
    /// <summary>
    /// Indicator 24 (Aset TIK; a guideline covers the four lifecycle stages) plus the audit indicators whose
    /// evidence is about infrastructure and applications (29, 30).
    /// </summary>
    public static readonly GovernanceOptions Options = new(
        "api/assets/governance",
        new Dictionary<int, IReadOnlyList<string>>
        {
            [24] = AssetVocabulary.Stages,
            [29] = ["tata-kelola", "infrastruktur", "kinerja"],
            [30] = ["aplikasi-umum", "aplikasi-khusus"],
        });
}
