// Every SpbeOps.*.Api project already speaks Marten, the records' write path and the service defaults
// (Directory.Build.props); a service adds its own feature namespaces here.
global using SpbeOps.Governance;
global using SpbeOps.Security.Api.Assessments;
global using SpbeOps.Audits;
global using SpbeOps.Security.Api.Controls;
global using SpbeOps.Security.Api.Implementations;
global using SpbeOps.Security.Api.Incidents;
global using SpbeOps.Security.Api.Known;
global using SpbeOps.Security.Api.Programme;
global using SpbeOps.Security.Api.Scope;
