using SpbeOps.Knowledge.Api.Extensions;
// The Knowledge service, feature by feature (docs/architecture.md, "Adding a service"). What it stores and publishes is
// registered in Extensions/Extensions.cs; each feature folder maps its routes below.
var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
// EXAMPLE: the one record feature the template lays down (Examples/). Replace it with the service's own features.
app.MapExamplesApi();

app.Run();
