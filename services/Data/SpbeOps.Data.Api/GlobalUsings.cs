global using SpbeOps.Governance;
global using SpbeOps.Data.Api;
global using SpbeOps.Data.Api.Ckan;
global using SpbeOps.Data.Api.Datasets;
global using SpbeOps.Data.Api.Priorities;
global using SpbeOps.Data.Api.References;
