using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using SpbeOps.Dashboard.Api;
using SpbeOps.ServiceDefaults.Auth;

namespace SpbeOps.Dashboard.SignIn;

/// <summary>
/// The dashboard's sign-in: a cookie holding the user's token. Locally the token is pasted (or comes in the link
/// <c>./spbe up</c> prints); with <c>Oidc:Authority</c> set, Keycloak signs the user in and its access token is the
/// one kept. Either way the token passes the services' own validation (<see cref="TokenSignIn"/>) before the cookie
/// is written, and the API calls carry it.
/// </summary>
public static class DashboardAuthentication
{
    public const string CookieName = "spbe-dasbor";

    public static bool OidcConfigured(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration["Oidc:Authority"]);

    public static IHostApplicationBuilder AddDashboardAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<TokenSignIn>();
        // ServiceDefaults registered JWT bearer as the default (for APIs); the pages sign in with the cookie.
        var authentication = builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            })
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.LoginPath = SignInEndpoints.SignInPath;
                o.LogoutPath = SignInEndpoints.SignOutPath;
                o.AccessDeniedPath = SignInEndpoints.SignInPath;
                o.ReturnUrlParameter = "kembali";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = false;
            });

        if (OidcConfigured(builder.Configuration))
        {
            authentication.AddOpenIdConnect(o =>
            {
                o.Authority = builder.Configuration["Oidc:Authority"];
                o.ClientId = builder.Configuration["Oidc:ClientId"] ?? "spbeops-dashboard";
                o.ClientSecret = builder.Configuration["Oidc:ClientSecret"];
                o.RequireHttpsMetadata = o.Authority!.StartsWith("https", StringComparison.OrdinalIgnoreCase);
                o.ResponseType = "code";
                o.UsePkce = true;
                o.SaveTokens = true;
                o.MapInboundClaims = false;
                o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.CallbackPath = "/masuk/sso/callback";
                o.Events.OnTokenValidated = async context =>
                {
                    // The access token, not the ID token, names role, instansi and OPD (deploy/keycloak): it becomes the user.
                    var token = context.TokenEndpointResponse?.AccessToken;
                    var principal = await context.HttpContext.RequestServices.GetRequiredService<TokenSignIn>().ValidateAsync(token, context.HttpContext.RequestAborted);
                    if (principal is null)
                    {
                        context.Fail("The access token is not a valid SpbeOps token.");
                        return;
                    }
                    context.Principal = principal;
                    // The cookie lives as long as the token it carries: then the user signs in again (at Keycloak, quickly).
                    if (TokenSignIn.Expiry(principal) is { } expires) context.Properties!.ExpiresUtc = expires;
                };
            });
        }
        return builder;
    }

    public static string Describe(ClaimsPrincipal user)
    {
        var who = user.FindFirstValue(SpbeClaims.Name) ?? user.FindFirstValue(SpbeClaims.Subject) ?? "";
        var roles = string.Join(", ", user.FindAll(SpbeClaims.Role).Select(c => c.Value));
        var opd = user.FindFirstValue(SpbeClaims.Opd);
        return $"{who} · {roles} · {user.FindFirstValue(SpbeClaims.Instansi)}{(opd is null ? "" : " / " + opd)}";
    }

    public static AuthenticationProperties? Unused => null;
}
