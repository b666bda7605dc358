using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using SpbeOps.Dashboard.Api;
using SpbeOps.ServiceDefaults.Auth;

namespace SpbeOps.Dashboard.SignIn;

/// <summary>
/// Signs a user in with a pasted SpbeOps token: validated exactly as the services validate it (the JWT bearer
/// options ServiceDefaults configures: key or OIDC authority, issuer, audience, the claim rules of
/// <see cref="TokenClaims"/>, the member policy), then kept in the auth cookie's properties to call the API.
/// </summary>
public sealed class TokenSignIn(IOptionsMonitor<JwtBearerOptions> jwt, IAuthorizationService authorization, ILogger<TokenSignIn> logger)
{
    /// <summary>The principal of a valid token, or null (the reason is logged, never shown: the form says "invalid").</summary>
    public async Task<ClaimsPrincipal?> ValidateAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 16_384) return null;
        var options = jwt.Get(JwtBearerDefaults.AuthenticationScheme);
        var parameters = options.TokenValidationParameters.Clone();
        if (options.ConfigurationManager is { } oidc)
        {
            var configuration = await oidc.GetConfigurationAsync(ct);
            parameters.ValidIssuer ??= configuration.Issuer;
            parameters.IssuerSigningKeys = configuration.SigningKeys;
        }

        var result = await new JsonWebTokenHandler { MapInboundClaims = options.MapInboundClaims }.ValidateTokenAsync(token.Trim(), parameters);
        if (!result.IsValid)
        {
            logger.LogInformation("A sign-in token was refused: {Reason}", result.Exception?.GetType().Name);
            return null;
        }
        var principal = new ClaimsPrincipal(result.ClaimsIdentity);
        if (TokenClaims.Problem(principal, result.SecurityToken) is { } problem)
        {
            logger.LogInformation("A sign-in token breaks the claim rules: {Problem}", problem);
            return null;
        }
        if (!(await authorization.AuthorizeAsync(principal, SpbePolicies.Member)).Succeeded) return null;

        var identity = new ClaimsIdentity(principal.Claims.Where(c => Kept.Contains(c.Type)),
            CookieAuthenticationDefaults.AuthenticationScheme, SpbeClaims.Subject, SpbeClaims.Role);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>When the token expires (its <c>exp</c> claim), if it says.</summary>
    public static DateTimeOffset? Expiry(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirst("exp")?.Value, out var exp) ? DateTimeOffset.FromUnixTimeSeconds(exp) : null;

    /// <summary>The cookie: the claims the pages show and authorize on, and the token itself for the API calls.</summary>
    public static AuthenticationProperties Properties(string token, DateTimeOffset? expires)
    {
        var properties = new AuthenticationProperties { IsPersistent = false, ExpiresUtc = expires, AllowRefresh = false };
        properties.StoreTokens([new AuthenticationToken { Name = AccessToken.Name, Value = token.Trim() }]);
        return properties;
    }

    private static readonly HashSet<string> Kept = [SpbeClaims.Subject, SpbeClaims.Name, SpbeClaims.Role, SpbeClaims.Instansi, SpbeClaims.Opd, "exp"];
}
