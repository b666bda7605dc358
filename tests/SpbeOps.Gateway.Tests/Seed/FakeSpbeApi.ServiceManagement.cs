using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SpbeOps.Gateway.Tests.Seed;

/// <summary>
/// The ServiceManagement service's part of the fake: services (a list per OPD, <c>?operated=</c>, operational
/// records), tickets and changes (a page per OPD, <c>?reached=</c> a step of the flow, each step moving the status as
/// the real service does).
/// </summary>
public sealed partial class FakeSpbeApi
{
    private static readonly string[] TicketFlow = ["baru", "ditugaskan", "dikerjakan", "menunggu-pengguna", "selesai", "ditutup"];
    private static readonly string[] ChangeFlow = ["diajukan", "dinilai", "disetujui", "dijadwalkan", "diimplementasikan", "direviu", "ditutup"];

    public List<JsonObject> CatalogueServices { get; } = [];
    public List<JsonObject> Tickets { get; } = [];
    public List<JsonObject> Changes { get; } = [];

    private JsonObject ServiceManagementSnapshot() => new()
    {
        ["services"] = new JsonArray([.. CatalogueServices.OrderBy(s => (string?)s["id"]).Select(s => s.DeepClone())]),
        ["tickets"] = new JsonArray([.. Tickets.OrderBy(t => (string?)t["id"]).Select(t => t.DeepClone())]),
        ["changes"] = new JsonArray([.. Changes.OrderBy(c => (string?)c["id"]).Select(c => c.DeepClone())]),
    };

    private void MapServiceManagement(WebApplication app)
    {
        app.MapGet("/api/services", (string? opd, bool? operated) =>
        {
            lock (_lock)
            {
                return Results.Ok(new JsonArray([.. CatalogueServices
                    .Where(s => (opd is null || (string?)s["opd"] == opd) && (operated is null || ((int)s["operationCount"]! > 0) == operated))
                    .Select(s => s.DeepClone())]));
            }
        });
        app.MapPost("/api/services", (JsonObject body) =>
        {
            lock (_lock)
            {
                var service = Created(body, ("operationCount", 0));
                CatalogueServices.Add(service);
                return Results.Created($"/api/services/{service["id"]}", service.DeepClone());
            }
        });
        app.MapPost("/api/services/{id}/operations", (string id, JsonObject body) => Step(CatalogueServices, id, s =>
        {
            s["operationCount"] = (int)s["operationCount"]! + 1;
            s["lastOperation"] = body.DeepClone();
        }));

        foreach (var (route, records, flow, initial) in new[] { ("tickets", Tickets, TicketFlow, "baru"), ("changes", Changes, ChangeFlow, "diajukan") })
        {
            app.MapGet($"/api/{route}", (string? opd, string? reached) =>
            {
                lock (_lock)
                {
                    var past = reached is null ? flow : flow.SkipWhile(s => s != reached).ToArray();
                    var items = records.Where(r => (opd is null || (string?)r["opd"] == opd) && past.Contains((string?)r["status"])).Select(r => r.DeepClone()).ToArray();
                    return Results.Ok(new JsonObject { ["items"] = new JsonArray(items), ["page"] = 1, ["pageSize"] = 50, ["total"] = items.Length });
                }
            });
            app.MapPost($"/api/{route}", (JsonObject body) =>
            {
                lock (_lock)
                {
                    var record = Created(body, ("status", body["type"]?.ToString() == "standar" ? "disetujui" : initial));
                    records.Add(record);
                    return Results.Created($"/api/{route}/{record["id"]}", record.DeepClone());
                }
            });
        }
        // Each step leaves what the real service leaves: the assignment, and the started/resolved/closed step with its status.
        app.MapPost("/api/tickets/{id}/assignment", (string id, JsonObject body) => Step(Tickets, id, t =>
        {
            t["status"] = "ditugaskan";
            t["assignment"] = body.DeepClone();
        }));
        app.MapPost("/api/tickets/{id}/status", (string id, JsonObject body) => Step(Tickets, id, t =>
        {
            t["status"] = body["status"]?.DeepClone();
            var field = (string?)body["status"] switch { "dikerjakan" => "started", "selesai" => "resolved", "ditutup" => "closed", _ => null };
            if (field is not null) t[field] = body.DeepClone();
        }));
        foreach (var (step, status, field) in new[]
        {
            ("assessment", "dinilai", "assessment"), ("votes", "disetujui", "lastVote"), ("schedule", "dijadwalkan", null),
            ("implementation", "diimplementasikan", "implementation"), ("review", "direviu", "review"),
        })
        {
            app.MapPost($"/api/changes/{{id}}/{step}", (string id, JsonObject body) => Step(Changes, id, c =>
            {
                c["status"] = status;
                if (field is null) foreach (var (name, value) in body) c[name] = value?.DeepClone();
                else c[field] = body.DeepClone();
            }));
        }
    }

    private IResult Step(List<JsonObject> records, string id, Action<JsonObject> change)
    {
        lock (_lock)
        {
            if (records.FirstOrDefault(r => (string?)r["id"] == id) is not { } record) return NotFound();
            change(record);
            record["version"] = (int)record["version"]! + 1;
            return Results.Ok(record.DeepClone());
        }
    }
}
