using Microsoft.AspNetCore.Authentication;

namespace SpbeOps.Dashboard.Api;

/// <summary>
/// The signed-in user's bearer token for the API: kept in the auth cookie's properties (<c>access_token</c>: the
/// pasted local token, or the OIDC access token saved by SaveTokens). Read from the request that carries the cookie:
/// the page request while prerendering, the circuit's connection afterwards.
/// </summary>
public sealed class AccessToken(IHttpContextAccessor http)
{
    public const string Name = "access_token";

    private string? _token;

    public async Task<string> GetAsync()
    {
        if (_token is not null) return _token;
        var context = http.HttpContext ?? throw new IndicatorsApiException(StatusCodes.Status401Unauthorized, "Tidak ada sesi masuk / Not signed in.");
        _token = await context.GetTokenAsync(Name) ?? throw new IndicatorsApiException(StatusCodes.Status401Unauthorized, "Tidak ada sesi masuk / Not signed in.");
        return _token;
    }
}
