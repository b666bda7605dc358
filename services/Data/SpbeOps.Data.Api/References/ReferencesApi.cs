namespace SpbeOps.Data.Api.References;

/// <summary>The kode referensi and data induk lists: the walidata keeps them, every role of the instansi reads them.</summary>
public static class ReferencesApi
{
    public const string Route = "/api/data/references";

    private const string CodeTaken = "Kode sudah dipakai pada daftar ini / The code is already used in this list.";

    public static RouteGroupBuilder MapReferencesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapRecordGroup(Route, "References");
        api.MapGet("/", List).WithName("ListReferences").WithSummary("Daftar kode referensi dan data induk / The reference lists (?kind=&q=)");
        api.MapRecordReads<ReferenceEntry>("Reference");
        api.MapPost("/", (ReferenceRequest request, RecordWriter records, CancellationToken ct) =>
                records.CreateAsync(ReferenceDecider.Enter(Guid.CreateVersion7(), request), Route, ct, CodeTaken))
            .WithName("EnterReference").WithSummary("Catat kode referensi atau data induk (walidata) / Enter a reference entry (walidata)");
        api.MapPut("/{id:guid}", (Guid id, ReferenceRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<ReferenceEntry>(id, current => ReferenceDecider.Update(current, request), ct, CodeTaken))
            .WithName("UpdateReference").WithSummary("Perbarui entri (walidata) / Update an entry (walidata)");
        api.MapPost("/{id:guid}/withdrawal", (Guid id, ReferenceWithdrawal request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<ReferenceEntry>(id, current => ReferenceDecider.Withdraw(current, request), ct))
            .WithName("WithdrawReference").WithSummary("Cabut entri (akhir) / Withdraw an entry (final)");
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<ReferenceEntry>>, ValidationProblem>> List(
        IQuerySession session, string? kind, string? q, bool? withdrawn, CancellationToken ct)
    {
        var errors = new FieldErrors().OneOf("kind", kind, ReferenceEntry.Kinds, required: false).MaxLength("q", q, 200);
        if (errors.Any) return errors.ToProblem();
        var showWithdrawn = withdrawn ?? false;
        var query = session.Query<ReferenceEntry>().Where(r => r.Withdrawn == showWithdrawn);
        if (kind is not null) query = query.Where(r => r.Kind == kind);
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(r => r.Name.Contains(q, StringComparison.OrdinalIgnoreCase) || r.Code.Contains(q, StringComparison.OrdinalIgnoreCase));
        return TypedResults.Ok<IReadOnlyList<ReferenceEntry>>(await query.OrderBy(r => r.Kind).ThenBy(r => r.Code).Take(1000).ToListAsync(ct));
    }
}
