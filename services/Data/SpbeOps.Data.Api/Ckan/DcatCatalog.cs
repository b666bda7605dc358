using SpbeOps.Data.Api.Datasets;

namespace SpbeOps.Data.Api.Ckan;

/// <summary>
/// The same public datasets as a DCAT-AP catalogue in JSON-LD (W3C DCAT 2, DCAT-AP 2.1 classes and properties:
/// dcat:Catalog → dcat:Dataset → dcat:Distribution, dct:publisher as foaf:Agent, dcat:contactPoint as vcard:Kind,
/// dct:accrualPeriodicity from the EU frequency vocabulary), at the portal root as ckanext-dcat serves it
/// (<c>/catalog.jsonld</c>), so a CKAN <c>dcat_rdf_harvester</c> or a data.go.id-style aggregator harvests it.
/// </summary>
public static class DcatCatalog
{
    public const string ContentType = "application/ld+json";

    public static IEndpointRouteBuilder MapDcatCatalog(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/data/catalog.jsonld", Catalog).AllowAnonymous().WithTags("DCAT")
            .WithSummary("Katalog DCAT-AP (JSON-LD); ?instansi= tanpa token / The DCAT-AP catalogue as JSON-LD (?instansi= without a token)");
        app.MapGet("/api/data/ckan/{instansi}/catalog.jsonld", Catalog).AllowAnonymous().WithTags("DCAT")
            .WithSummary("Katalog DCAT-AP portal satu instansi / One instansi portal's DCAT-AP catalogue");
        return app;
    }

    public static readonly Dictionary<string, object> Context = new()
    {
        ["dcat"] = "http://www.w3.org/ns/dcat#",
        ["dct"] = "http://purl.org/dc/terms/",
        ["foaf"] = "http://xmlns.com/foaf/0.1/",
        ["vcard"] = "http://www.w3.org/2006/vcard/ns#",
        ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
        ["adms"] = "http://www.w3.org/ns/adms#",
        ["hydra"] = "http://www.w3.org/ns/hydra/core#",
    };

    public static async Task<IResult> Catalog(string? instansi, int? page, HttpContext http, PublicCatalogue catalogue, CancellationToken ct)
    {
        if (page is < 1 or > 100_000) return new FieldErrors().Add("page", "harus antara 1 dan 100000 / must be between 1 and 100000").ToProblem();
        if (catalogue.Instansi(http, instansi) is not { } tenant)
            return Problem.NotFound("Instansi / Instansi (name it with ?instansi= or /api/data/ckan/{instansi}/catalog.jsonld)", instansi ?? "");
        await using var session = catalogue.Open(tenant);
        var portal = catalogue.PortalUrl(http, tenant);
        const int pageSize = 1000;
        var number = page ?? 1;
        var datasets = await PublicCatalogue.Public(session).OrderBy(d => d.Name).Skip((number - 1) * pageSize).Take(pageSize + 1).ToListAsync(ct);
        var more = datasets.Count > pageSize;
        var total = await PublicCatalogue.Public(session).CountAsync(ct);

        var document = new Dictionary<string, object?>
        {
            ["@context"] = Context,
            ["@id"] = $"{portal}/catalog",
            ["@type"] = "dcat:Catalog",
            ["dct:title"] = $"Katalog Satu Data {tenant}",
            ["dct:description"] = "Data sektoral yang dipublikasikan walidata / Sectoral data published by the walidata",
            ["dct:language"] = new Dictionary<string, object> { ["@id"] = "http://publications.europa.eu/resource/authority/language/IND" },
            ["dct:publisher"] = new Dictionary<string, object?> { ["@id"] = $"{portal}/publisher", ["@type"] = "foaf:Organization", ["foaf:name"] = tenant },
            ["foaf:homepage"] = new Dictionary<string, object> { ["@id"] = portal },
            ["dcat:dataset"] = datasets.Take(pageSize).Select(d => Dataset(d, tenant, portal)).ToList(),
        };
        document["hydra:view"] = Paging(portal, number, pageSize, total, more);
        return Results.Json(document, contentType: ContentType);
    }

    /// <summary>
    /// The page as ckanext-dcat pages a catalogue (a <c>hydra:PagedCollection</c> with <c>hydra:next</c> and the
    /// deprecated <c>hydra:nextPage</c>, which its harvester follows), literals as ckanext-dcat writes them.
    /// </summary>
    private static Dictionary<string, object?> Paging(string portal, int page, int pageSize, int total, bool more)
    {
        string Page(int n) => $"{portal}/catalog.jsonld?page={n}";
        var last = Math.Max(1, (total + pageSize - 1) / pageSize);
        var view = new Dictionary<string, object?>
        {
            ["@id"] = Page(page),
            ["@type"] = "hydra:PagedCollection",
            ["hydra:totalItems"] = total,
            ["hydra:itemsPerPage"] = pageSize,
            ["hydra:first"] = Page(1),
            ["hydra:firstPage"] = Page(1),
            ["hydra:last"] = Page(last),
            ["hydra:lastPage"] = Page(last),
        };
        if (more) view["hydra:next"] = view["hydra:nextPage"] = Page(page + 1);
        if (page > 1) view["hydra:previous"] = view["hydra:previousPage"] = Page(page - 1);
        return view;
    }

    public static Dictionary<string, object?> Dataset(Dataset d, string instansi, string portal)
    {
        var uri = $"{portal}/dataset/{d.Id}";
        var dataset = new Dictionary<string, object?>
        {
            ["@id"] = uri,
            ["@type"] = "dcat:Dataset",
            ["dct:identifier"] = d.Id.ToString(),
            ["dct:title"] = d.Title,
            ["dct:description"] = d.Description ?? d.Title,
            ["dcat:keyword"] = d.Tags,
            ["dcat:theme"] = d.Topic,
            ["dct:issued"] = Typed(d.PublishedAt ?? d.CreatedAt),
            ["dct:modified"] = Typed(d.UpdatedAt),
            ["dcat:landingPage"] = new Dictionary<string, object> { ["@id"] = $"{portal}/dataset/{d.Name}" },
            ["dct:publisher"] = new Dictionary<string, object?>
            {
                ["@id"] = $"{portal}/organization/{d.Opd}", ["@type"] = "foaf:Organization", ["foaf:name"] = d.Opd,
            },
            ["dct:accessRights"] = new Dictionary<string, object> { ["@id"] = "http://publications.europa.eu/resource/authority/access-right/PUBLIC" },
            ["dcat:distribution"] = d.Distributions.Select(r => Distribution(d, r, portal)).ToList(),
        };
        if (d.Metadata.ContactName is { } contact)
        {
            var point = new Dictionary<string, object?> { ["@type"] = "vcard:Kind", ["vcard:fn"] = contact };
            if (d.Metadata.ContactEmail is { } email) point["vcard:hasEmail"] = new Dictionary<string, object> { ["@id"] = $"mailto:{email}" };
            dataset["dcat:contactPoint"] = point;
        }
        if (Frequency(d.Metadata.Periodicity) is { } frequency)
            dataset["dct:accrualPeriodicity"] = new Dictionary<string, object> { ["@id"] = $"http://publications.europa.eu/resource/authority/frequency/{frequency}" };
        if (d.Metadata.Coverage is { } coverage) dataset["dct:spatial"] = coverage;
        if (d.Releases.LastOrDefault() is { } release) dataset["adms:version"] = release.Period;
        return dataset;
    }

    private static Dictionary<string, object?> Distribution(Dataset d, Distribution r, string portal)
    {
        var distribution = new Dictionary<string, object?>
        {
            ["@id"] = $"{portal}/dataset/{d.Id}/resource/{r.Id}",
            ["@type"] = "dcat:Distribution",
            ["dct:title"] = r.Name,
            ["dct:description"] = r.Description,
            ["dcat:accessURL"] = new Dictionary<string, object> { ["@id"] = r.Url },
            ["dcat:downloadURL"] = new Dictionary<string, object> { ["@id"] = r.Url },
            ["dct:format"] = r.Format,
            ["dct:modified"] = Typed(d.UpdatedAt),
        };
        if (CkanPackages.MediaType(r.Format) is { } media) distribution["dcat:mediaType"] = $"http://www.iana.org/assignments/media-types/{media}";
        if (d.Metadata.License is { } id && DataVocabulary.Licenses.TryGetValue(id, out var license) && license.Url.Length > 0)
            distribution["dct:license"] = new Dictionary<string, object> { ["@id"] = license.Url };
        return distribution;
    }

    private static Dictionary<string, object> Typed(DateTimeOffset at) => new()
    {
        ["@value"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        ["@type"] = "xsd:dateTime",
    };

    /// <summary>The EU frequency authority code of a periodicity.</summary>
    public static string? Frequency(string? periodicity) => periodicity switch
    {
        "tahunan" => "ANNUAL",
        "semesteran" => "ANNUAL_2",
        "triwulanan" => "QUARTERLY",
        "bulanan" => "MONTHLY",
        "tidak-tetap" => "IRREG",
        _ => null,
    };
}
