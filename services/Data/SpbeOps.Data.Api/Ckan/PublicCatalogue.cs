using System.Security.Cryptography;
using System.Text;
using SpbeOps.Data.Api.Datasets;

namespace SpbeOps.Data.Api.Ckan;

/// <summary>
/// The public face of an instansi's Satu Data portal: the published, terbuka datasets only, read without a token.
/// The tenant comes from the route (<c>/api/data/ckan/{instansi}/…</c>), else from a token if one is sent, else from
/// <c>Data:PortalInstansi</c> (a deployment that serves one portal).
/// </summary>
public sealed class PublicCatalogue(IDocumentStore store, IConfiguration config)
{
    public const string PortalInstansiKey = "Data:PortalInstansi";
    public const string PublicBaseUrlKey = "Data:PublicBaseUrl";

    /// <summary>The instansi a public request reads, or null when none is named (or it is not a tenant code).</summary>
    public string? Instansi(HttpContext http, string? fromRoute)
    {
        var instansi = fromRoute ?? http.User.FindFirst(SpbeClaims.Instansi)?.Value ?? config[PortalInstansiKey];
        return KebabCode.IsValid(instansi) ? instansi : null;
    }

    public IQuerySession Open(string instansi) => store.QuerySession(instansi);

    /// <summary>Only what a portal shows: published and terbuka (never a draft, returned, terbatas or tertutup dataset).</summary>
    public static IQueryable<Dataset> Public(IQuerySession session) => session.Query<Dataset>().Where(d => d.Public);

    /// <summary>The portal's base URL: configured, else as the client reached it (through the gateway's forwarded headers).</summary>
    public string BaseUrl(HttpContext http)
    {
        if (config[PublicBaseUrlKey] is { Length: > 0 } configured) return configured.TrimEnd('/');
        var request = http.Request;
        var scheme = request.Headers["X-Forwarded-Proto"].FirstOrDefault() ?? request.Scheme;
        var host = request.Headers["X-Forwarded-Host"].FirstOrDefault() ?? request.Host.Value;
        return $"{scheme}://{host}";
    }

    /// <summary>The portal root a harvester is pointed at: <c>{base}/api/data/ckan/{instansi}</c>.</summary>
    public string PortalUrl(HttpContext http, string instansi) => $"{BaseUrl(http)}/api/data/ckan/{instansi}";

    /// <summary>A stable UUID for what has no id of its own (an OPD as a CKAN organization).</summary>
    public static Guid StableId(string kind, string instansi, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}|{instansi}|{key}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
