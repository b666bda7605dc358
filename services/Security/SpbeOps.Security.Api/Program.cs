using SpbeOps.Security.Api;
using SpbeOps.Security.Api.Extensions;
using SpbeOps.Security.Api.Workbooks;
// The Security service (Peraturan BSSN 4/2021 and 8/2024; indicators 22 and 31), feature by feature. What it stores
// and learns is registered in Extensions/Extensions.cs; who may use it in SecurityAccess.cs.
var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapYearRecordsApi();
app.MapControlsApi();
app.MapImplementationsApi();
app.MapIncidentsApi();
app.MapAssessmentsApi();
app.MapAuditsApi(SecurityAudits.Options).RequireAuthorization(SecurityAccess.Policy);
app.MapWorkbooksApi();
app.MapGovernanceApi(SecurityGovernance.Options).RequireAuthorization(SecurityAccess.Policy);

app.Run();
