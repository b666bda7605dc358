using SpbeOps.Contracts.Assets;
using SpbeOps.Contracts.Governance;

namespace SpbeOps.Indicators.Tests.Functional;

/// <summary>Integration events as the Assets service publishes them.</summary>
internal static class Facts
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static AssetChangedIntegrationEvent Asset(string instansi, string opd, string stage = "pemanfaatan", Guid? id = null, long version = 1) =>
        new(instansi, id ?? Guid.NewGuid(), version, opd, "hardware", $"PC {opd}", stage, null, DateTimeOffset.UtcNow);

    public static GovernanceRecordChangedIntegrationEvent Record(
        string instansi, string type, int indicator = 24, string? kind = null, string? issuer = null, string? issuerOpd = null,
        IReadOnlyList<string>? covers = null, DateOnly? date = null, DateOnly? endDate = null, Guid? reviewId = null,
        string? status = null, DateOnly? completedOn = null, Guid? id = null, long version = 1, bool withdrawn = false,
        bool allOpd = true, IReadOnlyList<string>? scope = null) =>
        new(instansi, id ?? Guid.NewGuid(), version, indicator, type, $"{type} {kind}", kind, issuer, issuerOpd, allOpd, scope ?? [], covers ?? [],
            date ?? Today.AddDays(-10), endDate, type == "policy" ? date ?? Today.AddDays(-10) : null, null, reviewId, status, completedOn,
            withdrawn, DateTimeOffset.UtcNow);

    public static readonly string[] Lifecycle = ["perencanaan", "pengadaan", "pemanfaatan", "penghapusan"];
}
