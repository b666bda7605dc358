using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SpbeOps.Gateway.Tests.Seed;

/// <summary>
/// The Security service's part of the fake: the baseline, control implementations, incidents, assessments, audits
/// (and the Assets service's audits), the scope and the work programme.
/// </summary>
public sealed partial class FakeSpbeApi
{
    /// <summary>The Security service's records, each with its <c>record</c> type: implementation, incident, audit, assessment, scope, programme.</summary>
    public List<JsonObject> Security { get; } = [];
    public bool BaselineAdopted { get; set; }

    /// <summary>
    /// The Security service's seeded routes: the baseline (adopted or not), control implementations, incidents and
    /// assessments (pages per OPD), an incident's timeline and steps, audits with their stages, findings of audits and
    /// assessments, the scope and the work programme (lists); the Assets service's audits (29, 30) like the Security ones.
    /// </summary>
    private void MapSecurity(WebApplication app)
    {
        app.MapGet("/api/security/controls/baseline", () =>
        {
            lock (_lock) return Results.Ok(new JsonArray(new JsonObject { ["code"] = "KDI-01", ["adopted"] = BaselineAdopted }));
        });
        app.MapPut("/api/security/controls/baseline", () =>
        {
            lock (_lock)
            {
                var added = new JsonArray(BaselineAdopted ? [] : [JsonValue.Create("KDI-01")]);
                BaselineAdopted = true;
                return Results.Ok(new JsonObject { ["added"] = added, ["existing"] = new JsonArray() });
            }
        });

        foreach (var (kind, route, createOnly) in new[]
        {
            ("implementation", "/api/security/implementations", Array.Empty<string>()),
            ("incident", "/api/security/incidents", ["detectedAt", "reportedAt"]),
            ("audit", "/api/security/audits", Array.Empty<string>()),
            ("assessment", "/api/security/assessments", Array.Empty<string>()),
            ("scope", "/api/security/scope", Array.Empty<string>()),
            ("programme", "/api/security/programme", Array.Empty<string>()),
            ("assets-audit", "/api/assets/audits", Array.Empty<string>()),
        })
        {
            app.MapGet(route, (string? opd, int? indicator, int? page, int? pageSize) =>
            {
                lock (_lock)
                {
                    var all = Security.Where(r => (string?)r["record"] == kind && (opd is null || (string?)r["opd"] == opd)).ToList();
                    if (kind is "audit" or "assets-audit" or "scope" or "programme")
                        return Results.Ok(new JsonArray([.. all.Where(r => indicator is null || (int?)r["indicator"] == indicator).Select(r => r.DeepClone())]));
                    var (number, size) = (page ?? 1, pageSize ?? 100);
                    return Results.Ok(new JsonObject
                    {
                        ["items"] = new JsonArray([.. all.Skip((number - 1) * size).Take(size).Select(r => r.DeepClone())]),
                        ["page"] = number, ["pageSize"] = size, ["total"] = all.Count,
                    });
                }
            });
            app.MapPost(route, (JsonObject body) =>
            {
                lock (_lock)
                {
                    var record = Created(body, ("record", kind));
                    if (kind == "incident") record["timeline"] = new JsonArray(new JsonObject { ["status"] = "dilaporkan", ["note"] = "Insiden dilaporkan / Incident reported" });
                    if (kind == "assessment") record["findings"] = new JsonArray();
                    if (kind is "audit" or "assets-audit")
                    {
                        record["stages"] = new JsonArray(new JsonObject { ["stage"] = "perencanaan", ["on"] = body["plannedStart"]?.DeepClone() });
                        record["findings"] = new JsonArray();
                    }
                    Security.Add(record);
                    return Results.Created($"{route}/{record["id"]}", record.DeepClone());
                }
            });
            app.MapPut($"{route}/{{id}}", (string id, JsonObject body) =>
            {
                lock (_lock)
                {
                    if (Security.FirstOrDefault(r => (string?)r["id"] == id && (string?)r["record"] == kind) is not { } record) return NotFound();
                    Revise(record, body, createOnly);
                    return Results.Ok(record.DeepClone());
                }
            });
        }

        // The parts of an incident or an audit: read as a list, added to by a step (a new version of the record).
        foreach (var (kind, part, read, add) in new[]
        {
            ("incident", "timeline", "timeline", "steps"),
            ("audit", "stages", "stages", "stage"),
            ("audit", "findings", "findings", "findings"),
            ("assessment", "findings", "findings", "findings"),
        })
        {
            var route = $"/api/security/{kind}s";
            app.MapGet($"{route}/{{id}}/{read}", (string id) =>
            {
                lock (_lock)
                    return Security.FirstOrDefault(r => (string?)r["id"] == id) is { } record ? Results.Ok(record[part]!.DeepClone()) : NotFound();
            });
            app.MapPost($"{route}/{{id}}/{add}", (string id, JsonObject body) =>
            {
                lock (_lock)
                {
                    if (Security.FirstOrDefault(r => (string?)r["id"] == id && (string?)r["record"] == kind) is not { } record) return NotFound();
                    var entry = (JsonObject)body.DeepClone();
                    if (part == "findings") entry["id"] = Guid.NewGuid().ToString();
                    record[part]!.AsArray().Add(entry);
                    record["version"] = (int)record["version"]! + 1;
                    return Results.Ok(record.DeepClone());
                }
            });
        }
        app.MapPut("/api/security/{kinds}/{id}/findings/{findingId}", (string id, string findingId, JsonObject body) =>
        {
            lock (_lock)
            {
                var finding = Security.FirstOrDefault(r => (string?)r["id"] == id)?["findings"]?.AsArray().OfType<JsonObject>()
                    .FirstOrDefault(f => (string?)f["id"] == findingId);
                if (finding is null) return NotFound();
                foreach (var (name, value) in body) finding[name] = value?.DeepClone();
                return Results.Ok(finding.DeepClone());
            }
        });
    }
}
