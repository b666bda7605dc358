using SpbeOps.Gateway;
using SpbeOps.Gateway.Dashboard;
using SpbeOps.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseRateLimiter();
app.MapDashboard();
app.MapReverseProxy();

app.Run();
