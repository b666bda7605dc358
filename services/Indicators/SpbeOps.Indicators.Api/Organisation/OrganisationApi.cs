namespace SpbeOps.Indicators.Api.Organisation;

public sealed record PerangkatDaerahRequest(string? Code, string? Name);

/// <param name="UnlistedOpd">codes used by records but missing from the list (their records count for no OPD)</param>
public sealed record OrganisationView(
    string Name, string? IctUnitOpd, IReadOnlyList<PerangkatDaerah> PerangkatDaerah, IReadOnlyList<string> UnlistedOpd,
    string UpdatedBy, DateTimeOffset UpdatedAt)
{
    public static OrganisationView Of(OrganisationProfile p, FactSet facts) =>
        new(p.Name, p.IctUnitOpd, p.PerangkatDaerah, facts.UnlistedOpd(), p.UpdatedBy, p.UpdatedAt);
}

public sealed record OrganisationRequest(string? Name, string? IctUnitOpd, IReadOnlyList<PerangkatDaerahRequest>? PerangkatDaerah);

/// <summary>The instansi's perangkat daerah list: the denominator of every "seluruh unit kerja" criterion.</summary>
public static class OrganisationApi
{
    public const int MaxPerangkatDaerah = 500;

    public static RouteGroupBuilder MapOrganisationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/maturity/organisation").WithTags("Organisation").RequireAuthorization(SpbePolicies.Member);
        api.MapGet("/", Get).WithName("GetOrganisation").WithSummary("Profil instansi dan daftar perangkat daerah / The instansi and its perangkat daerah");
        api.MapPut("/", Put).WithName("PutOrganisation").RequireAuthorization(SpbePolicies.DiskominfoAdmin)
            .WithSummary("Tetapkan daftar perangkat daerah / Set the perangkat daerah list (Diskominfo)");
        return api;
    }

    public static async Task<Results<Ok<OrganisationView>, ProblemHttpResult>> Get(Caller caller, IQuerySession session, CancellationToken ct)
    {
        var facts = await FactSet.LoadAsync(session, ct);
        var profile = facts.Organisation;
        return profile is null
            ? TypedResults.Problem(statusCode: 404, title: "Belum diatur / Not set yet",
                detail: $"Daftar perangkat daerah instansi '{caller.Instansi}' belum ditetapkan / The perangkat daerah list has not been set.")
            : TypedResults.Ok(OrganisationView.Of(profile, facts));
    }

    public static async Task<Results<Ok<OrganisationView>, ValidationProblem>> Put(
        OrganisationRequest request, Caller caller, IDocumentStore store, MaturityEngine engine, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors().Required("name", request.Name, 200);
        var list = request.PerangkatDaerah ?? [];
        if (list.Count == 0) errors.Add("perangkatDaerah", "sebutkan minimal satu perangkat daerah / list at least one perangkat daerah");
        // A province lists a few hundred units at most (dinas, badan, kecamatan…).
        if (errors.Count("perangkatDaerah", list, MaxPerangkatDaerah)) list = [];
        var seen = new HashSet<string>();
        for (var i = 0; i < list.Count; i++)
        {
            var field = $"perangkatDaerah[{i}]";
            if (list[i] is not { } unit)
            {
                errors.Add(field, "wajib diisi / is required");
                continue;
            }
            if (!PerangkatDaerahCode.IsValid(unit.Code)) errors.Opd($"{field}.code", unit.Code);
            else if (!seen.Add(unit.Code!)) errors.Add($"{field}.code", $"'{unit.Code}' tercantum dua kali / is listed twice");
            errors.Required($"{field}.name", unit.Name, 300);
        }
        if (request.IctUnitOpd is not null && !PerangkatDaerahCode.IsValid(request.IctUnitOpd)) errors.Opd("ictUnitOpd", request.IctUnitOpd);
        else if (request.IctUnitOpd is not null && !seen.Contains(request.IctUnitOpd))
            errors.Add("ictUnitOpd", "harus salah satu kode dalam daftar / must be one of the listed codes");
        if (errors.Any) return errors.ToProblem();

        var profile = new OrganisationProfile
        {
            Name = request.Name!.Trim(),
            IctUnitOpd = request.IctUnitOpd,
            PerangkatDaerah = [.. list.Select(p => new PerangkatDaerah(p.Code!, p.Name!.Trim()))],
            UpdatedBy = caller.Actor,
            UpdatedAt = clock.GetUtcNow(),
        };
        // The list is the denominator of coverage criteria: every computed level may move with it. Facts arriving at
        // the same moment recalculate the same levels, so a clash retries with fresh state (then 409).
        var facts = await store.RetryOnConflictAsync(caller.Instansi, async session =>
        {
            session.Store(profile);
            session.Store(new KnownTenant { Id = caller.Instansi, LastFactAt = clock.GetUtcNow() });
            var facts = (await FactSet.LoadAsync(session, ct)).With(profile);
            await engine.RecalculateAsync(session, facts, engine.ComputedIndicators.Select(i => i.Number),
                "daftar perangkat daerah ditetapkan / perangkat daerah list set", ct);
            await session.SaveChangesAsync(ct);
            return facts;
        }, ct);
        return TypedResults.Ok(OrganisationView.Of(profile, facts));
    }
}
