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

/// <summary>The words of the service's closed lists (Indonesian, as users write them).</summary>
public static class SecurityVocabulary
{
    public static readonly string[] Severities = Findings.Severities;

    public static readonly string[] Properties = ["kerahasiaan", "keutuhan", "ketersediaan", "keaslian", "kenirsangkalan"];
}
