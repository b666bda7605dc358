using SpbeOps.Dashboard.Api;
using SpbeOps.Dashboard.Components;
using SpbeOps.Dashboard.Extensions;
using SpbeOps.Dashboard.SignIn;
using SpbeOps.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDashboard();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseAntiforgery();
app.MapStaticAssets().AllowAnonymous();
app.MapSignIn();
app.MapReportDownload();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();
