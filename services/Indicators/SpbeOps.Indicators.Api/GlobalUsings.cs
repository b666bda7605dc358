global using SpbeOps.Indicators.Rubric;
global using SpbeOps.Indicators.Api.Facts;
global using SpbeOps.Indicators.Api.Maturity;
