namespace SpbeOps.Knowledge.Api.Examples;

/// <summary>
/// EXAMPLE: the examples of each perangkat daerah. An OPD operator writes its own OPD's, Diskominfo every OPD's; every
/// role reads (an operator only its OPD's: another OPD's record is 404); an auditor never writes (403).
/// </summary>
public static class ExamplesApi
{
    public const string Route = "/api/knowledge";

    public static RouteGroupBuilder MapExamplesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapRecordGroup(Route, "Examples");
        api.MapGet("/", List).WithName("ListExamples").WithSummary("Daftar contoh / List examples (?opd=)");
        api.MapRecordReads<Example>("Example");
        api.MapPost("/", (ExampleRequest request, RecordWriter records, CancellationToken ct) =>
                records.CreateAsync(ExampleDecider.Create(Guid.CreateVersion7(), request), Route, ct))
            .WithName("CreateExample").WithSummary("Buat contoh / Create an example");
        api.MapPut("/{id:guid}", (Guid id, ExampleRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<Example>(id, current => ExampleDecider.Update(current, request), ct))
            .WithName("UpdateExample").WithSummary("Perbarui contoh / Update an example");
        api.MapPost("/{id:guid}/withdrawal", (Guid id, WithdrawalRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<Example>(id, current => ExampleDecider.Withdraw(current, request), ct))
            .WithName("WithdrawExample").WithSummary("Cabut contoh (akhir) / Withdraw an example (final)");
        return api;
    }

    /// <summary>An OPD operator gets its own OPD's examples whatever <paramref name="opd"/> asks for.</summary>
    public static async Task<Ok<IReadOnlyList<Example>>> List(Caller caller, IQuerySession session, string? opd, CancellationToken ct)
    {
        var query = session.Query<Example>().AsQueryable();
        if (caller.ScopeFilter(opd) is { } scope) query = query.Where(e => e.Opd == scope);
        return TypedResults.Ok(await query.OrderBy(e => e.Opd).ThenBy(e => e.Title).ToListAsync(ct));
    }
}
