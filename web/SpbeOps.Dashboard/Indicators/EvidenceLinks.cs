namespace SpbeOps.Dashboard.Indicators;

/// <summary>
/// Where a deciding record lives: a relative gateway path into its owning service (the gateway and that service
/// decide whether the user may read it). Evidence that is not one record (a count, a missing item) has no link.
/// </summary>
public static class EvidenceLinks
{
    private static readonly (string Kind, string Path)[] Services =
    [
        ("asset", "/api/assets/"),
        ("risk", "/api/risks/"),
        ("change", "/api/changes/"),
        ("ticket", "/api/tickets/"),
        ("service-operation", "/api/services/"),
    ];

    public static string? For(Api.Evidence evidence)
    {
        if (!Guid.TryParse(evidence.Id, out var id) || evidence.Kind.EndsWith(".missing", StringComparison.Ordinal)) return null;
        var kind = evidence.Kind.Split('.')[0];
        return Services.FirstOrDefault(s => s.Kind == kind).Path is { } path ? path + id : null;
    }
}
