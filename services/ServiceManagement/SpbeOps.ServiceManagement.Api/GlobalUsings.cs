// Every SpbeOps.*.Api project already speaks Marten, the records' write path and the service defaults
// (Directory.Build.props); a service adds its own feature namespaces here.
global using SpbeOps.Governance;
global using SpbeOps.ServiceManagement.Api;
global using SpbeOps.ServiceManagement.Api.Assets;
global using SpbeOps.ServiceManagement.Api.Catalogue;
global using SpbeOps.ServiceManagement.Api.Changes;
global using SpbeOps.ServiceManagement.Api.Knowledge;
global using SpbeOps.ServiceManagement.Api.Risks;
global using SpbeOps.ServiceManagement.Api.Sla;
global using SpbeOps.ServiceManagement.Api.Tickets;
