using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using SpbeOps.Dashboard.Localization;

namespace SpbeOps.Dashboard.SignIn;

/// <summary>The endpoints around the sign-in page: SSO, sign-out and the language choice.</summary>
public static class SignInEndpoints
{
    public const string SignInPath = "/masuk";
    public const string SsoPath = "/masuk/sso";
    public const string SignOutPath = "/keluar";
    public const string LanguagePath = "/bahasa";

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet(SsoPath, (HttpContext http) => DashboardAuthentication.OidcConfigured(http.RequestServices.GetRequiredService<IConfiguration>())
                ? Results.Challenge(new AuthenticationProperties { RedirectUri = "/" }, [OpenIdConnectDefaults.AuthenticationScheme])
                : Results.Redirect(SignInPath))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet(SignOutPath, async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect(SignInPath);
        }).AllowAnonymous().ExcludeFromDescription();
        // ?kode=en|id&kembali=/path: the choice is kept a year; the page reloads in that language.
        app.MapGet(LanguagePath, (HttpContext http, string? kode, string? kembali) =>
        {
            http.Response.Cookies.Append(Language.Cookie, kode == Language.English ? Language.English : Language.Indonesian, new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Secure = http.Request.IsHttps,
            });
            return Results.LocalRedirect(LocalPath(kembali));
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>Only a path of this site: never an open redirect.</summary>
    public static string LocalPath(string? path) =>
        !string.IsNullOrEmpty(path) && path.StartsWith('/') && !path.StartsWith("//") && !path.StartsWith("/\\") ? path : "/";
}
