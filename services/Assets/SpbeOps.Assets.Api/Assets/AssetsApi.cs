using Marten;
using Marten.Pagination;
using Microsoft.AspNetCore.Http.HttpResults;
using SpbeOps.Messaging;
using SpbeOps.ServiceDefaults;
using SpbeOps.ServiceDefaults.Auth;
using SpbeOps.ServiceDefaults.Problems;

namespace SpbeOps.Assets.Api.Assets;

/// <summary>
/// The ICT asset and application register of each perangkat daerah. An OPD operator registers and moves its own
/// OPD's assets; Diskominfo works on all; security officers, walidata and auditors read.
/// </summary>
public static class AssetsApi
{
    private const string What = "Aset / Asset";

    public static RouteGroupBuilder MapAssetsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/assets").WithTags("Assets").RequireAuthorization(SpbePolicies.Member);

        api.MapGet("/", List).WithName("ListAssets").WithSummary("Daftar aset dengan filter dan halaman / List assets with filters and paging");
        api.MapGet("/export", Export).WithName("ExportAssets")
            .WithSummary("Unduh register aset TIK (XLSX) / Download the ICT asset register as XLSX");
        api.MapPost("/import", Import).WithName("ImportAssets")
            .WithSummary("Impor register aset dari XLSX (semua baris atau tidak sama sekali) / Import assets from XLSX, all rows or none");
        api.MapGet("/{id:guid}", Get).WithName("GetAsset").WithSummary("Satu aset / One asset");
        api.MapGet("/{id:guid}/history", History).WithName("GetAssetHistory").WithSummary("Riwayat aset dari event-nya / An asset's history, from its events");
        api.MapPost("/", Register).WithName("RegisterAsset").WithSummary("Daftarkan aset atau aplikasi / Register an asset or application");
        api.MapPut("/{id:guid}", Update).WithName("UpdateAsset").WithSummary("Perbarui data aset / Update an asset's details");
        api.MapPost("/{id:guid}/transitions", Transition).WithName("TransitionAsset")
            .WithSummary("Pindahkan tahap siklus hidup / Move the asset to its next lifecycle stage");
        return api;
    }

    public static async Task<Results<Ok<AssetPage>, ValidationProblem>> List(
        HttpContext http, IQuerySession session, string? opd, string? kind, string? stage, string? q,
        int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .OneOf("kind", kind, AssetVocabulary.Kinds, required: false)
            .OneOf("stage", stage, AssetVocabulary.Stages, required: false)
            .Range("page", page, 1, int.MaxValue, required: false)
            .Range("pageSize", pageSize, 1, 200, required: false);
        if (errors.Any) return errors.ToProblem();

        var caller = new Caller(http.User);
        var scope = caller.ScopeFilter(opd);
        var query = session.Query<Asset>().AsQueryable();
        if (scope is not null) query = query.Where(a => a.Opd == scope);
        if (kind is not null) query = query.Where(a => a.Kind == kind);
        if (stage is not null) query = query.Where(a => a.Stage == stage);
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(a => a.Name.Contains(q, StringComparison.OrdinalIgnoreCase));

        var (number, size) = (page ?? 1, pageSize ?? 50);
        var items = await query.OrderBy(a => a.Opd).ThenBy(a => a.Name).ToPagedListAsync(number, size, ct);
        return TypedResults.Ok(new AssetPage(items.ToList(), number, size, items.TotalItemCount));
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> Export(
        HttpContext http, IQuerySession session, string? opd, string? kind, string? stage, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .OneOf("kind", kind, AssetVocabulary.Kinds, required: false)
            .OneOf("stage", stage, AssetVocabulary.Stages, required: false);
        if (errors.Any) return errors.ToProblem();

        var scope = new Caller(http.User).ScopeFilter(opd);
        var query = session.Query<Asset>().AsQueryable();
        if (scope is not null) query = query.Where(a => a.Opd == scope);
        if (kind is not null) query = query.Where(a => a.Kind == kind);
        if (stage is not null) query = query.Where(a => a.Stage == stage);
        var assets = await query.OrderBy(a => a.Opd).ThenBy(a => a.Name).ToListAsync(ct);
        return TypedResults.File(AssetWorkbook.Write(assets), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"register-aset-tik{(scope is null ? "" : "-" + scope)}-{DateTime.UtcNow:yyyy-MM-dd}.xlsx");
    }

    public static async Task<Results<Ok<AssetImportResult>, ValidationProblem, ProblemHttpResult>> Import(
        HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        using var upload = new MemoryStream();
        if (await Uploads.ReadFileAsync(http.Request, upload, ct) is { } uploadError) return uploadError;
        IReadOnlyList<AssetWorkbook.Row> rows;
        try
        {
            rows = AssetWorkbook.Read(upload);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new FieldErrors().Add("file", "bukan berkas XLSX yang dapat dibaca / not a readable XLSX file").ToProblem();
        }

        var ids = rows.Select(r => Guid.TryParse(r["id"], out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToArray();
        var existing = ids.Length == 0 ? new Dictionary<Guid, Asset>() : (await session.LoadManyAsync<Asset>(ct, ids)).ToDictionary(a => a.Id);
        switch (AssetImport.Decide(rows, existing, new Caller(http.User), clock.GetUtcNow()))
        {
            case AssetImport.Rejected rejected:
                return rejected.Errors.ToProblem();
            case AssetImport.Accepted accepted:
                foreach (var (_, asset, change) in accepted.Changes)
                {
                    switch (change)
                    {
                        case AssetRegistered:
                            session.Store(asset);
                            session.Events.StartStream<Asset>(asset.Id, change);
                            break;
                        case AssetDetailsUpdated:
                            session.Store(asset);
                            session.Events.Append(asset.Id, asset.Version, change);
                            break;
                    }
                }
                // One transaction for the whole file: all rows or none.
                return await session.TrySaveChangesAsync(ct) is { } conflict ? conflict : TypedResults.Ok(accepted.Result);
            default:
                throw new InvalidOperationException("Unknown import outcome.");
        }
    }

    public static async Task<Results<Ok<Asset>, ProblemHttpResult>> Get(Guid id, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        var asset = await session.LoadAsync<Asset>(id, ct);
        // An asset of another OPD is reported as absent: its existence is not the operator's business.
        return asset is null || !new Caller(http.User).CanRead(asset.Opd) ? Problem.NotFound(What, id) : TypedResults.Ok(asset);
    }

    public static async Task<Results<Ok<IReadOnlyList<HistoryEntry<Asset>>>, ProblemHttpResult>> History(
        Guid id, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        var asset = await session.LoadAsync<Asset>(id, ct);
        if (asset is null || !new Caller(http.User).CanRead(asset.Opd)) return Problem.NotFound(What, id);

        var entries = await StreamHistory.ReadAsync(session, id, e => e.Data switch
        {
            AssetRegistered r => new HistoryEntry<Asset>(e.Version, $"didaftarkan pada tahap {r.Asset.Stage} / registered at {r.Asset.Stage}", r.At, r.Actor, null, r.Asset),
            AssetDetailsUpdated u => new HistoryEntry<Asset>(e.Version, "data diperbarui / details updated", u.At, u.Actor, null, u.Asset),
            AssetTransitioned t => new HistoryEntry<Asset>(e.Version, $"{t.From} → {t.To} ({t.On:yyyy-MM-dd})", t.At, t.Actor, t.Note, t.Asset),
            _ => null,
        }, ct);
        return TypedResults.Ok(entries);
    }

    public static async Task<Results<Created<Asset>, ValidationProblem, ProblemHttpResult>> Register(
        AssetRequest request, HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var errors = AssetDecider.Validate(request, registering: true, DateOnly.FromDateTime(now.UtcDateTime));
        if (errors.Any) return errors.ToProblem();

        var caller = new Caller(http.User);
        if (!caller.CanWrite(request.Opd!)) return ForbiddenFor(request.Opd!);

        var asset = AssetDecider.Register(Guid.CreateVersion7(), request, caller.Actor, now);
        session.Store(asset);
        session.Events.StartStream<Asset>(asset.Id, new AssetRegistered(asset, caller.Actor, now));
        await session.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/assets/{asset.Id}", asset);
    }

    public static async Task<Results<Ok<Asset>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, AssetRequest request, HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var caller = new Caller(http.User);
        var current = await session.LoadAsync<Asset>(id, ct);
        if (current is null || !caller.CanRead(current.Opd)) return Problem.NotFound(What, id);

        var now = clock.GetUtcNow();
        var errors = AssetDecider.Validate(request, registering: false, DateOnly.FromDateTime(now.UtcDateTime));
        if (request.Kind is not null && request.Kind != current.Kind)
            errors.Add("kind", $"jenis aset tidak dapat diubah (tetap '{current.Kind}') / an asset's kind cannot change (it is '{current.Kind}')");
        if (errors.Any) return errors.ToProblem();
        if (!caller.CanWrite(current.Opd)) return ForbiddenFor(current.Opd);
        // Moving an asset to another OPD (mutasi) is Diskominfo's decision, not an operator's.
        if (request.Opd != current.Opd && !caller.IsAdmin) return ForbiddenFor(request.Opd!);
        if (current.Stage == AssetVocabulary.Penghapusan)
            return Problem.Conflict("Aset yang sudah dihapus tidak dapat diubah / A disposed asset cannot be changed.", "disposed-is-final");

        var asset = AssetDecider.Update(current, request, caller.Actor, now);
        return await Save(session, asset, new AssetDetailsUpdated(asset, caller.Actor, now), ct);
    }

    public static async Task<Results<Ok<Asset>, ValidationProblem, ProblemHttpResult>> Transition(
        Guid id, TransitionRequest request, HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var caller = new Caller(http.User);
        var current = await session.LoadAsync<Asset>(id, ct);
        if (current is null || !caller.CanRead(current.Opd)) return Problem.NotFound(What, id);
        if (!caller.CanWrite(current.Opd)) return ForbiddenFor(current.Opd);

        return AssetDecider.Transition(current, request, caller.Actor, clock.GetUtcNow()) switch
        {
            AssetDecider.Invalid invalid => invalid.Errors.ToProblem(),
            AssetDecider.NotAllowed notAllowed => Problem.Conflict(notAllowed.Detail, "lifecycle-order", "to"),
            AssetDecider.Transitioned done => await Save(session, done.Asset, done.Event, ct),
            _ => throw new InvalidOperationException("Unknown transition outcome."),
        };
    }

    private static async Task<Results<Ok<Asset>, ValidationProblem, ProblemHttpResult>> Save(
        IDocumentSession session, Asset asset, object change, CancellationToken ct)
    {
        session.Store(asset);
        // Expected version = the stream's version after this append: a concurrent writer makes the save fail.
        session.Events.Append(asset.Id, asset.Version, change);
        return await session.TrySaveChangesAsync(ct) is { } conflict ? conflict : TypedResults.Ok(asset);
    }

    private static ProblemHttpResult ForbiddenFor(string opd) =>
        Problem.Forbidden($"Anda tidak berwenang atas aset perangkat daerah '{opd}' / You may not change assets of perangkat daerah '{opd}'.");
}
