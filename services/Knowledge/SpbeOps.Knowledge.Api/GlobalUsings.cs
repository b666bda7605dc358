// Every SpbeOps.*.Api project already speaks Marten, the records' write path and the service defaults
// (Directory.Build.props); a service adds its own feature namespaces here.
global using SpbeOps.Knowledge.Api.Examples;
