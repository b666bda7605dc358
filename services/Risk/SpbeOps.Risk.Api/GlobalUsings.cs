global using SpbeOps.Governance;
global using SpbeOps.Risk.Api.Approval;
global using SpbeOps.Risk.Api.Assets;
global using SpbeOps.Risk.Api.Contexts;
global using SpbeOps.Risk.Api.Monitoring;
global using SpbeOps.Risk.Api.Risks;
