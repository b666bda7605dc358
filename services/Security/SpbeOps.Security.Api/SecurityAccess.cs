using Microsoft.AspNetCore.Authorization;

namespace SpbeOps.Security.Api;

/// <summary>
/// Who may use the Security service at all. Incident reports and control gaps are sensitive: the walidata (Satu Data
/// role) has no business here and gets 403 on every route; every other member role reads within its scope, and the
/// records say who writes (security-officer and Diskominfo every OPD's, an OPD operator its own OPD's, the auditor
/// nothing).
/// </summary>
public static class SecurityAccess
{
    public const string Policy = "security-member";

    public static readonly string[] Roles = [SpbeRoles.DiskominfoAdmin, SpbeRoles.SecurityOfficer, SpbeRoles.OpdOperator, SpbeRoles.Auditor];

    public static IHostApplicationBuilder AddSecurityAccess(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.RequireAuthenticatedUser().RequireRole(Roles));
        // The security officer keeps every OPD's security records (docs/architecture.md, roles).
        builder.AddSpecialistWriters(SpbeRoles.SecurityOfficer);
        return builder;
    }

    /// <summary>A feature's route group: the shared record group (members, ETag) closed to roles without a say in security.</summary>
    public static RouteGroupBuilder MapSecurityGroup(this IEndpointRouteBuilder app, string prefix, string tag) =>
        app.MapRecordGroup(prefix, tag).RequireAuthorization(Policy);
}

/// <summary>
/// A record of the whole instansi (the control catalogue, an audit, the work programme): every role of the service
/// reads it, Diskominfo and the security officer write it.
/// </summary>
public interface IInstansiRecord : IRecord
{
    bool IRecord.ReadableBy(Caller caller) => true;

    bool IRecord.WritableBy(Caller caller) => caller.WritesEveryOpd;
}

/// <summary>A finding of an audit or a vulnerability assessment and how far its remediation got.</summary>
public sealed record Finding(
    Guid Id,
    string Title,
    string Severity,
    string? Recommendation,
    DateOnly? DueDate,
    string Status,
    string? FollowUp,
    DateOnly? ClosedOn)
{
    public bool Open => Status != SecurityVocabulary.FindingDone;

    public bool Late(DateOnly today) => Open && DueDate < today;
}

/// <summary>Create or revise a finding.</summary>
public sealed record FindingRequest(string? Title, string? Severity, string? Recommendation = null, DateOnly? DueDate = null,
    string? Status = null, string? FollowUp = null, DateOnly? ClosedOn = null);

/// <summary>The words of the service's closed lists (Indonesian, as users write them).</summary>
public static class SecurityVocabulary
{
    public static readonly string[] Severities = ["rendah", "sedang", "tinggi", "kritis"];

    public static readonly string[] Properties = ["kerahasiaan", "keutuhan", "ketersediaan", "keaslian", "kenirsangkalan"];

    public const string FindingOpen = "terbuka";
    public const string FindingInProgress = "ditindaklanjuti";
    public const string FindingDone = "selesai";
    public static readonly string[] FindingStatuses = [FindingOpen, FindingInProgress, FindingDone];

    /// <summary>Adds a finding to <paramref name="findings"/> (a new list), or the field errors.</summary>
    public static (List<Finding>? Findings, FieldErrors Errors) AddFinding(IReadOnlyList<Finding> findings, FindingRequest r, Guid id, DateOnly today)
    {
        var (finding, errors) = Finding(r, null, id, today);
        return (finding is null ? null : [.. findings, finding], errors);
    }

    /// <summary>Replaces finding <paramref name="id"/> (a new list), or the field errors; null when there is no such finding.</summary>
    public static (List<Finding>? Findings, FieldErrors Errors)? ReviseFinding(IReadOnlyList<Finding> findings, Guid id, FindingRequest r, DateOnly today)
    {
        if (findings.FirstOrDefault(f => f.Id == id) is not { } existing) return null;
        var (finding, errors) = Finding(r, existing, id, today);
        return (finding is null ? null : [.. findings.Select(f => f.Id == id ? finding : f)], errors);
    }

    /// <summary>Validates a finding and returns it (new id when <paramref name="existing"/> is null), or the field errors.</summary>
    public static (Finding? Finding, FieldErrors Errors) Finding(FindingRequest r, Finding? existing, Guid id, DateOnly today, string prefix = "")
    {
        var errors = new FieldErrors()
            .Required($"{prefix}title", r.Title, 500)
            .OneOf($"{prefix}severity", r.Severity, Severities)
            .MaxLength($"{prefix}recommendation", r.Recommendation, 4000)
            .PlannedDate($"{prefix}dueDate", r.DueDate, today)
            .OneOf($"{prefix}status", r.Status, FindingStatuses, required: false)
            .MaxLength($"{prefix}followUp", r.FollowUp, 4000)
            .PastDate($"{prefix}closedOn", r.ClosedOn, today);
        var status = r.Status ?? existing?.Status ?? FindingOpen;
        errors.When(status == FindingDone && string.IsNullOrWhiteSpace(r.FollowUp ?? existing?.FollowUp), $"{prefix}followUp",
            "wajib diisi untuk temuan yang selesai / is required for a finding that is done");
        if (errors.Any) return (null, errors);
        return (new Finding(existing?.Id ?? id, r.Title!.Trim(), r.Severity!, r.Recommendation, r.DueDate, status, r.FollowUp ?? existing?.FollowUp,
            status == FindingDone ? r.ClosedOn ?? existing?.ClosedOn ?? today : null), errors);
    }
}
