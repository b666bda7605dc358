using Npgsql;

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

    /// <summary>
    /// Prioritas risiko is relative to the whole register of the OPD and year, so it is computed when read: one SQL
    /// query ranks the registers the items belong to (window function, nothing but ids and ranks leaves PostgreSQL),
    /// in the order of <see cref="RiskDecider.Priorities"/> (besaran, impact descending, code in ordinal order).
    /// Loading every register's documents instead cost 20 ms per register on a page (issue 8).
    /// </summary>
    public static async Task FillPriorities(IQuerySession session, IReadOnlyList<RegisteredRisk> items, CancellationToken ct)
    {
        if (items.Count == 0) return;
        var registers = items.Select(r => (r.Opd, r.PeriodYear)).Distinct().ToArray();
        var table = session.DocumentStore.Options.FindOrResolveDocumentType(typeof(RegisteredRisk)).TableName.QualifiedName;
        await using var connection = session.DocumentStore.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"""
            SELECT ranked.id, ranked.rank FROM (
              SELECT d.id, row_number() OVER (
                       PARTITION BY d.data ->> 'Opd', d.data ->> 'PeriodYear'
                       ORDER BY CAST(d.data ->> 'Besaran' AS integer) DESC, CAST(d.data ->> 'ImpactLevel' AS integer) DESC,
                                d.data ->> 'Code' COLLATE "C") AS rank
              FROM {table} d
              WHERE d.tenant_id = $1
                AND NOT coalesce(CAST(d.data ->> 'Withdrawn' AS boolean), false)
                AND (d.data ->> 'Opd', CAST(d.data ->> 'PeriodYear' AS integer)) IN (SELECT * FROM unnest($2::text[], $3::integer[]))
            ) ranked
            WHERE ranked.id = ANY($4)
            """, connection)
        {
            Parameters =
            {
                new() { Value = session.TenantId },
                new() { Value = registers.Select(r => r.Opd).ToArray() },
                new() { Value = registers.Select(r => r.PeriodYear).ToArray() },
                new() { Value = items.Select(r => r.Id).ToArray() },
            },
        };
        var ranks = new Dictionary<Guid, int>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) ranks[reader.GetGuid(0)] = (int)reader.GetInt64(1);
        foreach (var r in items) r.Priority = ranks.TryGetValue(r.Id, out var p) ? p : null;
    }
}
