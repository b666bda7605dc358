using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SpbeOps.ServiceDefaults.Auth;

/// <summary>
/// What a signed token must also say before anything trusts it (docs/architecture.md decisions 1 and 9): exactly one
/// <c>instansi</c> that is a tenant code (<see cref="InstansiCode"/>), and at most one <c>opd</c>, an OPD code
/// (<see cref="PerangkatDaerahCode"/>). Checked when the token is validated, so every service and the gateway refuse
/// it with 401 before a tenant session is opened: an empty instansi used to open Marten's default tenant, and an
/// array took its first value.
/// </summary>
public static class TokenClaims
{
    public static string? Problem(ClaimsPrincipal? principal, SecurityToken? token = null)
    {
        // An array becomes one claim per item (one item looks like a plain value): only the raw payload tells.
        if (token is JsonWebToken jwt && (!SingleString(jwt, SpbeClaims.Instansi, required: true) || !SingleString(jwt, SpbeClaims.Opd, required: false)))
            return $"klaim 'instansi' dan 'opd' masing-masing satu teks, bukan daftar atau angka / 'instansi' and 'opd' are each one string, not a list or a number. {InstansiCode.Rule}";
        var instansi = principal?.FindAll(SpbeClaims.Instansi).Select(c => c.Value).ToList() ?? [];
        if (instansi.Count != 1 || !InstansiCode.IsValid(instansi[0])) return InstansiCode.Rule;
        var opd = principal!.FindAll(SpbeClaims.Opd).Select(c => c.Value).ToList();
        if (opd.Count > 1 || (opd.Count == 1 && !PerangkatDaerahCode.IsValid(opd[0])))
            return $"klaim 'opd' paling banyak satu kode / the 'opd' claim holds at most one code: {PerangkatDaerahCode.Rule}";
        return null;
    }

    private static bool SingleString(JsonWebToken jwt, string claim, bool required) =>
        jwt.TryGetPayloadValue<object>(claim, out var value) ? value is string : !required;

    /// <summary>A token refused for its claims is told why: a 401 ProblemDetails with the rule, and the bearer challenge.</summary>
    internal static async Task ChallengeAsync(JwtBearerChallengeContext context)
    {
        if (context.AuthenticateFailure is not TokenClaimsException refused || context.Response.HasStarted) return;
        context.HandleResponse();
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\", error_description=\"The token's claims break the SpbeOps claim rules\"";
        await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Token tidak sah / Invalid token",
                Detail = refused.Message,
            },
        });
    }
}

/// <summary>A validly signed token whose claims <see cref="TokenClaims"/> refuses.</summary>
public sealed class TokenClaimsException(string message) : Exception(message);
