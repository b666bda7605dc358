using SpbeOps.Indicators.Api.Evaluations;
using SpbeOps.Indicators.Api.Extensions;
using SpbeOps.Indicators.Api.Live;
using SpbeOps.Indicators.Api.Organisation;
var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapMaturityApi();
app.MapDashboardViewsApi();
app.MapOrganisationApi();
app.MapEvaluationsApi();
app.MapMaturityStream();

app.Run();
