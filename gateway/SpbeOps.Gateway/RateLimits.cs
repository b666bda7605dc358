using System.Globalization;
using System.Security.Claims;
using SpbeOps.ServiceDefaults.Auth;

namespace SpbeOps.Gateway;

/// <summary>
/// Who shares a token bucket and how big it is (issue 8). A bucket belongs to one caller in one instansi: the token's
/// <c>sub</c> and <c>instansi</c> together, so the local admin tokens of two instansi (both <c>sub</c> =
/// <c>diskominfo-admin</c>) no longer starve each other; a request without a token is limited per remote address.
/// <para>
/// Requests per minute, from configuration:
/// <list type="bullet">
/// <item><c>Gateway:RequestsPerMinute</c>: the default of every role (600);</item>
/// <item><c>Gateway:RateLimits:&lt;role&gt;</c>: a role's own limit; a token with several roles gets the highest;</item>
/// <item><c>Gateway:RateLimits:integration</c>: integration clients (an OPD system registering in bulk), 6,000 unless
/// set. A token is an integration client when it carries <c>client_type=integration</c>, or when its <c>client_id</c>
/// (else <c>azp</c>, else <c>sub</c>) is listed in <c>Gateway:IntegrationClients</c>. It gets the highest of that
/// limit and its roles' limits, in a bucket of its own.</item>
/// </list>
/// </para>
/// </summary>
public sealed class RateLimits
{
    public const string IntegrationKey = "integration";
    public const string ClientTypeClaim = "client_type";
    public const string ClientTypeIntegration = "integration";
    public const string ClientIdClaim = "client_id";
    public const string AuthorizedPartyClaim = "azp";
    public const int DefaultPerMinute = 600;
    public const int DefaultIntegrationPerMinute = 6_000;

    private readonly Dictionary<string, int> _perRole;
    private readonly HashSet<string> _integrationClients;
    private readonly int _defaultPerMinute;

    public RateLimits(int defaultPerMinute, IReadOnlyDictionary<string, int> perRole, int integrationPerMinute, IEnumerable<string> integrationClients)
    {
        if (defaultPerMinute < 1) throw new InvalidOperationException("Gateway:RequestsPerMinute must be at least 1.");
        if (integrationPerMinute < 1) throw new InvalidOperationException($"Gateway:RateLimits:{IntegrationKey} must be at least 1.");
        foreach (var (role, limit) in perRole)
            if (limit < 1) throw new InvalidOperationException($"Gateway:RateLimits:{role} must be at least 1 (got {limit}).");
        _defaultPerMinute = defaultPerMinute;
        IntegrationPerMinute = integrationPerMinute;
        _perRole = new Dictionary<string, int>(perRole, StringComparer.Ordinal);
        _integrationClients = new HashSet<string>(integrationClients.Where(c => !string.IsNullOrWhiteSpace(c)), StringComparer.Ordinal);
    }

    public int IntegrationPerMinute { get; }

    /// <summary>Reads section <c>Gateway</c>; an unreadable number fails the start, not the first request.</summary>
    public static RateLimits From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Gateway:RateLimits");
        var perRole = new Dictionary<string, int>(StringComparer.Ordinal);
        int? integration = null;
        foreach (var entry in section.GetChildren())
        {
            if (!int.TryParse(entry.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit))
                throw new InvalidOperationException($"Gateway:RateLimits:{entry.Key} must be a number of requests per minute (got '{entry.Value}').");
            if (entry.Key == IntegrationKey) integration = limit;
            else perRole[entry.Key] = limit;
        }
        var clients = configuration.GetSection("Gateway:IntegrationClients").GetChildren().Select(c => c.Value ?? "")
            .Concat((configuration["Gateway:IntegrationClients"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return new RateLimits(configuration.GetValue("Gateway:RequestsPerMinute", DefaultPerMinute), perRole,
            integration ?? DefaultIntegrationPerMinute, clients);
    }

    /// <summary>The bucket of a request and its requests per minute.</summary>
    public (string Partition, int PerMinute) For(ClaimsPrincipal user, string? remoteAddress)
    {
        var subject = user.FindFirst(SpbeClaims.Subject)?.Value;
        if (subject is null) return ($"anonymous|{remoteAddress ?? "unknown"}", _defaultPerMinute);

        var instansi = user.FindFirst(SpbeClaims.Instansi)?.Value ?? "";
        var limit = _defaultPerMinute;
        var roles = user.FindAll(SpbeClaims.Role).Select(c => c.Value).ToList();
        if (roles.Count > 0)
            limit = roles.Max(r => _perRole.TryGetValue(r, out var own) ? own : _defaultPerMinute);
        var integration = IsIntegrationClient(user, subject);
        if (integration) limit = Math.Max(limit, IntegrationPerMinute);
        // '\n' cannot occur in a validated claim value: the parts never run into each other.
        return ($"{(integration ? "integration" : "user")}\n{subject}\n{instansi}\n{limit}", limit);
    }

    private bool IsIntegrationClient(ClaimsPrincipal user, string subject)
    {
        if (user.HasClaim(c => c.Type == ClientTypeClaim && string.Equals(c.Value, ClientTypeIntegration, StringComparison.OrdinalIgnoreCase)))
            return true;
        if (_integrationClients.Count == 0) return false;
        var clientId = user.FindFirst(ClientIdClaim)?.Value ?? user.FindFirst(AuthorizedPartyClaim)?.Value ?? subject;
        return _integrationClients.Contains(clientId);
    }
}
