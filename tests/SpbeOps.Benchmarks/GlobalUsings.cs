global using BenchmarkDotNet.Attributes;
global using SpbeOps.Indicators.Api.Facts;
global using SpbeOps.Indicators.Api.Maturity;
global using SpbeOps.Indicators.Api.Organisation;
global using SpbeOps.Indicators.Rubric;
