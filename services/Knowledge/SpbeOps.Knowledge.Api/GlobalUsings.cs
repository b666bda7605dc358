global using SpbeOps.Governance;
global using SpbeOps.Knowledge.Api;
global using SpbeOps.Knowledge.Api.Articles;
global using SpbeOps.Knowledge.Api.Lessons;
global using SpbeOps.Knowledge.Api.Process;
global using SpbeOps.Knowledge.Api.Transfers;
