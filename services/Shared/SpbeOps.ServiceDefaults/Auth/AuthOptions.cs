namespace SpbeOps.ServiceDefaults.Auth;

/// <summary>Token validation settings (section <c>Auth</c>).</summary>
public sealed class SpbeAuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// OIDC authority (Keycloak realm URL). When set, tokens are validated against its signing keys;
    /// otherwise the local development key below is used.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>Symmetric key for locally issued development tokens (at least 32 characters).</summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "spbeops-local";
    public string Audience { get; set; } = "spbeops";
}
