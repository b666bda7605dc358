using SpbeOps.Assets.Api.Extensions;
var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapAssetsApi();
app.MapGovernanceApi(AssetsGovernance.Options);
app.MapAuditsApi(AssetsAudits.Options);

app.Run();
