using SpbeOps.Gateway;
using SpbeOps.Gateway.Health;
using SpbeOps.Gateway.Security;
using SpbeOps.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();

app.UseSecurityHeaders();
app.MapDefaultEndpoints();
app.MapGatewayHealth();
app.UseRateLimiter();
app.MapUnknownApi();
app.MapReverseProxy();

app.Run();
