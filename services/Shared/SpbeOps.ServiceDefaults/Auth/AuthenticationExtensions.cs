using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace SpbeOps.ServiceDefaults.Auth;

public static class AuthenticationExtensions
{
    /// <summary>JWT bearer validation plus the shared policies. Nothing is anonymous unless it says so.</summary>
    public static IHostApplicationBuilder AddSpbeAuthentication(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SpbeAuthOptions.Section).Get<SpbeAuthOptions>() ?? new SpbeAuthOptions();

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    // With an OIDC authority the issuer comes from its discovery document.
                    ValidIssuer = string.IsNullOrWhiteSpace(options.Authority) ? options.Issuer : null,
                    ValidAudience = options.Audience,
                    RoleClaimType = SpbeClaims.Role,
                    NameClaimType = SpbeClaims.Subject,
                    ClockSkew = TimeSpan.FromMinutes(1),
                };
                if (!string.IsNullOrWhiteSpace(options.Authority))
                {
                    jwt.Authority = options.Authority;
                    jwt.RequireHttpsMetadata = options.Authority.StartsWith("https", StringComparison.OrdinalIgnoreCase);
                }
                else
                {
                    jwt.TokenValidationParameters.IssuerSigningKey = DevelopmentTokens.KeyFrom(RequireSigningKey(options));
                }
                jwt.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context =>
                    {
                        if (TokenClaims.Problem(context.Principal, context.SecurityToken) is { } problem) context.Fail(new TokenClaimsException(problem));
                        return Task.CompletedTask;
                    },
                    OnChallenge = TokenClaims.ChallengeAsync,
                };
            });

        // One Caller per request, built from the validated token: endpoints take it as a parameter.
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped(sp => new Caller(
            sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.User
                ?? throw new InvalidOperationException("A Caller exists only inside an HTTP request."),
            sp.GetRequiredService<IOptions<CallerOptions>>().Value.SpecialistWriters));

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(MemberPolicy())
            .AddPolicy(SpbePolicies.Member, MemberPolicy())
            .AddPolicy(SpbePolicies.DiskominfoAdmin, p => p
                .RequireAuthenticatedUser()
                .RequireClaim(SpbeClaims.Instansi)
                .RequireRole(SpbeRoles.DiskominfoAdmin));

        return builder;
    }

    /// <summary>Roles that write every OPD's records in this service besides Diskominfo (e.g. <c>security-officer</c>).</summary>
    public static IHostApplicationBuilder AddSpecialistWriters(this IHostApplicationBuilder builder, params string[] roles)
    {
        builder.Services.Configure<CallerOptions>(o => o.SpecialistWriters.AddRange(roles));
        return builder;
    }

    private static AuthorizationPolicy MemberPolicy() => new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .RequireClaim(SpbeClaims.Instansi)
        .RequireRole(SpbeRoles.All)
        // An OPD operator without its OPD would belong to no OPD: refuse the token rather than guess.
        .RequireAssertion(ctx => !ctx.User.IsInRole(SpbeRoles.OpdOperator) || ctx.User.HasClaim(c => c.Type == SpbeClaims.Opd && c.Value.Length > 0))
        .Build();

    private static string RequireSigningKey(SpbeAuthOptions options) =>
        string.IsNullOrWhiteSpace(options.SigningKey) || options.SigningKey.Length < 32
            ? throw new InvalidOperationException(
                "Auth:SigningKey is missing or shorter than 32 characters, and no Auth:Authority is set. " +
                "Run the suite with ./spbe up, or set Auth__SigningKey.")
            : options.SigningKey;
}
