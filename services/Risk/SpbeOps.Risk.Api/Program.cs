using SpbeOps.Risk.Api;
using SpbeOps.Risk.Api.Extensions;
using SpbeOps.Risk.Api.Workbooks;
var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapContextsApi();
app.MapRisksApi();
app.MapMonitoringApi();
app.MapWorkbooksApi();
app.MapGovernanceApi(RiskGovernance.Options);

app.Run();
