using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SpbeOps.Gateway.Tests.Seed;

/// <summary>
/// The part of the SpbeOps API the demo seed calls, in memory, on a loopback port (the seeder is given a URL, as
/// <c>./spbe up</c> gives it the gateway's): the same routes, answer shapes (a page of assets, lists of governance
/// records and official results, one organisation, an indicator with its self-assessment, 404 for what is not
/// set) and write semantics (POST creates a new record every time; PUT replaces). <see cref="Fail"/> makes chosen
/// requests answer an error first, as a clash or an outage would.
/// </summary>
public sealed partial class FakeSpbeApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly object _lock = new();
    private readonly List<(string Request, int Skip, int Times, int Status, string? Rule, string? RetryAfter)> _faults = [];

    public List<JsonObject> Assets { get; } = [];
    public List<JsonObject> Governance { get; } = [];
    public SortedDictionary<int, JsonObject> Evaluations { get; } = [];
    public SortedDictionary<int, JsonObject> SelfAssessments { get; } = [];
    public JsonObject? Organisation { get; set; }

    /// <summary>Every POST and PUT that reached the API (not refused by a fault), as "METHOD /path".</summary>
    public List<string> Writes { get; } = [];

    private FakeSpbeApi(WebApplication app) => _app = app;

    public string Address => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <summary>The <paramref name="skip"/>+1th to <paramref name="skip"/>+<paramref name="times"/>th request "METHOD /path" answer <paramref name="status"/>.</summary>
    public void Fail(string request, int status, int times = 1, int skip = 0, string? rule = null, string? retryAfter = null)
    {
        lock (_lock) _faults.Add((request, skip, times, status, rule, retryAfter));
    }

    /// <summary>Everything the API holds, as one JSON text: two equal snapshots are the same records with the same content.</summary>
    public string Snapshot()
    {
        lock (_lock)
        {
            return new JsonObject
            {
                ["assets"] = new JsonArray([.. Assets.OrderBy(a => (string?)a["id"]).Select(a => a.DeepClone())]),
                ["governance"] = new JsonArray([.. Governance.OrderBy(g => (string?)g["id"]).Select(g => g.DeepClone())]),
                ["evaluations"] = new JsonArray([.. Evaluations.Values.Select(e => e.DeepClone())]),
                ["selfAssessments"] = new JsonArray([.. SelfAssessments.Values.Select(s => s.DeepClone())]),
                ["organisation"] = Organisation?.DeepClone(),
                ["security"] = new JsonArray([.. Security.OrderBy(r => (string?)r["id"]).Select(r => r.DeepClone())]),
                ["baselineAdopted"] = BaselineAdopted,
                ["data"] = DataSnapshot(),
                ["serviceManagement"] = ServiceManagementSnapshot(),
                ["competency"] = CompetencySnapshot(),
                ["knowledge"] = KnowledgeSnapshot(),
            }.ToJsonString();
        }
    }

    public static async Task<FakeSpbeApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var api = new FakeSpbeApi(app);
        app.Use(api.FaultsFirst);
        api.Map(app);
        await app.StartAsync();
        return api;
    }

    private async Task FaultsFirst(HttpContext http, RequestDelegate next)
    {
        if (string.IsNullOrEmpty(http.Request.Headers.Authorization.ToString()))
        {
            http.Response.StatusCode = 401;
            return;
        }
        var request = $"{http.Request.Method} {http.Request.Path}";
        (int Status, string? Rule, string? RetryAfter)? fault = null;
        lock (_lock)
        {
            var i = _faults.FindIndex(f => f.Request == request);
            if (i >= 0)
            {
                var f = _faults[i];
                if (f.Skip > 0) _faults[i] = f with { Skip = f.Skip - 1 };
                else
                {
                    fault = (f.Status, f.Rule, f.RetryAfter);
                    if (f.Times > 1) _faults[i] = f with { Times = f.Times - 1 };
                    else _faults.RemoveAt(i);
                }
            }
        }
        if (fault is { } answer)
        {
            if (answer.RetryAfter is not null) http.Response.Headers.RetryAfter = answer.RetryAfter;
            await Results.Problem(statusCode: answer.Status, detail: "injected by the test",
                extensions: answer.Rule is null ? null : new Dictionary<string, object?> { ["rule"] = answer.Rule }).ExecuteAsync(http);
            return;
        }
        if (http.Request.Method is "POST" or "PUT") lock (_lock) Writes.Add(request);
        await next(http);
    }

    private static JsonObject Created(JsonObject body, params (string Name, JsonNode? Value)[] set)
    {
        var record = (JsonObject)body.DeepClone();
        record["id"] = Guid.NewGuid().ToString();
        record["version"] = 1;
        foreach (var (name, value) in set) record[name] = value;
        return record;
    }

    /// <summary>A PUT of a record: the request's fields replace the record's (except those only creation reads), version + 1.</summary>
    private static void Revise(JsonObject record, JsonObject body, params string[] createOnly)
    {
        foreach (var (name, value) in body)
            if (!createOnly.Contains(name)) record[name] = value?.DeepClone();
        record["version"] = (int)record["version"]! + 1;
    }

    private static IResult NotFound() => Results.Problem(statusCode: 404, title: "not found");

    private void Map(WebApplication app)
    {
        // Assets: a page per query, registration, update (stage and stageSince are read on registration only).
        app.MapGet("/api/assets", (string? opd, int? page, int? pageSize) =>
        {
            lock (_lock)
            {
                var (number, size) = (page ?? 1, pageSize ?? 50);
                var all = Assets.Where(a => opd is null || (string?)a["opd"] == opd).OrderBy(a => (string?)a["name"], StringComparer.Ordinal).ToList();
                return Results.Ok(new JsonObject
                {
                    ["items"] = new JsonArray([.. all.Skip((number - 1) * size).Take(size).Select(a => a.DeepClone())]),
                    ["page"] = number, ["pageSize"] = size, ["total"] = all.Count,
                });
            }
        });
        app.MapPost("/api/assets", (JsonObject body) =>
        {
            lock (_lock)
            {
                var asset = Created(body, ("stage", body["stage"]?.DeepClone() ?? "perencanaan"),
                    ("stageSince", body["stageSince"]?.DeepClone() ?? DateTime.UtcNow.ToString("yyyy-MM-dd")));
                Assets.Add(asset);
                return Results.Created($"/api/assets/{asset["id"]}", asset.DeepClone());
            }
        });
        app.MapPut("/api/assets/{id}", (string id, JsonObject body) =>
        {
            lock (_lock)
            {
                if (Assets.FirstOrDefault(a => (string?)a["id"] == id) is not { } asset) return NotFound();
                Revise(asset, body, "stage", "stageSince");
                return Results.Ok(asset.DeepClone());
            }
        });

        MapData(app);
        MapServiceManagement(app);
        MapCompetency(app);
        MapKnowledge(app);

        // Governance records of the Assets, Risk, Security, Data, ServiceManagement, Competency and Knowledge services (programmes are seeded, and guidelines).
        foreach (var service in new[] { "assets", "risks", "security", "data", "services", "competency", "knowledge" })
        {
            app.MapGet($"/api/{service}/governance", (int? indicator, string? type) =>
            {
                lock (_lock)
                {
                    return Results.Ok(new JsonArray([.. Governance
                        .Where(g => (string?)g["service"] == service && (indicator is null || (int)g["indicator"]! == indicator)
                            && (type is null || (string?)g["recordType"] == type))
                        .Select(g => g.DeepClone())]));
                }
            });
            foreach (var (route, type) in new[] { ("programmes", "programme"), ("policies", "policy") })
            {
                app.MapPost($"/api/{service}/governance/{route}", (JsonObject body) =>
                {
                    lock (_lock)
                    {
                        var record = Created(body, ("recordType", type), ("service", service));
                        Governance.Add(record);
                        return Results.Created($"/api/{service}/governance/{record["id"]}", record.DeepClone());
                    }
                });
            }
            app.MapPut($"/api/{service}/governance/{{id}}", (string id, JsonObject body) =>
            {
                lock (_lock)
                {
                    if (Governance.FirstOrDefault(g => (string?)g["id"] == id && (string?)g["service"] == service) is not { } record) return NotFound();
                    Revise(record, body);
                    return Results.Ok(record.DeepClone());
                }
            });
        }

        MapSecurity(app);

        // Indicators: official results, self-assessments (read through the indicator), the organisation.
        app.MapGet("/api/maturity/evaluations", () =>
        {
            lock (_lock) return Results.Ok(new JsonArray([.. Evaluations.Values.Select(e => e.DeepClone())]));
        });
        app.MapPut("/api/maturity/evaluations/{year:int}", (int year, JsonObject body) =>
        {
            lock (_lock)
            {
                var evaluation = (JsonObject)body.DeepClone();
                evaluation["id"] = year;
                evaluation["recordedAt"] = DateTimeOffset.UtcNow.ToString("O");
                Evaluations[year] = evaluation;
                return Results.Ok(evaluation.DeepClone());
            }
        });
        app.MapGet("/api/maturity/indicators/{number:int}", (int number) =>
        {
            lock (_lock)
                return Results.Ok(new JsonObject { ["number"] = number, ["selfAssessment"] = SelfAssessments.GetValueOrDefault(number)?.DeepClone() });
        });
        app.MapPut("/api/maturity/self-assessment/{number:int}", (int number, JsonObject body) =>
        {
            lock (_lock)
            {
                var previous = SelfAssessments.GetValueOrDefault(number);
                SelfAssessments[number] = new JsonObject
                {
                    ["level"] = body["level"]?.DeepClone(), ["explanation"] = body["explanation"]?.DeepClone(),
                    // Every assessment is a new level-history entry in the real service.
                    ["changes"] = ((int?)previous?["changes"] ?? 0) + 1,
                };
                return Results.Ok(new JsonObject { ["number"] = number, ["level"] = body["level"]?.DeepClone() });
            }
        });
        app.MapGet("/api/maturity/organisation", () =>
        {
            lock (_lock) return Organisation is null ? NotFound() : Results.Ok(Organisation.DeepClone());
        });
        app.MapPut("/api/maturity/organisation", (JsonObject body) =>
        {
            lock (_lock)
            {
                Organisation = (JsonObject)body.DeepClone();
                Organisation["unlistedOpd"] = new JsonArray();
                return Results.Ok(Organisation.DeepClone());
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
