using SpbeOps.Data.Api.Datasets;

namespace SpbeOps.Data.Api.Ckan;

/// <summary>
/// Datasets and OPD in CKAN's shapes (ckan/logic/schema: package, resource, organization, tag), with the field
/// names CKAN's Action API answers, so a CKAN harvester or client reads them as it reads any CKAN portal. The SDI
/// fields (Standar Data, metadata) travel as <c>extras</c>, as ckanext-scheming portals do.
/// </summary>
public static class CkanPackages
{
    public static Dictionary<string, object?> Package(Dataset d, string instansi, string portalUrl)
    {
        var license = d.Metadata.License is { } id && DataVocabulary.Licenses.TryGetValue(id, out var l) ? l : (Title: null, Url: null);
        return new Dictionary<string, object?>
        {
            ["id"] = d.Id.ToString(),
            ["name"] = d.Name,
            ["title"] = d.Title,
            ["type"] = "dataset",
            ["state"] = "active",
            ["private"] = false,
            ["notes"] = d.Description,
            ["url"] = $"{portalUrl}/dataset/{d.Name}",
            ["version"] = d.Releases.LastOrDefault()?.Period,
            ["author"] = d.Opd,
            ["author_email"] = null,
            ["maintainer"] = d.Metadata.ContactName,
            ["maintainer_email"] = d.Metadata.ContactEmail,
            ["license_id"] = d.Metadata.License,
            ["license_title"] = license.Title,
            ["license_url"] = license.Url,
            ["isopen"] = d.Metadata.License is not (null or "other-closed"),
            ["metadata_created"] = Timestamp(d.CreatedAt),
            ["metadata_modified"] = Timestamp(d.UpdatedAt),
            ["owner_org"] = PublicCatalogue.StableId("organization", instansi, d.Opd).ToString(),
            ["organization"] = Organization(d.Opd, instansi, null, d.CreatedAt),
            ["num_tags"] = d.Tags.Count,
            ["tags"] = d.Tags.Select(Tag).ToList(),
            ["groups"] = new[] { new Dictionary<string, object?> { ["name"] = d.Topic, ["title"] = d.Topic, ["display_name"] = d.Topic } },
            ["num_resources"] = d.Distributions.Count,
            ["resources"] = d.Distributions.Select((r, i) => Resource(d, r, i)).ToList(),
            ["relationships_as_object"] = Array.Empty<object>(),
            ["relationships_as_subject"] = Array.Empty<object>(),
            ["extras"] = Extras(d).Select(e => new Dictionary<string, object?> { ["key"] = e.Key, ["value"] = e.Value }).ToList(),
        };
    }

    public static Dictionary<string, object?> Resource(Dataset d, Distribution r, int position) => new()
    {
        ["id"] = r.Id.ToString(),
        ["package_id"] = d.Id.ToString(),
        ["name"] = r.Name,
        ["description"] = r.Description,
        ["url"] = r.Url,
        ["format"] = r.Format,
        ["mimetype"] = MediaType(r.Format),
        ["position"] = position,
        ["state"] = "active",
        ["created"] = Timestamp(d.CreatedAt),
        ["last_modified"] = Timestamp(d.UpdatedAt),
        ["metadata_modified"] = Timestamp(d.UpdatedAt),
        ["url_type"] = null,
        ["resource_type"] = null,
        ["hash"] = "",
        ["size"] = null,
        ["datastore_active"] = false,
    };

    public static Dictionary<string, object?> Organization(string opd, string instansi, int? packageCount, DateTimeOffset? created)
    {
        var org = new Dictionary<string, object?>
        {
            ["id"] = PublicCatalogue.StableId("organization", instansi, opd).ToString(),
            ["name"] = opd,
            ["title"] = opd,
            ["display_name"] = opd,
            ["type"] = "organization",
            ["is_organization"] = true,
            ["state"] = "active",
            ["approval_status"] = "approved",
            ["description"] = $"Produsen data / data producer '{opd}' ({instansi})",
            ["image_url"] = "",
            ["created"] = created is { } c ? Timestamp(c) : null,
        };
        if (packageCount is { } n) org["package_count"] = n;
        return org;
    }

    public static Dictionary<string, object?> Tag(string name) => new()
    {
        ["id"] = PublicCatalogue.StableId("tag", "", name.ToLowerInvariant()).ToString(),
        ["name"] = name,
        ["display_name"] = name,
        ["state"] = "active",
        ["vocabulary_id"] = null,
    };

    /// <summary>CKAN writes timestamps as ISO 8601 UTC without an offset, with microseconds.</summary>
    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture);

    public static string? MediaType(string format) => format switch
    {
        "CSV" => "text/csv",
        "JSON" => "application/json",
        "GEOJSON" => "application/geo+json",
        "XML" => "application/xml",
        "XLSX" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "XLS" => "application/vnd.ms-excel",
        "ODS" => "application/vnd.oasis.opendocument.spreadsheet",
        "PDF" => "application/pdf",
        "TSV" => "text/tab-separated-values",
        "HTML" => "text/html",
        _ => null,
    };

    private static IEnumerable<KeyValuePair<string, string?>> Extras(Dataset d)
    {
        yield return new("standar_data_konsep", d.StandarData.Konsep);
        yield return new("standar_data_definisi", d.StandarData.Definisi);
        yield return new("standar_data_klasifikasi", d.StandarData.Klasifikasi);
        yield return new("standar_data_ukuran", d.StandarData.Ukuran);
        yield return new("standar_data_satuan", d.StandarData.Satuan);
        yield return new("frekuensi", d.Metadata.Periodicity);
        yield return new("cakupan", d.Metadata.Coverage);
        yield return new("kegiatan_sumber", d.Metadata.SourceActivity);
        yield return new("tingkat_akses", d.Metadata.AccessLevel);
        yield return new("topik", d.Topic);
        yield return new("jadwal_rilis_berikutnya", d.NextReleaseDue?.ToString("yyyy-MM-dd"));
        yield return new("skor_kualitas_data", d.Quality.Score.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
