namespace SpbeOps.Indicators.Api.Organisation;

public sealed record PerangkatDaerah(string Code, string Name);

/// <summary>
/// The instansi as Diskominfo describes it: its perangkat daerah (the denominator of every "all OPD" criterion)
/// and the OPD that runs the ICT function (whose strategies count for indicator 24). One per tenant.
/// </summary>
public sealed class OrganisationProfile
{
    public const string DocumentId = "organisation";

    public string Id { get; set; } = DocumentId;
    public string Name { get; set; } = "";
    public string? IctUnitOpd { get; set; }
    public List<PerangkatDaerah> PerangkatDaerah { get; set; } = [];
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}
