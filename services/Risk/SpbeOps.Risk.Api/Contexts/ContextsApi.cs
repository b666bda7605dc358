using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using SpbeOps.Risk.Api.Approval;
using SpbeOps.Messaging;
using SpbeOps.Risk.Api.Risks;
using SpbeOps.ServiceDefaults.Auth;
using SpbeOps.ServiceDefaults.Problems;

namespace SpbeOps.Risk.Api.Contexts;

/// <summary>
/// The risk context of each UPR SPBE (perangkat daerah) per year, Formulir 2.1–2.10. An OPD operator sets its own
/// OPD's context; Diskominfo any; everyone else reads. Revising the matrix, bands or appetite re-derives every risk
/// of that OPD and year in the same transaction.
/// </summary>
public static class ContextsApi
{
    private const string What = "Konteks risiko / Risk context";

    public static RouteGroupBuilder MapContextsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/risks/contexts").WithTags("Risk contexts").RequireAuthorization(SpbePolicies.Member);

        api.MapGet("/", List).WithName("ListRiskContexts").WithSummary("Daftar konteks risiko / List risk contexts");
        api.MapGet("/defaults", Defaults).WithName("GetRiskContextDefaults")
            .WithSummary("Nilai bawaan PermenPANRB 5/2020 / The regulation's defaults (categories, areas, criteria, matrix, levels)");
        api.MapGet("/{id:guid}", Get).WithName("GetRiskContext").WithSummary("Satu konteks risiko / One risk context");
        api.MapGet("/{id:guid}/history", History).WithName("GetRiskContextHistory").WithSummary("Riwayat konteks / A context's history");
        api.MapPost("/", Define).WithName("DefineRiskContext").WithSummary("Tetapkan konteks risiko (Formulir 2.x) / Set a risk context");
        api.MapPut("/{id:guid}", Revise).WithName("ReviseRiskContext").WithSummary("Perbarui konteks risiko / Revise a risk context");
        api.MapPost("/{id:guid}/approval", Approve).WithName("StepRiskContextApproval")
            .WithSummary("Ajukan, verifikasi, setujui atau kembalikan / Submit, verify, approve or return the context");
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<RiskContext>>, ValidationProblem>> List(
        HttpContext http, IQuerySession session, string? opd, int? periodYear, CancellationToken ct)
    {
        var scope = new Caller(http.User).ScopeFilter(opd);
        var query = session.Query<RiskContext>().AsQueryable();
        if (scope is not null) query = query.Where(c => c.Opd == scope);
        if (periodYear is not null) query = query.Where(c => c.PeriodYear == periodYear);
        var items = await query.OrderBy(c => c.Opd).ThenByDescending(c => c.PeriodYear).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<RiskContext>>(items.ToList());
    }

    public static Ok<RiskContextDefaultsView> Defaults() => TypedResults.Ok(new RiskContextDefaultsView(
        RiskContextDefaults.Categories(), RiskContextDefaults.ImpactAreas(), RiskContextDefaults.Likelihood(), RiskContextDefaults.Impact(),
        RiskMatrix.Official(), RiskMatrix.OfficialBands(), RiskContextDefaults.ExampleAppetite(), RiskVocabulary.RiskTypes,
        RiskVocabulary.PositiveOptions, RiskVocabulary.NegativeOptions, RiskVocabulary.MonitoringKinds));

    public static async Task<Results<Ok<RiskContext>, ProblemHttpResult>> Get(Guid id, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        var ctx = await session.LoadAsync<RiskContext>(id, ct);
        return ctx is null || !new Caller(http.User).CanRead(ctx.Opd) ? Problem.NotFound(What, id) : TypedResults.Ok(ctx);
    }

    public static async Task<Results<Ok<IReadOnlyList<HistoryEntry<RiskContext>>>, ProblemHttpResult>> History(
        Guid id, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        var ctx = await session.LoadAsync<RiskContext>(id, ct);
        if (ctx is null || !new Caller(http.User).CanRead(ctx.Opd)) return Problem.NotFound(What, id);
        var entries = await StreamHistory.ReadAsync(session, id, e => e.Data switch
        {
            RiskContextDefined d => new HistoryEntry<RiskContext>(e.Version, "ditetapkan / defined", d.At, d.Actor, null, d.Context),
            RiskContextRevised r => new HistoryEntry<RiskContext>(e.Version, "diperbarui / revised", r.At, r.Actor, null, r.Context),
            RiskContextApprovalRecorded a => new HistoryEntry<RiskContext>(e.Version, $"{a.Step.Action}: {a.Step.From} → {a.Step.To} ({ApprovalFlow.RoleName(a.Step.Role)})", a.At, a.Actor, a.Step.Comment, a.Context),
            _ => null,
        }, ct);
        return TypedResults.Ok<IReadOnlyList<HistoryEntry<RiskContext>>>(entries);
    }

    public static async Task<Results<Created<RiskContext>, ValidationProblem, ProblemHttpResult>> Define(
        RiskContextRequest request, HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var caller = new Caller(http.User);
        var now = clock.GetUtcNow();
        var outcome = ContextDecider.Decide(Guid.CreateVersion7(), request, null, caller.Actor, now);
        if (outcome is ContextDecider.Invalid invalid) return invalid.Errors.ToProblem();
        var ctx = ((ContextDecider.Decided)outcome).Context;
        if (!caller.CanWrite(ctx.Opd)) return ForbiddenFor(ctx.Opd);

        if (await session.Query<RiskContext>().AnyAsync(c => c.Opd == ctx.Opd && c.PeriodYear == ctx.PeriodYear, ct))
            return Duplicate(ctx.Opd, ctx.PeriodYear);

        session.Store(ctx);
        session.Events.StartStream<RiskContext>(ctx.Id, new RiskContextDefined(ctx, caller.Actor, now));
        if (await session.TrySaveChangesAsync(ct, DuplicateText(ctx.Opd, ctx.PeriodYear)) is { } conflict) return conflict;
        return TypedResults.Created($"/api/risks/contexts/{ctx.Id}", ctx);
    }

    public static async Task<Results<Ok<RiskContext>, ValidationProblem, ProblemHttpResult>> Revise(
        Guid id, RiskContextRequest request, HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var caller = new Caller(http.User);
        var current = await session.LoadAsync<RiskContext>(id, ct);
        if (current is null || !caller.CanRead(current.Opd)) return Problem.NotFound(What, id);

        var now = clock.GetUtcNow();
        var outcome = ContextDecider.Decide(id, request, current, caller.Actor, now);
        if (outcome is ContextDecider.Invalid invalid) return invalid.Errors.ToProblem();
        var ctx = ((ContextDecider.Decided)outcome).Context;
        if (!caller.CanWrite(current.Opd)) return ForbiddenFor(current.Opd);
        if (!ApprovalFlow.IsEditable(current.ApprovalStatus)) return LockedInReview(current.ApprovalStatus);

        // The register follows its context: what a risk uses must stay, and what it derives is derived again.
        var risks = await session.Query<RegisteredRisk>()
            .Where(r => r.Opd == ctx.Opd && r.PeriodYear == ctx.PeriodYear && !r.Withdrawn)
            .ToListAsync(ct);
        if (InUse(ctx, risks) is { } inUse) return inUse;
        foreach (var risk in risks)
        {
            var recalculated = risk.Copy();
            if (!RiskDecider.Derive(recalculated, ctx)) continue;
            recalculated.Version = risk.Version + 1;
            recalculated.UpdatedAt = now;
            session.Store(recalculated);
            session.Events.Append(risk.Id, recalculated.Version, new RiskRecalculated(recalculated, ctx.Version, caller.Actor, now));
        }

        session.Store(ctx);
        session.Events.Append(ctx.Id, ctx.Version, new RiskContextRevised(ctx, caller.Actor, now));
        if (await session.TrySaveChangesAsync(ct, DuplicateText(ctx.Opd, ctx.PeriodYear)) is { } conflict) return conflict;
        return TypedResults.Ok(ctx);
    }

    public static async Task<Results<Ok<RiskContext>, ValidationProblem, ProblemHttpResult>> Approve(
        Guid id, ApprovalRequest request, HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var caller = new Caller(http.User);
        var current = await session.LoadAsync<RiskContext>(id, ct);
        if (current is null || !caller.CanRead(current.Opd)) return Problem.NotFound(What, id);
        if (!caller.CanWrite(current.Opd)) return ForbiddenFor(current.Opd);

        var now = clock.GetUtcNow();
        var ctx = current.Copy();
        // The context's own structure (Formulir 2.3) names who may move it.
        switch (ApprovalFlow.Step(ctx, request, ApprovalActor.From(http.User), caller.Actor, current.Structure, now))
        {
            case ApprovalFlow.StepInvalid i: return i.Errors.ToProblem();
            case ApprovalFlow.StepOutOfOrder o: return Problem.Conflict(o.Detail, "approval-order", "action");
            case ApprovalFlow.StepForbidden f: return Problem.Forbidden(f.Detail);
            case ApprovalFlow.Stepped s:
                if (request.Action == ApprovalFlow.Submit && !current.Complete)
                    return Problem.Unprocessable(
                        $"Konteks belum lengkap: {string.Join(", ", current.Missing)} / The context is incomplete: {string.Join(", ", current.Missing)}.",
                        "context-complete-before-submit", "missing");
                ctx.Version = current.Version + 1;
                ctx.UpdatedBy = caller.Actor;
                ctx.UpdatedAt = now;
                session.Store(ctx);
                session.Events.Append(ctx.Id, ctx.Version, new RiskContextApprovalRecorded(ctx, s.Step, caller.Actor, now));
                if (await session.TrySaveChangesAsync(ct, "") is { } conflict) return conflict;
                return TypedResults.Ok(ctx);
            default: throw new InvalidOperationException("Unknown approval outcome.");
        }
    }

    /// <summary>A revision may not take away what a risk of the register uses (409, naming the section).</summary>
    private static ProblemHttpResult? InUse(RiskContext ctx, IReadOnlyList<RegisteredRisk> risks)
    {
        foreach (var r in risks)
        {
            if (ctx.Categories.All(c => c.Code != r.Category))
                return Problem.Conflict($"Kategori '{r.Category}' dipakai risiko {r.Code} / Category '{r.Category}' is used by risk {r.Code}.", "in-use", "categories");
            if (ctx.ImpactAreas.All(a => a.Code != r.ImpactArea))
                return Problem.Conflict($"Area dampak '{r.ImpactArea}' dipakai risiko {r.Code} / Impact area '{r.ImpactArea}' is used by risk {r.Code}.", "in-use", "impactAreas");
            if (ctx.AppetiteFor(r.Category, r.RiskType) is null)
                return Problem.Conflict($"Risiko {r.Code} memerlukan selera risiko kategori '{r.Category}' / Risk {r.Code} needs the appetite of category '{r.Category}'.", "in-use", "appetite");
            var maxLikelihood = r.Treatments.Select(t => t.ResidualLikelihoodLevel).Append(r.LikelihoodLevel).Max();
            var maxImpact = r.Treatments.Select(t => t.ResidualImpactLevel).Append(r.ImpactLevel).Max();
            if (maxLikelihood > ctx.LikelihoodCriteria.Count)
                return Problem.Conflict($"Risiko {r.Code} memakai level kemungkinan {maxLikelihood} / Risk {r.Code} uses likelihood level {maxLikelihood}.", "in-use", "likelihoodCriteria");
            if (maxImpact > ctx.ImpactCriteria.Count)
                return Problem.Conflict($"Risiko {r.Code} memakai level dampak {maxImpact} / Risk {r.Code} uses impact level {maxImpact}.", "in-use", "impactCriteria");
        }
        return null;
    }

    internal static ProblemHttpResult LockedInReview(string status) => Problem.Conflict(
        $"Sedang dalam persetujuan (status '{status}'): tunggu diverifikasi/disetujui atau dikembalikan / Under review (status '{status}'): it cannot change until it is approved or returned.",
        "locked-in-review");

    internal static ProblemHttpResult ForbiddenFor(string opd) => Problem.Forbidden(
        $"Anda tidak berwenang atas manajemen risiko perangkat daerah '{opd}' / You may not change the risk records of perangkat daerah '{opd}'.");

    private static ProblemHttpResult Duplicate(string opd, int year) => Problem.Conflict(DuplicateText(opd, year), "one-context-per-opd-and-year", "periodYear");

    private static string DuplicateText(string opd, int year) =>
        $"Konteks risiko {opd} tahun {year} sudah ada; perbarui yang ada / The risk context of {opd} for {year} already exists; revise it instead.";
}
