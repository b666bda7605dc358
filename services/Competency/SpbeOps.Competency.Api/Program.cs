using SpbeOps.Competency.Api.Extensions;
// The Competency service: SPBE staff competency (PermenPANRB 59/2020 indicator 25), feature by feature. What it stores
// and publishes is registered in Extensions/Extensions.cs; each feature folder maps its routes below.
var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapStaffApi();                                   // Staff/: SPBE staff per OPD (personal data), XLSX import
app.MapRequirementsApi();                            // Requirements/: competency required per jabatan
app.MapHrPlansApi();                                 // Plans/: perencanaan SDM SPBE per OPD and year
app.MapDevelopmentApi();                             // Development/: certifications (XLSX import), trainings, assessments
app.MapCoverageApi();                                // Coverage/: coverage of the six areas, gap matrix (XLSX), expiring
app.MapGovernanceApi(CompetencyGovernance.Options);  // governance records of indicator 25

app.Run();
