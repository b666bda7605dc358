using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SpbeOps.Gateway.Tests.Seed;

/// <summary>
/// The Knowledge service's part of the fake: articles (a page per OPD, drafting, and the flow's steps, each leaving
/// what the real service leaves on the article: submission, publication) and knowledge-transfer sessions (a list).
/// </summary>
public sealed partial class FakeSpbeApi
{
    public List<JsonObject> Articles { get; } = [];
    public List<JsonObject> Transfers { get; } = [];

    private JsonObject KnowledgeSnapshot() => new()
    {
        ["articles"] = new JsonArray([.. Articles.OrderBy(a => (string?)a["id"]).Select(a => a.DeepClone())]),
        ["transfers"] = new JsonArray([.. Transfers.OrderBy(t => (string?)t["id"]).Select(t => t.DeepClone())]),
    };

    private void MapKnowledge(WebApplication app)
    {
        app.MapGet("/api/knowledge/articles", (string? opd) =>
        {
            lock (_lock)
            {
                var items = Articles.Where(a => opd is null || (string?)a["opd"] == opd).Select(a => a.DeepClone()).ToArray();
                return Results.Ok(new JsonObject { ["items"] = new JsonArray(items), ["page"] = 1, ["pageSize"] = 200, ["total"] = items.Length });
            }
        });
        app.MapGet("/api/knowledge/articles/{id}", (string id) =>
        {
            lock (_lock) return Articles.FirstOrDefault(a => (string?)a["id"] == id) is { } a ? Results.Ok(a.DeepClone()) : NotFound();
        });
        app.MapPost("/api/knowledge/articles", (JsonObject body) =>
        {
            lock (_lock)
            {
                var article = Created(body, ("status", "draft"));
                Articles.Add(article);
                return Results.Created($"/api/knowledge/articles/{article["id"]}", article.DeepClone());
            }
        });
        foreach (var (step, status) in new[] { ("submission", "reviu"), ("publication", "terbit") })
        {
            app.MapPost($"/api/knowledge/articles/{{id}}/{step}", (string id, JsonObject body) =>
            {
                lock (_lock)
                {
                    if (Articles.FirstOrDefault(a => (string?)a["id"] == id) is not { } article) return NotFound();
                    article[step] = body.DeepClone();
                    article["status"] = status;
                    article["version"] = (int)article["version"]! + 1;
                    return Results.Ok(article.DeepClone());
                }
            });
        }
        app.MapGet("/api/knowledge/transfers", (string? opd) =>
        {
            lock (_lock) return Results.Ok(new JsonArray([.. Transfers.Where(t => opd is null || (string?)t["opd"] == opd).Select(t => t.DeepClone())]));
        });
        app.MapPost("/api/knowledge/transfers", (JsonObject body) =>
        {
            lock (_lock)
            {
                var transfer = Created(body);
                Transfers.Add(transfer);
                return Results.Created($"/api/knowledge/transfers/{transfer["id"]}", transfer.DeepClone());
            }
        });
    }
}
