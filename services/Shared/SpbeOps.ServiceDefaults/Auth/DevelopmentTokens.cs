using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SpbeOps.ServiceDefaults.Auth;

/// <summary>
/// Issues tokens signed with the local development key: used by <c>./spbe token</c>, the seeder and the tests.
/// Production validates tokens of the OIDC provider instead (Auth:Authority).
/// </summary>
public static class DevelopmentTokens
{
    public static SymmetricSecurityKey KeyFrom(string signingKey) => new(Encoding.UTF8.GetBytes(signingKey));

    public static string Create(
        string signingKey, string role, string instansi, string? opd = null,
        string issuer = "spbeops-local", string audience = "spbeops", string? subject = null, TimeSpan? lifetime = null,
        IEnumerable<Claim>? extraClaims = null)
    {
        var claims = new List<Claim>
        {
            new(SpbeClaims.Subject, subject ?? $"{role}{(opd is null ? "" : "@" + opd)}"),
            new(SpbeClaims.Name, subject ?? $"{role}{(opd is null ? "" : " " + opd)}"),
            new(SpbeClaims.Role, role),
            new(SpbeClaims.Instansi, instansi),
        };
        if (opd is not null) claims.Add(new Claim(SpbeClaims.Opd, opd));
        if (extraClaims is not null) claims.AddRange(extraClaims);

        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromHours(8)),
            SigningCredentials = new SigningCredentials(KeyFrom(signingKey), SecurityAlgorithms.HmacSha256),
        });
    }
}
