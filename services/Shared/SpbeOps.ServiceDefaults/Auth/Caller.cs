using System.Security.Claims;

namespace SpbeOps.ServiceDefaults.Auth;

/// <summary>
/// Who is calling and what they may touch: the tenant (instansi) and, for an OPD operator, the one perangkat
/// daerah whose data they own. Every endpoint asks this object rather than reading claims itself; it is bound once
/// per request (a scoped service, see <see cref="AuthenticationExtensions.AddSpbeAuthentication"/>).
/// </summary>
/// <param name="specialistWriters">the roles this service lets write every OPD's records besides Diskominfo
/// (e.g. <c>security-officer</c> in the Security service), see <see cref="CallerOptions"/></param>
public sealed class Caller(ClaimsPrincipal user, IReadOnlyCollection<string>? specialistWriters = null)
{
    public string Instansi { get; } = user.FindFirstValue(SpbeClaims.Instansi)
        ?? throw new InvalidOperationException("The member policy guarantees an instansi claim.");

    public string? Opd { get; } = user.FindFirstValue(SpbeClaims.Opd);

    public string Actor { get; } = user.FindFirstValue(SpbeClaims.Name) ?? user.FindFirstValue(SpbeClaims.Subject) ?? "unknown";

    /// <summary>The account (token <c>sub</c>), for rules that name accounts.</summary>
    public string Subject { get; } = user.FindFirstValue(SpbeClaims.Subject) ?? user.FindFirstValue(SpbeClaims.Name) ?? "unknown";

    public bool IsAdmin => user.IsInRole(SpbeRoles.DiskominfoAdmin);

    public bool IsOpdOperator => user.IsInRole(SpbeRoles.OpdOperator) && !IsAdmin;

    public bool IsInRole(string role) => user.IsInRole(role);

    /// <summary>Only an OPD operator is confined to one OPD; every other role reads the whole instansi.</summary>
    public bool CanRead(string opd) => !IsOpdOperator || string.Equals(Opd, opd, StringComparison.OrdinalIgnoreCase);

    /// <summary>Diskominfo, or one of this service's specialist writer roles: writes records of every OPD.</summary>
    public bool WritesEveryOpd => IsAdmin || (specialistWriters ?? []).Any(user.IsInRole);

    /// <summary>
    /// Writers of operational records: Diskominfo and the service's specialist roles for any OPD, an OPD operator
    /// for its own OPD. Auditors never write.
    /// </summary>
    public bool CanWrite(string opd) =>
        WritesEveryOpd || (user.IsInRole(SpbeRoles.OpdOperator) && string.Equals(Opd, opd, StringComparison.OrdinalIgnoreCase));

    /// <summary>The OPD filter to apply to a list: an operator always sees only its own OPD.</summary>
    public string? ScopeFilter(string? requested) => IsOpdOperator ? Opd ?? "" : requested;
}

/// <summary>Per service: which roles write every OPD's records besides Diskominfo.</summary>
public sealed class CallerOptions
{
    public List<string> SpecialistWriters { get; } = [];
}
