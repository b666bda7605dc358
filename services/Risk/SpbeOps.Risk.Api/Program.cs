using SpbeOps.Governance;
using SpbeOps.Risk.Api;
using SpbeOps.Risk.Api.Contexts;
using SpbeOps.Risk.Api.Extensions;
using SpbeOps.Risk.Api.Monitoring;
using SpbeOps.Risk.Api.Risks;
using SpbeOps.Risk.Api.Workbooks;
using SpbeOps.ServiceDefaults;

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
