using SpbeOps.Data.Api.Extensions;
// The Data service: the walidata's catalogue of Satu Data Indonesia (Perpres 39/2019), feature by feature. What it
// stores and publishes is registered in Extensions/Extensions.cs; each feature folder maps its routes below.
var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapDatasetsApi();                          // Datasets/: the catalogue, its flow, releases, quality, XLSX
app.MapReferencesApi();                        // References/: kode referensi and data induk
app.MapPrioritiesApi();                        // Priorities/: the year's data prioritas and rencana aksi
app.MapGovernanceApi(DataGovernance.Options);  // governance records of indicator 23
app.MapCkanApi();                              // Ckan/: the public CKAN Action API subset (no token)
app.MapDcatCatalog();                          // Ckan/: the public DCAT-AP catalogue (JSON-LD)

app.Run();
