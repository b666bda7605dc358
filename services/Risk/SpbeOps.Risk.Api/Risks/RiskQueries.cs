namespace SpbeOps.Risk.Api.Risks;

/// <summary>What the register's features look up before a decider decides: the context, the known assets, the codes.</summary>
public static class RiskQueries
{
    public static Task<RiskContext?> ContextOf(IQuerySession session, string opd, int year, CancellationToken ct) =>
        session.Query<RiskContext>().FirstOrDefaultAsync(c => c.Opd == opd && c.PeriodYear == year, ct);

    public static async Task<RiskContext> ContextOf(IQuerySession session, Guid contextId, CancellationToken ct) =>
        await session.LoadAsync<RiskContext>(contextId, ct)
        ?? throw new InvalidOperationException($"A record refers to a missing risk context {contextId}.");

    public static Rejection NoContext(string opd, int year) => new Rejection.BreaksRule(
        $"Konteks risiko {opd} tahun {year} belum ditetapkan; tetapkan dahulu (POST /api/risks/contexts) / No risk context for {opd} in {year}; set it first.",
        "context-required", "periodYear");

    /// <summary>Asset ids must be known from the Assets service's events (422 naming the first unknown one).</summary>
    public static async Task<Rejection?> UnknownAsset(IQuerySession session, IReadOnlyList<Guid>? ids, CancellationToken ct)
    {
        if (ids is not { Count: > 0 }) return null;
        var known = (await session.LoadManyAsync<KnownAsset>(ct, ids.Distinct().ToArray())).Select(a => a.Id).ToHashSet();
        for (var i = 0; i < ids.Count; i++)
            if (!known.Contains(ids[i]))
                return new Rejection.BreaksRule(
                    $"Aset/aplikasi '{ids[i]}' tidak dikenal (belum terdaftar di layanan Aset) / Asset or application '{ids[i]}' is not known (not registered in the Assets service).",
                    "known-asset", $"assetIds[{i}]");
        return null;
    }

    public static Task<IReadOnlyList<string>> CodesOf(IQuerySession session, string opd, int year, CancellationToken ct) =>
        session.Query<RegisteredRisk>().Where(r => r.Opd == opd && r.PeriodYear == year).Select(r => r.Code).ToListAsync(ct);

    public static Rejection DuplicateCode(string code) => new Rejection.Conflict(DuplicateCodeText(code), "unique-risk-code", "code");

    public static string DuplicateCodeText(string code) =>
        $"Kode risiko '{code}' sudah dipakai pada register ini / Risk code '{code}' is already used in this register.";

    /// <summary>The register of an OPD and year (withdrawn risks too when asked).</summary>
    public static async Task<IReadOnlyList<RegisteredRisk>> RegisterOf(IQuerySession session, string opd, int year, bool withWithdrawn, CancellationToken ct) =>
        await session.Query<RegisteredRisk>().Where(r => r.Opd == opd && r.PeriodYear == year && (withWithdrawn || !r.Withdrawn)).ToListAsync(ct);

    /// <summary>Prioritas risiko is relative to the whole register of the OPD and year, so it is computed when read.</summary>
    public static async Task FillPriorities(IQuerySession session, IReadOnlyList<RegisteredRisk> items, CancellationToken ct)
    {
        foreach (var group in items.GroupBy(r => (r.Opd, r.PeriodYear)))
        {
            var priorities = RiskDecider.Priorities(await RegisterOf(session, group.Key.Opd, group.Key.PeriodYear, withWithdrawn: false, ct));
            foreach (var r in group) r.Priority = priorities.TryGetValue(r.Id, out var p) ? p : null;
        }
    }
}
