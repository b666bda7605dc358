using SpbeOps.Knowledge.Api.Extensions;
// The Knowledge service: the knowledge base of SPBE knowledge management (Peraturan BRIN 2/2024), feature by
// feature. What it stores and publishes is registered in Extensions/Extensions.cs; each feature maps its routes below.
var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapArticlesApi();                               // Articles/: articles, their flow and versions, safe Markdown, search
app.MapTransfersApi();                              // Transfers/: knowledge-transfer sessions (alih pengetahuan)
app.MapKmProcessApi();                              // Process/: the KM process steps each OPD performs
app.MapGovernanceApi(KnowledgeGovernance.Options);  // governance records of indicator 26

app.Run();
