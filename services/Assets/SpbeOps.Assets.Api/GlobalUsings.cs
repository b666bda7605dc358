global using SpbeOps.Audits;
global using SpbeOps.Governance;
global using SpbeOps.Assets.Api.Assets;
