using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SpbeOps.Gateway.Tests.Seed;

/// <summary>
/// The Data service's part of the fake: datasets (a page per OPD, drafting, and the flow's steps, each leaving what the
/// real service leaves on the dataset: submission, check, publication, lastRelease), the reference lists and the data
/// prioritas (lists, POST creates, PUT replaces).
/// </summary>
public sealed partial class FakeSpbeApi
{
    public List<JsonObject> Datasets { get; } = [];
    public List<JsonObject> References { get; } = [];
    public List<JsonObject> Priorities { get; } = [];

    private JsonObject DataSnapshot() => new()
    {
        ["datasets"] = new JsonArray([.. Datasets.OrderBy(d => (string?)d["id"]).Select(d => d.DeepClone())]),
        ["references"] = new JsonArray([.. References.OrderBy(r => (string?)r["id"]).Select(r => r.DeepClone())]),
        ["priorities"] = new JsonArray([.. Priorities.OrderBy(p => (string?)p["id"]).Select(p => p.DeepClone())]),
    };

    private void MapData(WebApplication app)
    {
        app.MapGet("/api/data/datasets", (string? opd) =>
        {
            lock (_lock)
            {
                var items = Datasets.Where(d => opd is null || (string?)d["opd"] == opd).Select(d => d.DeepClone()).ToArray();
                return Results.Ok(new JsonObject { ["items"] = new JsonArray(items), ["page"] = 1, ["pageSize"] = 200, ["total"] = items.Length });
            }
        });
        app.MapGet("/api/data/datasets/{id}", (string id) =>
        {
            lock (_lock) return Datasets.FirstOrDefault(d => (string?)d["id"] == id) is { } d ? Results.Ok(d.DeepClone()) : NotFound();
        });
        app.MapPost("/api/data/datasets", (JsonObject body) =>
        {
            lock (_lock)
            {
                var dataset = Created(body, ("status", "draft"));
                Datasets.Add(dataset);
                return Results.Created($"/api/data/datasets/{dataset["id"]}", dataset.DeepClone());
            }
        });
        foreach (var (step, field, status) in new[]
        {
            ("submission", "submission", "diajukan"), ("verification", "check", "diverifikasi"),
            ("publication", "publication", "dipublikasikan"), ("releases", "lastRelease", null),
        })
        {
            app.MapPost($"/api/data/datasets/{{id}}/{step}", (string id, JsonObject body) =>
            {
                lock (_lock)
                {
                    if (Datasets.FirstOrDefault(d => (string?)d["id"] == id) is not { } dataset) return NotFound();
                    dataset[field] = body.DeepClone();
                    if (status is not null) dataset["status"] = status;
                    dataset["version"] = (int)dataset["version"]! + 1;
                    return Results.Ok(dataset.DeepClone());
                }
            });
        }

        foreach (var (route, records) in new[] { ("references", References), ("priorities", Priorities) })
        {
            app.MapGet($"/api/data/{route}", (string? kind) =>
            {
                lock (_lock) return Results.Ok(new JsonArray([.. records.Where(r => kind is null || (string?)r["kind"] == kind).Select(r => r.DeepClone())]));
            });
            app.MapPost($"/api/data/{route}", (JsonObject body) =>
            {
                lock (_lock)
                {
                    var record = Created(body);
                    records.Add(record);
                    return Results.Created($"/api/data/{route}/{record["id"]}", record.DeepClone());
                }
            });
            app.MapPut($"/api/data/{route}/{{id}}", (string id, JsonObject body) =>
            {
                lock (_lock)
                {
                    if (records.FirstOrDefault(r => (string?)r["id"] == id) is not { } record) return NotFound();
                    Revise(record, body);
                    return Results.Ok(record.DeepClone());
                }
            });
        }
    }
}
