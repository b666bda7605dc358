using System.Text.Json;
using System.Globalization;
using System.Text.RegularExpressions;
using SpbeOps.Data.Api.Datasets;

namespace SpbeOps.Data.Api.Ckan;

/// <summary>
/// A read-only subset of CKAN's Action API (API v3) over the published, terbuka datasets, without a token: what
/// a CKAN harvester (ckanext-harvest's CKAN harvester) and CKAN clients call. Every answer is CKAN's envelope
/// <c>{ help, success, result }</c>, or <c>{ help, success: false, error: { __type, message } }</c> with CKAN's status
/// codes (400 unknown action, 404 not found, 409 validation). The gateway rate-limits these routes per address.
/// </summary>
public static partial class CkanApi
{
    public const string CkanVersion = "2.10.5";
    public const int MaxRows = 1000;

    public static readonly string[] Actions =
        ["package_list", "package_show", "package_search", "organization_list", "organization_show", "tag_list", "status_show"];

    public static IEndpointRouteBuilder MapCkanApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/data/ckan").WithTags("CKAN").AllowAnonymous();
        // API v3 as ckanext-harvest calls it, and the unversioned /api/action/ that ckanapi's RemoteCKAN calls.
        foreach (var prefix in new[] { "/{instansi}/api/3/action/{action}", "/{instansi}/api/action/{action}", "/api/3/action/{action}" })
        {
            api.MapGet(prefix, Action).WithSummary("CKAN Action API (baca saja) / CKAN Action API, read-only");
            api.MapPost(prefix, Action).WithSummary("CKAN Action API (baca saja, parameter dalam JSON) / CKAN Action API, read-only, JSON parameters");
        }
        return app;
    }

    public static async Task<IResult> Action(string action, string? instansi, HttpContext http, PublicCatalogue catalogue, CancellationToken ct)
    {
        var help = $"{catalogue.BaseUrl(http)}/api/data/ckan/api/3/action/help_show?name={Uri.EscapeDataString(action)}";
        if (!Actions.Contains(action))
            return Error(help, StatusCodes.Status400BadRequest, "Bad request", $"Bad request - Action name not known: {SafeText.Printable(action)}");
        if (catalogue.Instansi(http, instansi) is not { } tenant)
            return Error(help, StatusCodes.Status404NotFound, "Not Found Error", "Not found: instansi tidak dikenal / unknown instansi");

        var parameters = await ParametersAsync(http, ct);
        if (parameters is null) return Error(help, StatusCodes.Status400BadRequest, "Bad request", "Bad request - JSON Error: body is not a JSON object");
        await using var session = catalogue.Open(tenant);
        var portal = catalogue.PortalUrl(http, tenant);
        return action switch
        {
            "package_list" => await PackageList(help, session, parameters, ct),
            "package_show" => await PackageShow(help, session, parameters, tenant, portal, ct),
            "package_search" => await PackageSearch(help, session, parameters, tenant, portal, ct),
            "organization_list" => await OrganizationList(help, session, parameters, tenant, ct),
            "organization_show" => await OrganizationShow(help, session, parameters, tenant, portal, ct),
            "tag_list" => await TagList(help, session, parameters, ct),
            _ => Success(help, new Dictionary<string, object?>
            {
                ["site_title"] = $"Portal Satu Data {tenant}",
                ["site_description"] = "Katalog data sektoral walidata (SpbeOps) / The walidata's catalogue of sectoral data",
                ["site_url"] = portal,
                ["ckan_version"] = CkanVersion,
                ["error_emails_to"] = null,
                ["locale_default"] = "id",
                ["extensions"] = new[] { "dcat" },
            }),
        };
    }

    private static async Task<IResult> PackageList(string help, IQuerySession session, IReadOnlyDictionary<string, string> p, CancellationToken ct)
    {
        var paging = Paging(p, "limit", "offset", int.MaxValue);
        if (paging.Error is { } error) return Invalid(help, error);
        var names = await PublicCatalogue.Public(session).OrderBy(d => d.Name).Select(d => d.Name)
            .Skip(paging.Offset!.Value).Take(Math.Min(paging.Limit!.Value, 100_000)).ToListAsync(ct);
        return Success(help, names);
    }

    private static async Task<IResult> PackageShow(
        string help, IQuerySession session, IReadOnlyDictionary<string, string> p, string instansi, string portal, CancellationToken ct)
    {
        if (!p.TryGetValue("id", out var id) || string.IsNullOrWhiteSpace(id)) return Invalid(help, ("id", "Missing value"));
        var dataset = await FindAsync(session, id, ct);
        return dataset is null
            ? Error(help, StatusCodes.Status404NotFound, "Not Found Error", "Not found")
            : Success(help, CkanPackages.Package(dataset, instansi, portal));
    }

    private static async Task<Dataset?> FindAsync(IQuerySession session, string id, CancellationToken ct) =>
        Guid.TryParse(id, out var guid)
            ? await PublicCatalogue.Public(session).Where(d => d.Id == guid).FirstOrDefaultAsync(ct)
            : await PublicCatalogue.Public(session).Where(d => d.Name == id).FirstOrDefaultAsync(ct);

    private static async Task<IResult> PackageSearch(
        string help, IQuerySession session, IReadOnlyDictionary<string, string> p, string instansi, string portal, CancellationToken ct)
    {
        var paging = Paging(p, "rows", "start", MaxRows, defaultLimit: 10);
        if (paging.Error is { } error) return Invalid(help, error);
        var query = PublicCatalogue.Public(session);

        var q = p.GetValueOrDefault("q")?.Trim();
        if (!string.IsNullOrEmpty(q) && q != "*:*")
        {
            if (q.Length > 200) return Invalid(help, ("q", "Search query is too long"));
            foreach (var term in Terms(q))
            {
                if (term.Field is null && !term.Negated)
                {
                    var value = term.Value;
                    query = query.Where(d => d.Title.Contains(value, StringComparison.OrdinalIgnoreCase)
                        || d.Name.Contains(value, StringComparison.OrdinalIgnoreCase)
                        || (d.Description != null && d.Description.Contains(value, StringComparison.OrdinalIgnoreCase)));
                }
                else if (Filter(query, term) is { } filtered) query = filtered;
                else return SearchError(help, $"Search Query is invalid: unsupported term '{SafeText.Printable(term.Text)}'");
            }
        }
        if (p.GetValueOrDefault("fq") is { Length: > 0 } fq)
        {
            if (fq.Length > 500) return Invalid(help, ("fq", "Filter query is too long"));
            foreach (var term in Terms(fq))
            {
                if (term.Field is not null && Filter(query, term) is { } filtered) query = filtered;
                else return SearchError(help, $"Search Query is invalid: unsupported filter '{SafeText.Printable(term.Text)}' "
                    + "(use organization:, tags:, groups:, res_format:, name:, id:, license_id:, metadata_modified:[from TO to], metadata_created:[from TO to], each may be negated with -)");
            }
        }

        var sort = p.GetValueOrDefault("sort")?.Trim() ?? "metadata_modified desc";
        IOrderedQueryable<Dataset>? ordered = sort switch
        {
            "metadata_modified desc" or "score desc, metadata_modified desc" => query.OrderByDescending(d => d.UpdatedAt).ThenBy(d => d.Name),
            "metadata_modified asc" => query.OrderBy(d => d.UpdatedAt).ThenBy(d => d.Name),
            "name asc" => query.OrderBy(d => d.Name),
            "name desc" => query.OrderByDescending(d => d.Name),
            "title_string asc" => query.OrderBy(d => d.Title).ThenBy(d => d.Name),
            "title_string desc" => query.OrderByDescending(d => d.Title).ThenBy(d => d.Name),
            "metadata_created desc" => query.OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Name),
            "metadata_created asc" => query.OrderBy(d => d.CreatedAt).ThenBy(d => d.Name),
            // ckanext-harvest's CKAN harvester pages by id, so an edit during the harvest does not shift the pages.
            "id asc" => query.OrderBy(d => d.Id),
            "id desc" => query.OrderByDescending(d => d.Id),
            _ => null,
        };
        if (ordered is null) return Invalid(help, ("sort", "Invalid sort; use id, name, title_string, metadata_modified or metadata_created with asc or desc"));

        var count = await query.CountAsync(ct);
        var rows = await ordered.Skip(paging.Offset!.Value).Take(paging.Limit!.Value).ToListAsync(ct);
        return Success(help, new Dictionary<string, object?>
        {
            ["count"] = count,
            ["sort"] = sort,
            ["facets"] = new Dictionary<string, object>(),
            ["search_facets"] = new Dictionary<string, object>(),
            ["results"] = rows.Select(d => CkanPackages.Package(d, instansi, portal)).ToList(),
        });
    }

    /// <summary>One Solr-like term as a query filter (null when the field is not one the portal filters on).</summary>
    private static IQueryable<Dataset>? Filter(IQueryable<Dataset> query, Term t)
    {
        var value = t.Value;
        if (t.Range is { } range)
        {
            return t.Field switch
            {
                "metadata_modified" => Between(query, range, modified: true),
                "metadata_created" => Between(query, range, modified: false),
                _ => null,
            };
        }
        return (t.Field, t.Negated) switch
        {
            ("organization" or "owner_org" or "author", false) => query.Where(d => d.Opd == value),
            ("organization" or "owner_org" or "author", true) => query.Where(d => d.Opd != value),
            ("tags", false) => query.Where(d => d.Tags.Contains(value)),
            ("tags", true) => query.Where(d => !d.Tags.Contains(value)),
            ("groups", false) => query.Where(d => d.Topic == value),
            ("groups", true) => query.Where(d => d.Topic != value),
            ("res_format", false) => query.Where(d => d.Distributions.Any(x => x.Format == value.ToUpperInvariant())),
            ("name", false) => query.Where(d => d.Name == value),
            ("name", true) => query.Where(d => d.Name != value),
            ("id", false) when Guid.TryParse(value, out var id) => query.Where(d => d.Id == id),
            ("license_id", false) => query.Where(d => d.Metadata.License == value),
            _ => null,
        };
    }

    /// <summary><c>[from TO to]</c> on a timestamp; <c>*</c> leaves that side open. An unreadable bound is no filter (null).</summary>
    private static IQueryable<Dataset>? Between(IQueryable<Dataset> query, (string From, string To) range, bool modified)
    {
        if (!Bound(range.From, out var from) || !Bound(range.To, out var to)) return null;
        if (from is { } f) query = modified ? query.Where(d => d.UpdatedAt >= f) : query.Where(d => d.CreatedAt >= f);
        if (to is { } t) query = modified ? query.Where(d => d.UpdatedAt <= t) : query.Where(d => d.CreatedAt <= t);
        return query;

        static bool Bound(string text, out DateTimeOffset? at)
        {
            at = null;
            if (text == "*") return true;
            if (text.Equals("NOW", StringComparison.Ordinal)) text = DateTimeOffset.UtcNow.ToString("O");
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                return false;
            at = parsed;
            return true;
        }
    }

    private static async Task<IResult> OrganizationList(string help, IQuerySession session, IReadOnlyDictionary<string, string> p, string instansi, CancellationToken ct)
    {
        var counts = await OrganizationsAsync(session, ct);
        if (p.GetValueOrDefault("all_fields") is "true" or "True" or "1")
            return Success(help, counts.Select(c => CkanPackages.Organization(c.Key, instansi, c.Value, null)).ToList());
        return Success(help, counts.Keys.ToList());
    }

    private static async Task<IResult> OrganizationShow(
        string help, IQuerySession session, IReadOnlyDictionary<string, string> p, string instansi, string portal, CancellationToken ct)
    {
        if (!p.TryGetValue("id", out var id) || string.IsNullOrWhiteSpace(id)) return Invalid(help, ("id", "Missing value"));
        var counts = await OrganizationsAsync(session, ct);
        var opd = counts.Keys.FirstOrDefault(o => o == id || PublicCatalogue.StableId("organization", instansi, o).ToString() == id);
        if (opd is null) return Error(help, StatusCodes.Status404NotFound, "Not Found Error", "Not found");
        var org = CkanPackages.Organization(opd, instansi, counts[opd], null);
        if (p.GetValueOrDefault("include_datasets") is "true" or "True" or "1")
        {
            var datasets = await PublicCatalogue.Public(session).Where(d => d.Opd == opd).OrderBy(d => d.Name).Take(10).ToListAsync(ct);
            org["packages"] = datasets.Select(d => CkanPackages.Package(d, instansi, portal)).ToList();
        }
        return Success(help, org);
    }

    private static async Task<SortedDictionary<string, int>> OrganizationsAsync(IQuerySession session, CancellationToken ct)
    {
        var opds = await PublicCatalogue.Public(session).Select(d => d.Opd).ToListAsync(ct);
        return new SortedDictionary<string, int>(opds.GroupBy(o => o).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);
    }

    private static async Task<IResult> TagList(string help, IQuerySession session, IReadOnlyDictionary<string, string> p, CancellationToken ct)
    {
        var tags = (await PublicCatalogue.Public(session).Select(d => d.Tags).ToListAsync(ct)).SelectMany(t => t).Distinct(StringComparer.OrdinalIgnoreCase);
        if (p.GetValueOrDefault("query") is { Length: > 0 } q) tags = tags.Where(t => t.Contains(q, StringComparison.OrdinalIgnoreCase));
        var sorted = tags.Order(StringComparer.Ordinal).ToList();
        return p.GetValueOrDefault("all_fields") is "true" or "True" or "1" ? Success(help, sorted.Select(CkanPackages.Tag).ToList()) : Success(help, sorted);
    }

    /// <summary>The action's parameters: the query string, and for POST a JSON object body (as CKAN clients send).</summary>
    private static async Task<Dictionary<string, string>?> ParametersAsync(HttpContext http, CancellationToken ct)
    {
        var parameters = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        if (!HttpMethods.IsPost(http.Request.Method) || http.Request.ContentLength == 0) return parameters;
        try
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: ct);
            if (body.RootElement.ValueKind != JsonValueKind.Object) return null;
            foreach (var property in body.RootElement.EnumerateObject())
                parameters[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            return parameters;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private readonly record struct Page(int? Limit, int? Offset, (string Field, string Message)? Error);

    private static Page Paging(IReadOnlyDictionary<string, string> p, string limitName, string offsetName, int max, int defaultLimit = int.MaxValue)
    {
        var limit = defaultLimit;
        if (p.TryGetValue(limitName, out var l) && (!int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit > max))
            return new(null, null, (limitName, max == int.MaxValue ? "Invalid integer" : $"Must be a natural number, at most {max}"));
        var offset = 0;
        if (p.TryGetValue(offsetName, out var o) && (!int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset > 10_000_000))
            return new(null, null, (offsetName, "Invalid integer"));
        return new(limit, offset, null);
    }

    /// <summary>A term of a Solr-like query: <c>field:value</c>, <c>field:"a value"</c>, <c>field:[from TO to]</c>, <c>-field:value</c>, or a bare word.</summary>
    private sealed record Term(string Text, string? Field, string Value, bool Negated, (string From, string To)? Range);

    /// <summary>
    /// The terms of <paramref name="text"/>, all of which must hold. Grouping parentheses and the words AND/OR are
    /// dropped: the harvesters that call this portal send one term, or terms meant together.
    /// </summary>
    private static IEnumerable<Term> Terms(string text)
    {
        foreach (Match m in TermPattern().Matches(text))
        {
            if (m.Groups["bare"].Value is "AND" or "OR" && !m.Groups["field"].Success) continue;
            var range = m.Groups["from"].Success ? (m.Groups["from"].Value, m.Groups["to"].Value) : ((string, string)?)null;
            var value = m.Groups["quoted"].Success ? m.Groups["quoted"].Value : m.Groups["bare"].Value;
            yield return new Term(m.Value, m.Groups["field"].Success ? m.Groups["field"].Value : null, value, m.Groups["neg"].Success, range);
        }
    }

    [GeneratedRegex("""(?<neg>-)?(?:(?<field>[a-z_]+):)?(?:"(?<quoted>[^"]*)"|\[(?<from>\S+) TO (?<to>\S+)\]|(?<bare>[^\s"()\[\]]+))""")]
    private static partial Regex TermPattern();

    private static IResult Success(string help, object? result) =>
        Results.Json(new Dictionary<string, object?> { ["help"] = help, ["success"] = true, ["result"] = result });

    private static IResult Invalid(string help, (string Field, string Message) error) =>
        Results.Json(new Dictionary<string, object?>
        {
            ["help"] = help,
            ["success"] = false,
            ["error"] = new Dictionary<string, object?> { ["__type"] = "Validation Error", [error.Field] = new[] { error.Message } },
        }, statusCode: StatusCodes.Status409Conflict);

    private static IResult SearchError(string help, string message) =>
        Error(help, StatusCodes.Status409Conflict, "Search Query Error", message);

    private static IResult Error(string help, int status, string type, string message) =>
        Results.Json(new Dictionary<string, object?>
        {
            ["help"] = help,
            ["success"] = false,
            ["error"] = new Dictionary<string, object?> { ["__type"] = type, ["message"] = message },
        }, statusCode: status);
}
