namespace SpbeOps.Assets.Tests.Functional;

internal static class AssetRequests
{
    public static object Laptop(string opd, string? stage = null) => new
    {
        opd,
        kind = "hardware",
        name = "Laptop Bidang E-Government",
        manufacturer = "Lenovo",
        serialNumber = "PF-" + Guid.NewGuid().ToString("N")[..8],
        stage,
    };

    public static object Application(string opd, string name = "SIMPEG") => new
    {
        opd,
        kind = "application",
        name,
        application = new { type = "aplikasi-khusus", platform = "web", hosting = "pusat-data-daerah", status = "aktif", url = "https://simpeg.pangkalpinangkota.go.id", legalBasis = "Perwako 12/2022" },
        stage = "pemanfaatan",
        stageSince = "2024-01-15",
    };
}
