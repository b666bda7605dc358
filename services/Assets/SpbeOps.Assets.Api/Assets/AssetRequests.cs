namespace SpbeOps.Assets.Api.Assets;

public sealed record ApplicationDetailsRequest(
    string? Type, string? Platform, string? Hosting, string? Url, string? Status, string? LegalBasis, string? Developer);

/// <summary>Register or update an asset. <c>stage</c> and <c>stageSince</c> are read only on registration.</summary>
public sealed record AssetRequest(
    string? Opd,
    string? Kind,
    string? Name,
    string? Description = null,
    string? Code = null,
    string? Manufacturer = null,
    string? Model = null,
    string? SerialNumber = null,
    string? Location = null,
    string? Vendor = null,
    int? LicenceSeats = null,
    DateOnly? LicenceExpiresOn = null,
    string? Provider = null,
    ApplicationDetailsRequest? Application = null,
    decimal? AcquisitionCost = null,
    DateOnly? AcquiredOn = null,
    string? Stage = null,
    DateOnly? StageSince = null);

public sealed record TransitionRequest(string? To, DateOnly? On, string? Note);

/// <summary>
/// A page of the register. <c>Total</c> is exact when <c>TotalExact</c> (the last page was reached, or at most
/// <see cref="ListPaging.ExactTotalUpTo"/> assets match); otherwise a lower bound: more match, and <c>HasMore</c>
/// says whether another page follows.
/// </summary>
public sealed record AssetPage(IReadOnlyList<Asset> Items, int Page, int PageSize, long Total, bool TotalExact, bool HasMore);
