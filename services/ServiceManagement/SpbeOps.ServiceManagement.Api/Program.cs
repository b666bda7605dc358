using SpbeOps.ServiceManagement.Api.Extensions;
// The ServiceManagement service: the service catalogue, the service desk with SLA clocks, and change management
// (indicators 27 and 28). What it stores and publishes is registered in Extensions/Extensions.cs; each feature
// folder maps its routes below.
var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapSettingsApi();                                       // Sla/: calendar with holidays, priority matrix, default targets
app.MapServicesApi();                                       // Catalogue/: layanan SPBE, SLA targets, operational records
app.MapTicketsApi();                                        // Tickets/: the service desk, SLA clocks, SLA report, XLSX
app.MapChangesApi();                                        // Changes/: change requests, CAB, schedule, PIR, XLSX
app.MapGovernanceApi(ServiceManagementGovernance.Options);  // governance records of indicators 27 and 28

app.Run();
