using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SpbeOps.Gateway.Tests.Seed;

/// <summary>
/// The Competency service's part of the fake: HR plans (a list per OPD and year), staff (a page per OPD) and
/// certifications (a list per OPD; a certification takes its staff member's OPD, as the real service does).
/// </summary>
public sealed partial class FakeSpbeApi
{
    public List<JsonObject> HrPlans { get; } = [];
    public List<JsonObject> Staff { get; } = [];
    public List<JsonObject> Certifications { get; } = [];

    private JsonObject CompetencySnapshot() => new()
    {
        ["plans"] = new JsonArray([.. HrPlans.OrderBy(p => (string?)p["id"]).Select(p => p.DeepClone())]),
        ["staff"] = new JsonArray([.. Staff.OrderBy(s => (string?)s["id"]).Select(s => s.DeepClone())]),
        ["certifications"] = new JsonArray([.. Certifications.OrderBy(c => (string?)c["id"]).Select(c => c.DeepClone())]),
    };

    private void MapCompetency(WebApplication app)
    {
        app.MapGet("/api/competency/plans", (string? opd, int? year) =>
        {
            lock (_lock)
            {
                return Results.Ok(new JsonArray([.. HrPlans
                    .Where(p => (opd is null || (string?)p["opd"] == opd) && (year is null || p["year"]?.ToString() == year.ToString()))
                    .Select(p => p.DeepClone())]));
            }
        });
        app.MapPost("/api/competency/plans", (JsonObject body) =>
        {
            lock (_lock)
            {
                var plan = Created(body);
                HrPlans.Add(plan);
                return Results.Created($"/api/competency/plans/{plan["id"]}", plan.DeepClone());
            }
        });
        app.MapGet("/api/competency/staff", (string? opd) =>
        {
            lock (_lock)
            {
                var items = Staff.Where(s => opd is null || (string?)s["opd"] == opd).Select(s => s.DeepClone()).ToArray();
                return Results.Ok(new JsonObject { ["items"] = new JsonArray(items), ["page"] = 1, ["pageSize"] = 200, ["total"] = items.Length });
            }
        });
        app.MapGet("/api/competency/certifications", (string? opd) =>
        {
            lock (_lock) return Results.Ok(new JsonArray([.. Certifications.Where(c => opd is null || (string?)c["opd"] == opd).Select(c => c.DeepClone())]));
        });
        foreach (var (route, records) in new[] { ("staff", Staff), ("certifications", Certifications) })
        {
            app.MapPost($"/api/competency/{route}", (JsonObject body) =>
            {
                lock (_lock)
                {
                    var record = route == "certifications"
                        ? Created(body, ("opd", Staff.FirstOrDefault(s => (string?)s["id"] == (string?)body["staffId"])?["opd"]?.DeepClone()))
                        : Created(body);
                    records.Add(record);
                    return Results.Created($"/api/competency/{route}/{record["id"]}", record.DeepClone());
                }
            });
            app.MapPut($"/api/competency/{route}/{{id}}", (string id, JsonObject body) =>
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
