using System.Security.Claims;

namespace SpbeOps.ServiceDefaults.Auth;

/// <summary>
/// Who is calling and what they may touch: the tenant (instansi) and, for an OPD operator, the one perangkat
/// daerah whose data they own. Every endpoint asks this object rather than reading claims itself.
/// </summary>
public sealed class Caller(ClaimsPrincipal user)
{
    public string Instansi { get; } = user.FindFirstValue(SpbeClaims.Instansi)
        ?? throw new InvalidOperationException("The member policy guarantees an instansi claim.");

    public string? Opd { get; } = user.FindFirstValue(SpbeClaims.Opd);

    public string Actor { get; } = user.FindFirstValue(SpbeClaims.Name) ?? user.FindFirstValue(SpbeClaims.Subject) ?? "unknown";

    public bool IsAdmin => user.IsInRole(SpbeRoles.DiskominfoAdmin);

    public bool IsOpdOperator => user.IsInRole(SpbeRoles.OpdOperator) && !IsAdmin;

    public bool IsInRole(string role) => user.IsInRole(role);

    /// <summary>Only an OPD operator is confined to one OPD; every other role reads the whole instansi.</summary>
    public bool CanRead(string opd) => !IsOpdOperator || string.Equals(Opd, opd, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Writers of operational records: Diskominfo for any OPD, an OPD operator for its own OPD, and the
    /// listed specialist roles (e.g. a security officer for security records). Auditors never write.
    /// </summary>
    public bool CanWrite(string opd, params string[] specialistRoles) =>
        IsAdmin
        || (user.IsInRole(SpbeRoles.OpdOperator) && string.Equals(Opd, opd, StringComparison.OrdinalIgnoreCase))
        || specialistRoles.Any(user.IsInRole);

    /// <summary>The OPD filter to apply to a list: an operator always sees only its own OPD.</summary>
    public string? ScopeFilter(string? requested) => IsOpdOperator ? Opd ?? "" : requested;
}
