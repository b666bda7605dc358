namespace SpbeOps.Data.Tests.Functional;

public sealed class DataApiFactory(InfrastructureFixture infrastructure) : ServiceFactory<Program>(infrastructure);

/// <summary>One Data host per test class (its own schema and queues); each test works in a fresh instansi.</summary>
public sealed class DataHost : SharedHost<DataApiFactory>;

public abstract class DataApiTest(InfrastructureFixture infrastructure, DataHost host)
    : ServiceTest<DataApiFactory>(host, () => new DataApiFactory(infrastructure)), IClassFixture<DataHost>
{
    protected const string Datasets = "/api/data/datasets";

    protected HttpClient Walidata() => Factory.CreateClientFor("walidata", Instansi);
    protected HttpClient SecurityOfficer() => Factory.CreateClientFor("security-officer", Instansi);

    protected static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd");

    /// <summary>A dataset with complete Standar Data and metadata, as a produsen fills it.</summary>
    protected static object Body(string opd, string title = "Jumlah Puskesmas per Kecamatan", string accessLevel = "terbuka",
        string[]? tags = null, Guid[]? references = null, string? name = null) => new
    {
        opd, title, name, topic = "kesehatan",
        description = $"{title} di Kota Pangkalpinang",
        tags = tags ?? new[] { "kesehatan", "puskesmas" },
        standarData = new { konsep = "Puskesmas", definisi = "Fasilitas pelayanan kesehatan tingkat pertama", klasifikasi = "Per kecamatan", ukuran = "Jumlah", satuan = "Unit" },
        metadata = new
        {
            periodicity = "tahunan", coverage = "Kota Pangkalpinang", sourceActivity = "Profil Kesehatan", contactName = "Seksi Data",
            contactEmail = "data@dinkes.example.go.id", license = "cc-by", accessLevel,
        },
        references = references ?? Array.Empty<Guid>(),
        distributions = new[] { new { name = "Tabel", url = $"https://data.example.go.id/{opd}/{Guid.NewGuid():N}.csv", format = "CSV" } },
        nextReleaseDue = DateTime.UtcNow.AddMonths(1).ToString("yyyy-MM-dd"),
    };

    protected static object AllMet => new { standarData = true, metadata = true, interoperabilitas = true, kodeReferensi = true, note = "sesuai" };

    /// <summary>Drafts (as the OPD's operator), submits, verifies and publishes (as the walidata) a dataset.</summary>
    protected async Task<JsonElement> PublishedAsync(string opd, string title = "Jumlah Puskesmas per Kecamatan", string accessLevel = "terbuka", string[]? tags = null)
    {
        var id = await SubmittedAsync(opd, title, accessLevel, tags);
        await Walidata().PostAsJsonAsync($"{Datasets}/{id}/verification", AllMet).ShouldBe(HttpStatusCode.OK);
        return await Ok(Walidata().PostAsync($"{Datasets}/{id}/publication", null));
    }

    protected async Task<Guid> SubmittedAsync(string opd, string title = "Data", string accessLevel = "terbuka", string[]? tags = null)
    {
        var produsen = Operator(opd);
        var id = Id(await Created(produsen, Datasets, Body(opd, title, accessLevel, tags)));
        await produsen.PostAsJsonAsync($"{Datasets}/{id}/submission", new { note = "mohon diperiksa" }).ShouldBe(HttpStatusCode.OK);
        return id;
    }
}
