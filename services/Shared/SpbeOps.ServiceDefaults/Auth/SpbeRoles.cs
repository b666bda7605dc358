namespace SpbeOps.ServiceDefaults.Auth;

/// <summary>The roles of docs/architecture.md decision 9, as they appear in the token's <c>role</c> claim.</summary>
public static class SpbeRoles
{
    public const string DiskominfoAdmin = "diskominfo-admin";
    public const string OpdOperator = "opd-operator";
    public const string SecurityOfficer = "security-officer";
    public const string Walidata = "walidata";
    public const string Auditor = "auditor";

    public static readonly IReadOnlyList<string> All = [DiskominfoAdmin, OpdOperator, SecurityOfficer, Walidata, Auditor];
}

/// <summary>Claim names SpbeOps reads from a token.</summary>
public static class SpbeClaims
{
    public const string Role = "role";
    /// <summary>The tenant: one instansi (pemerintah daerah), e.g. <c>kota-pangkalpinang</c>.</summary>
    public const string Instansi = "instansi";
    /// <summary>The perangkat daerah code an <c>opd-operator</c> works for.</summary>
    public const string Opd = "opd";
    public const string Subject = "sub";
    public const string Name = "name";
}

/// <summary>Authorization policy names shared by services and the gateway.</summary>
public static class SpbePolicies
{
    /// <summary>Any known role with an instansi claim.</summary>
    public const string Member = "member";
    public const string DiskominfoAdmin = "diskominfo-admin";
}
