using Npgsql;

namespace SpbeOps.Knowledge.Api.Process;

/// <summary>One step of the KM process for an OPD: how many records show it, and whether the OPD performs it.</summary>
public sealed record ProcessStep(string Step, int Records, bool Performed, string Evidence);

public sealed record OpdProcess(string Opd, IReadOnlyList<ProcessStep> Steps, int StepsPerformed);

/// <summary>
/// The KM process of the technical guidance (pengumpulan, pengolahan, penyimpanan, penggunaan, alih pengetahuan) as
/// the records show it, per OPD. Every step is read from the records, never declared:
/// pengumpulan = articles drafted or captured (not archived); pengolahan = articles that reached review or
/// publication; penyimpanan = published articles; penggunaan = knowledge-transfer sessions that used an article, and
/// published articles linked to an application or asset; alih pengetahuan = sessions held (not cancelled).
/// Two grouped queries, whatever the number of articles.
/// </summary>
public static class KmProcessApi
{
    public const string Route = "/api/knowledge/process";

    public static RouteGroupBuilder MapKmProcessApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Route).WithTags("Process").RequireAuthorization(SpbePolicies.Member);
        api.MapGet("/", Get).WithName("GetKmProcess")
            .WithSummary("Langkah proses manajemen pengetahuan per perangkat daerah / The KM process steps each OPD performs (?opd=)");
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<OpdProcess>>, ValidationProblem>> Get(IQuerySession session, string? opd, CancellationToken ct)
    {
        if (new FieldErrors().Opd("opd", opd, required: false) is { Any: true } errors) return errors.ToProblem();
        var articles = session.DocumentStore.Options.FindOrResolveDocumentType(typeof(Article)).TableName.QualifiedName;
        var transfers = session.DocumentStore.Options.FindOrResolveDocumentType(typeof(KnowledgeTransfer)).TableName.QualifiedName;
        await using var connection = session.DocumentStore.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"""
            SELECT d.data ->> 'Opd',
                   count(*) FILTER (WHERE d.data ->> 'Status' <> '{ArticleStatus.Diarsipkan}'),
                   count(*) FILTER (WHERE d.data ->> 'Status' IN ('{ArticleStatus.Reviu}', '{ArticleStatus.Terbit}')),
                   count(*) FILTER (WHERE d.data ->> 'Status' = '{ArticleStatus.Terbit}'),
                   count(*) FILTER (WHERE d.data ->> 'Status' = '{ArticleStatus.Terbit}' AND jsonb_array_length(coalesce(d.data -> 'RelatedAssets', '[]')) > 0),
                   0::bigint, 0::bigint
            FROM {articles} d WHERE d.tenant_id = $1 AND ($2::text IS NULL OR d.data ->> 'Opd' = $2) GROUP BY 1
            UNION ALL
            SELECT t.data ->> 'Opd', 0, 0, 0, 0,
                   count(*) FILTER (WHERE jsonb_array_length(coalesce(t.data -> 'Articles', '[]')) > 0),
                   count(*)
            FROM {transfers} t
            WHERE t.tenant_id = $1 AND NOT coalesce(CAST(t.data ->> 'Cancelled' AS boolean), false) AND ($2::text IS NULL OR t.data ->> 'Opd' = $2)
            GROUP BY 1
            """, connection)
        {
            Parameters =
            {
                new() { Value = session.TenantId },
                new() { Value = (object?)opd ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text },
            },
        };
        var counts = new Dictionary<string, long[]>(StringComparer.OrdinalIgnoreCase);
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var row = counts.TryGetValue(reader.GetString(0), out var r) ? r : counts[reader.GetString(0)] = new long[6];
                for (var i = 0; i < 6; i++) row[i] += reader.GetInt64(i + 1);
            }
        }
        return TypedResults.Ok<IReadOnlyList<OpdProcess>>([.. counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => Of(c.Key, c.Value))]);
    }

    public static OpdProcess Of(string opd, long[] c)
    {
        ProcessStep Step(string step, long n, string evidence) => new(step, (int)n, n > 0, evidence);
        var steps = new[]
        {
            Step("pengumpulan", c[0], "artikel dikumpulkan (draf/tangkapan) / articles collected"),
            Step("pengolahan", c[1], "artikel direviu atau terbit / articles reviewed or published"),
            Step("penyimpanan", c[2], "artikel terbit di basis pengetahuan / articles published in the knowledge base"),
            Step("penggunaan", c[3] + c[4], "artikel terbit terkait aplikasi/aset dan sesi yang memakai artikel / published articles linked to applications or assets, sessions that used articles"),
            Step("alih-pengetahuan", c[5], "sesi alih pengetahuan / knowledge-transfer sessions held"),
        };
        return new OpdProcess(opd, steps, steps.Count(s => s.Performed));
    }
}
