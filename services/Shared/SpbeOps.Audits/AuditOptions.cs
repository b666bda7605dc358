namespace SpbeOps.Audits;

/// <summary>What one service's audit engagements may be about (docs/architecture.md decision 8, for audits).</summary>
/// <param name="RoutePrefix">e.g. <c>api/security/audits</c></param>
/// <param name="Subjects">per indicator, its hal pokok teknis: what an audit of that indicator covers</param>
public sealed record AuditOptions(string RoutePrefix, IReadOnlyDictionary<int, IReadOnlyList<string>> Subjects)
{
    public IReadOnlyCollection<int> Indicators => Subjects.Keys.ToArray();
}

/// <summary>How a service checks the assets and applications an audit names as its targets (422 on an unknown id).</summary>
public interface IAuditTargets
{
    Task<Rejection?> UnknownAsync(IQuerySession session, IReadOnlyList<Guid>? ids, string field, CancellationToken ct);
}

public static class AuditExtensions
{
    /// <summary>Stores this service's audit engagements in its own schema and publishes them like any other record.</summary>
    public static IHostApplicationBuilder AddAudits<TTargets>(this IHostApplicationBuilder builder, AuditOptions options)
        where TTargets : class, IAuditTargets
    {
        builder.Services.AddSingleton(options);
        builder.Services.AddScoped<IAuditTargets, TTargets>();
        builder.AddRecord<AuditEngagement>(schema => schema.Index(a => a.Indicator).Index(a => a.PlannedStart));
        return builder;
    }
}
