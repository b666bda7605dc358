using SpbeOps.Assets.Api.Assets;
using SpbeOps.Assets.Api.Extensions;
using SpbeOps.Governance;
using SpbeOps.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapAssetsApi();
app.MapGovernanceApi(AssetsGovernance.Options);

app.Run();
