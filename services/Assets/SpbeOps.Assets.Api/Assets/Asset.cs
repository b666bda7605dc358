using SpbeOps.Contracts.Assets;

namespace SpbeOps.Assets.Api.Assets;

/// <summary>Vocabulary of the register, as the regulation and Pemda practice name things.</summary>
public static class AssetVocabulary
{
    public const string Hardware = "hardware";
    public const string Software = "software";
    public const string Network = "network";
    public const string DataCentre = "data-centre";
    public const string Application = "application";
    public static readonly string[] Kinds = [Hardware, Software, Network, DataCentre, Application];

    // The lifecycle of P59 indicator 24: perencanaan → pengadaan → pemanfaatan/penggunaan → penghapusan.
    public const string Perencanaan = "perencanaan";
    public const string Pengadaan = "pengadaan";
    public const string Pemanfaatan = "pemanfaatan";
    public const string Penghapusan = "penghapusan";
    public static readonly string[] Stages = [Perencanaan, Pengadaan, Pemanfaatan, Penghapusan];

    /// <summary>An asset enters the register at any stage but the last (existing assets are registered in use).</summary>
    public static readonly string[] InitialStages = [Perencanaan, Pengadaan, Pemanfaatan];

    public static readonly string[] ApplicationTypes = ["aplikasi-umum", "aplikasi-khusus"];
    public static readonly string[] Platforms = ["web", "mobile", "desktop", "api"];
    public static readonly string[] Hostings = ["pusat-data-nasional", "pusat-data-daerah", "cloud", "server-opd"];
    public static readonly string[] ApplicationStatuses = ["aktif", "tidak-aktif", "dalam-pengembangan"];
}

/// <summary>An SPBE application's register entry (the fields Pemda inventories keep, e.g. Denpasar's <c>aplikasi</c>).</summary>
public sealed record ApplicationDetails(
    string Type,
    string Platform,
    string Hosting,
    string? Url,
    string Status,
    string? LegalBasis,
    string? Developer);

public sealed record StageChange(string? From, string To, DateOnly On, string Actor, string? Note);

/// <summary>One ICT asset or SPBE application of one perangkat daerah (a Marten document; its history is its stream).</summary>
public sealed class Asset : IRecord<Asset>, IOpdRecord, IPublishedRecord
{
    public static RecordNoun Noun { get; } = new("aset", "asset");

    public Guid Id { get; set; }
    public string Opd { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>Kode barang / asset tag used in the BMD inventory.</summary>
    public string? Code { get; set; }
    public string? Manufacturer { get; set; }
    public string? Model { get; set; }
    public string? SerialNumber { get; set; }
    public string? Location { get; set; }
    public string? Vendor { get; set; }
    public int? LicenceSeats { get; set; }
    public DateOnly? LicenceExpiresOn { get; set; }
    public string? Provider { get; set; }
    public ApplicationDetails? Application { get; set; }
    public decimal? AcquisitionCost { get; set; }
    public DateOnly? AcquiredOn { get; set; }

    public string Stage { get; set; } = AssetVocabulary.Perencanaan;
    public DateOnly StageSince { get; set; }
    public List<StageChange> Lifecycle { get; set; } = [];

    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }

    public object ToIntegrationEvent(string instansi) =>
        new AssetChangedIntegrationEvent(instansi, Id, Version, Opd, Kind, Name, Stage, Application?.Type, UpdatedAt);

    public Asset Copy()
    {
        var copy = (Asset)MemberwiseClone();
        copy.Lifecycle = [.. Lifecycle];
        return copy;
    }
}

// Domain events: what happened; the fields each one set travel in RecordEvent.Changes.
public sealed record AssetRegistered(string Stage) : RecordEvent<Asset>
{
    public override HistoryLine Describe() => new($"didaftarkan pada tahap {Stage} / registered at {Stage}");
}

public sealed record AssetDetailsUpdated : RecordEvent<Asset>
{
    public override HistoryLine Describe() => new($"data diperbarui / details updated: {string.Join(", ", Changes.Keys)}");
}

public sealed record AssetTransitioned(string From, string To, DateOnly On, string? Note) : RecordEvent<Asset>
{
    public override HistoryLine Describe() => new($"{From} → {To} ({On:yyyy-MM-dd})", Note);
}
