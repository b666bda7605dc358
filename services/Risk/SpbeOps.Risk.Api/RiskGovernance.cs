namespace SpbeOps.Risk.Api;

public static class RiskGovernance
{
    /// <summary>
    /// Indicator 21 (Manajemen Risiko SPBE). A guideline or strategic policy covers the steps of the PermenPANRB
    /// 5/2020 process: komunikasi dan konsultasi, penetapan konteks, penilaian, penanganan, pemantauan dan reviu,
    /// pencatatan dan pelaporan.
    /// </summary>
    public static readonly GovernanceOptions Options = new(
        "api/risks/governance",
        new Dictionary<int, IReadOnlyList<string>>
        {
            [21] = ["komunikasi-dan-konsultasi", "penetapan-konteks", "penilaian-risiko", "penanganan-risiko", "pemantauan-dan-reviu", "pencatatan-dan-pelaporan"],
        });
}
