namespace SpbeOps.ServiceManagement.Api.Catalogue;

/// <summary>
/// The service catalogue: an OPD operator keeps its own OPD's services and their operational records, Diskominfo
/// every OPD's; every role reads (an operator only its own OPD's); the auditor never writes.
/// </summary>
public static class ServicesApi
{
    public const string Route = "/api/services";

    public const string CodeTaken = "Kode layanan sudah dipakai / The service code is already used.";

    public static RouteGroupBuilder MapServicesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapRecordGroup(Route, "Services");
        api.MapGet("/", List).WithName("ListServices").WithSummary("Katalog layanan SPBE / The service catalogue (?opd=&status=&operated=)");
        api.MapRecordReads<ServiceEntry>("Service");
        api.MapPost("/", Register).WithName("RegisterService").WithSummary("Daftarkan layanan / Register a service");
        api.MapPut("/{id:guid}", (Guid id, ServiceRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<ServiceEntry>(id, async s =>
                    await UnknownAssetsAsync(records.Session, request.Assets, ct) is { } unknown ? unknown : ServiceDecider.Update(s, request), ct, CodeTaken))
            .WithName("UpdateService").WithSummary("Perbarui layanan / Update a service");
        api.MapPost("/{id:guid}/operations", (Guid id, OperationRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<ServiceEntry>(id, s => ServiceDecider.RecordOperation(s, request, records.Caller.Actor, records.Today), ct))
            .WithName("RecordServiceOperation")
            .WithSummary("Catatan operasional: pemeliharaan terencana, insiden ketersediaan, reviu kapasitas / An operational record");
        api.MapPost("/{id:guid}/retirement", (Guid id, RetireRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<ServiceEntry>(id, s => ServiceDecider.Retire(s, request), ct))
            .WithName("RetireService").WithSummary("Hentikan layanan (akhir) / Retire a service (final)");
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<ServiceEntry>>, ValidationProblem>> List(
        Caller caller, IQuerySession session, string? opd, string? status, bool? operated, CancellationToken ct)
    {
        var errors = new FieldErrors().Opd("opd", opd, required: false)
            .OneOf("status", status, [ServiceDeskVocabulary.Aktif, ServiceDeskVocabulary.Dihentikan], required: false);
        if (errors.Any) return errors.ToProblem();
        var query = session.Query<ServiceEntry>().AsQueryable();
        if (caller.ScopeFilter(opd) is { } scope) query = query.Where(s => s.Opd == scope);
        if (status is not null) query = query.Where(s => s.Status == status);
        if (operated is true) query = query.Where(s => s.OperationCount > 0);
        if (operated is false) query = query.Where(s => s.OperationCount == 0);
        return TypedResults.Ok<IReadOnlyList<ServiceEntry>>(await query.OrderBy(s => s.Opd).ThenBy(s => s.Name).Take(1000).ToListAsync(ct));
    }

    public static async Task<Results<Created<ServiceEntry>, ValidationProblem, ProblemHttpResult>> Register(
        ServiceRequest request, RecordWriter records, CancellationToken ct)
    {
        if (PerangkatDaerahCode.IsValid(request.Opd) && records.RefusesOpd<ServiceEntry>(request.Opd!) is { } refused) return refused.ToProblem();
        if (await UnknownAssetsAsync(records.Session, request.Assets, ct) is { } unknown) return unknown.ToProblem();
        return await records.CreateAsync(ServiceDecider.Register(Guid.CreateVersion7(), request), Route, ct, CodeTaken);
    }

    /// <summary>422 when the service names assets or applications the Assets service has not told about.</summary>
    public static async Task<Rejection?> UnknownAssetsAsync(IQuerySession session, IReadOnlyList<Guid>? ids, CancellationToken ct)
    {
        if (ids is null || ids.Count == 0 || ids.Count > 100) return null;
        var found = (await session.LoadManyAsync<KnownAsset>(ct, ids.Distinct())).Select(a => a.Id).ToHashSet();
        var missing = ids.Where(id => !found.Contains(id)).Distinct().ToList();
        return missing.Count == 0 ? null : new Rejection.BreaksRule($"Aset tidak dikenal / Unknown assets: {string.Join(", ", missing)}", "unknown-asset", "assets");
    }
}
