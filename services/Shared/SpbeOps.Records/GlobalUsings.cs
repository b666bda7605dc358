global using Marten;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Http.HttpResults;
global using SpbeOps.ServiceDefaults.Auth;
global using SpbeOps.ServiceDefaults.Problems;
global using System.Text.Json;
