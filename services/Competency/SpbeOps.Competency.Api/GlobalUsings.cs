// Every SpbeOps.*.Api project already speaks Marten, the records' write path and the service defaults
// (Directory.Build.props); a service adds its own feature namespaces here.
global using SpbeOps.Governance;
global using SpbeOps.Competency.Api;
global using SpbeOps.Competency.Api.Coverage;
global using SpbeOps.Competency.Api.Development;
global using SpbeOps.Competency.Api.Plans;
global using SpbeOps.Competency.Api.Requirements;
global using SpbeOps.Competency.Api.Staff;
