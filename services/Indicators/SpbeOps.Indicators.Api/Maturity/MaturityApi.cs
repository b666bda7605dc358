namespace SpbeOps.Indicators.Api.Maturity;

public sealed record IndicatorSummary(int Number, string Name, int Aspect, int Level, string Source);

public sealed record SelfAssessmentView(int Level, string? Explanation, string? By, DateTimeOffset At);

public sealed record IndicatorDetail(
    int Number,
    string Name,
    string NameEn,
    int Aspect,
    decimal Weight,
    LocalizedText? Question,
    string? Opd,
    int Level,
    LocalizedText LevelName,
    string Source,
    bool Computed,
    IReadOnlyList<LevelResult> Levels,
    IReadOnlyList<CriterionResult> MissingForNextLevel,
    LocalizedText? Note,
    SelfAssessmentView? SelfAssessment);

public sealed record IndexView(
    decimal Index,
    string Predicate,
    string PredicateEn,
    IReadOnlyList<ScoreRow> Domains,
    IReadOnlyList<ScoreRow> Aspects,
    DateOnly? AsOf);

public sealed record LevelHistoryEntry(int PreviousLevel, int Level, string Source, string Reason, string ChangedBy, DateTimeOffset ChangedAt);

public sealed record SelfAssessmentRequest(int? Level, string? Explanation);

/// <summary>
/// The maturity of the caller's instansi: the Indeks SPBE as PermenPANRB 59/2020 computes it, every indicator's
/// level with the criteria and facts that decided it, the history of level changes, and the self-assessment of
/// the indicators outside the management domain.
/// </summary>
public static class MaturityApi
{
    public static RouteGroupBuilder MapMaturityApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/maturity").WithTags("Maturity").RequireAuthorization(SpbePolicies.Member);
        api.MapGet("/index", GetIndex).WithName("GetIndex").WithSummary("Indeks SPBE, domain dan aspek / The SPBE index, domains and aspects");
        api.MapGet("/report", GetReport).WithName("GetMaturityReport")
            .RequireAuthorization(p => p.RequireRole(SpbeRoles.DiskominfoAdmin, SpbeRoles.Auditor).RequireClaim(SpbeClaims.Instansi))
            .WithSummary("Laporan penilaian mandiri (XLSX): level, penjelasan, kekurangan dan data dukung / Self-assessment report as XLSX");
        api.MapGet("/indicators", ListIndicators).WithName("ListIndicators").WithSummary("Level setiap indikator / Every indicator's level");
        api.MapGet("/indicators/{number:int}", GetIndicator).WithName("GetIndicator")
            .WithSummary("Level, kriteria yang terpenuhi dan yang kurang / Level, criteria met and what is missing");
        api.MapGet("/indicators/{number:int}/history", GetHistory).WithName("GetIndicatorHistory").WithSummary("Riwayat perubahan level / Level history");
        api.MapPut("/self-assessment/{number:int}", PutSelfAssessment).WithName("PutSelfAssessment")
            .RequireAuthorization(SpbePolicies.DiskominfoAdmin)
            .WithSummary("Penilaian mandiri indikator di luar 21–31 / Self-assessment of an indicator outside 21–31");
        return api;
    }

    public static async Task<Results<Ok<IndexView>, ValidationProblem>> GetIndex(
        IQuerySession session, MaturityEngine engine, DateOnly? asOf, CancellationToken ct)
    {
        var errors = new FieldErrors().PastDate("asOf", asOf, engine.Today);
        if (errors.Any) return errors.ToProblem();

        var levels = asOf is { } day ? await LevelsAsOf(session, engine.Rubric, day, ct) : await CurrentLevels(session, engine, ct);
        var result = IndexCalculator.Compute(engine.Rubric, levels.ToDictionary(l => l.Key, l => (decimal)l.Value));
        return TypedResults.Ok(new IndexView(result.Index, result.Predicate, result.PredicateEn, result.Domains, result.Aspects, asOf));
    }

    public static async Task<FileContentHttpResult> GetReport(Caller caller, IQuerySession session, MaturityEngine engine, TimeProvider clock, CancellationToken ct)
    {
        var facts = await FactSet.LoadAsync(session, ct);
        var selfAssessed = await SelfAssessments(session, ct);
        var lines = engine.Rubric.Indicators.Select(i =>
        {
            if (!MaturityEngine.IsEngineIndicator(i))
            {
                var state = selfAssessed.GetValueOrDefault(i.Number);
                return new ReportLine(i, state?.Level ?? LevelEvaluator.Floor, LevelSources.SelfAssessment,
                    state?.Explanation ?? "belum dinilai / not assessed yet", [], []);
            }
            var a = engine.Assess(i.Number, null, facts);
            var attained = a.Levels.Where(l => l.Attained && l.Level > 1).Select(l => $"Level {l.Level}: " + string.Join("; ", l.Criteria.Select(c => c.Text.Id)));
            var explanation = a.Note?.Id ?? (a.Level == 1 ? "Belum memenuhi kriteria level 2." : string.Join("\n", attained));
            var evidence = a.Levels.Where(l => l.Attained).SelectMany(l => l.Criteria).SelectMany(c => c.Evidence).DistinctBy(e => (e.Id, e.Label)).ToList();
            return new ReportLine(i, a.Level, LevelSources.Computed, explanation, a.MissingForNextLevel, evidence);
        }).ToList();
        var index = IndexCalculator.Compute(engine.Rubric, lines.ToDictionary(l => l.Indicator.Number, l => (decimal)l.Level));
        var instansi = caller.Instansi;
        var now = clock.GetUtcNow();
        return TypedResults.File(MaturityReport.Write(instansi, now, index, engine.Rubric, lines),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"penilaian-mandiri-spbe-{instansi}-{now:yyyy-MM-dd}.xlsx");
    }

    public static async Task<Results<Ok<IReadOnlyList<IndicatorSummary>>, ProblemHttpResult>> ListIndicators(
        Caller caller, IQuerySession session, MaturityEngine engine, string? opd, CancellationToken ct)
    {
        if (Forbidden(caller, opd) is { } forbidden) return forbidden;
        var facts = await FactSet.LoadAsync(session, ct);
        var states = await SelfAssessments(session, ct);
        var list = engine.Rubric.Indicators
            .Where(i => opd is null || MaturityEngine.IsEngineIndicator(i))
            .Select(i => MaturityEngine.IsEngineIndicator(i)
                ? new IndicatorSummary(i.Number, i.Name.Id, i.Aspect, engine.Assess(i.Number, opd, facts).Level, LevelSources.Computed)
                : new IndicatorSummary(i.Number, i.Name.Id, i.Aspect, states.GetValueOrDefault(i.Number)?.Level ?? LevelEvaluator.Floor, LevelSources.SelfAssessment))
            .ToList();
        return TypedResults.Ok<IReadOnlyList<IndicatorSummary>>(list);
    }

    public static async Task<Results<Ok<IndicatorDetail>, ProblemHttpResult>> GetIndicator(
        int number, Caller caller, IQuerySession session, MaturityEngine engine, string? opd, CancellationToken ct)
    {
        if (engine.Rubric.Indicators.FirstOrDefault(i => i.Number == number) is not { } indicator)
            return Problem.NotFound("Indikator / Indicator", number);
        if (Forbidden(caller, opd) is { } forbidden) return forbidden;

        if (MaturityEngine.IsEngineIndicator(indicator))
        {
            var assessment = engine.Assess(number, opd, await FactSet.LoadAsync(session, ct));
            // The instansi-wide evidence names other OPDs' records: an OPD operator sees how many, not which.
            if (opd is null && caller.IsOpdOperator) assessment = EvidenceRedaction.Redact(assessment);
            return TypedResults.Ok(Detail(engine, indicator, opd, assessment.Level, LevelSources.Computed, assessment.Levels,
                assessment.MissingForNextLevel, assessment.Note, null));
        }

        if (opd is not null)
            return Problem.Unprocessable($"Indikator {number} dinilai untuk instansi, bukan per perangkat daerah / Indicator {number} is assessed for the instansi, not per OPD.", "instansi-level-only", "opd");
        var state = (await SelfAssessments(session, ct)).GetValueOrDefault(number);
        var view = state is null ? null : new SelfAssessmentView(state.Level, state.Explanation, state.ChangedBy, state.ChangedAt);
        var note = new LocalizedText(
            "Indikator ini diisi melalui penilaian mandiri oleh Diskominfo.",
            "This indicator is entered by Diskominfo as a self-assessment.");
        return TypedResults.Ok(Detail(engine, indicator, null, state?.Level ?? LevelEvaluator.Floor, LevelSources.SelfAssessment, [], [], note, view));
    }

    public static async Task<Results<Ok<IReadOnlyList<LevelHistoryEntry>>, ProblemHttpResult>> GetHistory(
        int number, Caller caller, IQuerySession session, MaturityEngine engine, string? opd, CancellationToken ct)
    {
        if (engine.Rubric.Indicators.All(i => i.Number != number)) return Problem.NotFound("Indikator / Indicator", number);
        if (Forbidden(caller, opd) is { } forbidden) return forbidden;
        var events = await session.Events.FetchStreamAsync(IndicatorState.StreamFor(caller.Instansi, number, opd), token: ct);
        var entries = events.Select(e => e.Data).OfType<IndicatorLevelChanged>()
            .Select(c => new LevelHistoryEntry(c.PreviousLevel, c.Level, c.Source, c.Reason, c.ChangedBy, c.ChangedAt))
            .ToList();
        return TypedResults.Ok<IReadOnlyList<LevelHistoryEntry>>(entries);
    }

    public static async Task<Results<Ok<IndicatorSummary>, ValidationProblem, ProblemHttpResult>> PutSelfAssessment(
        int number, SelfAssessmentRequest request, Caller caller, IDocumentStore store, MaturityEngine engine, CancellationToken ct)
    {
        if (engine.Rubric.Indicators.FirstOrDefault(i => i.Number == number) is not { } indicator)
            return Problem.NotFound("Indikator / Indicator", number);
        if (MaturityEngine.IsEngineIndicator(indicator))
            return Problem.Conflict(
                $"Indikator {number} dihitung SpbeOps dari catatan layanan manajemen; catat bukti di layanannya / Indicator {number} is computed from the management services' records; record the evidence there instead.",
                "computed-indicator", "number");

        var errors = new FieldErrors().Range("level", request.Level, 1, 5).Required("explanation", request.Explanation, 4000);
        if (errors.Any) return errors.ToProblem();

        // Several people may assess at once: each attempt reads the current state afresh (a clash retries, then 409).
        var level = request.Level!.Value;
        await store.RetryOnConflictAsync(caller.Instansi, async session =>
        {
            var state = await session.LoadAsync<IndicatorState>(IndicatorState.IdFor(number, null), ct);
            engine.Record(session, state, number, null, level, LevelSources.SelfAssessment, request.Explanation!.Trim(), caller.Actor);
            await session.SaveChangesAsync(ct);
            return state;
        }, ct);
        return TypedResults.Ok(new IndicatorSummary(number, indicator.Name.Id, indicator.Aspect, level, LevelSources.SelfAssessment));
    }

    private static IndicatorDetail Detail(MaturityEngine engine, RubricIndicator i, string? opd, int level, string source,
        IReadOnlyList<LevelResult> levels, IReadOnlyList<CriterionResult> missing, LocalizedText? note, SelfAssessmentView? selfAssessment) =>
        new(i.Number, i.Name.Id, i.Name.En, i.Aspect, i.Weight, i.Question, opd, level, engine.Rubric.LevelNames[level], source,
            i.Computed, levels, missing, note, selfAssessment);

    /// <summary>A malformed OPD code is a 400; an OPD operator reads the instansi and its own OPD, never another OPD.</summary>
    private static ProblemHttpResult? Forbidden(Caller caller, string? opd)
    {
        if (new FieldErrors().Opd("opd", opd, required: false) is { Any: true } invalid) return Problem.Invalid(invalid);
        return opd is not null && !caller.CanRead(opd)
            ? Problem.Forbidden($"Anda hanya dapat melihat perangkat daerah '{caller.Opd}' / You may only view perangkat daerah '{caller.Opd}'.")
            : null;
    }

    internal static async Task<Dictionary<int, IndicatorState>> SelfAssessments(IQuerySession session, CancellationToken ct) =>
        (await session.Query<IndicatorState>().Where(s => s.Source == LevelSources.SelfAssessment && s.Opd == null).ToListAsync(ct))
            .ToDictionary(s => s.Indicator);

    internal static async Task<Dictionary<int, int>> CurrentLevels(IQuerySession session, MaturityEngine engine, CancellationToken ct)
    {
        var facts = await FactSet.LoadAsync(session, ct);
        var selfAssessed = await SelfAssessments(session, ct);
        return engine.Rubric.Indicators.ToDictionary(
            i => i.Number,
            i => MaturityEngine.IsEngineIndicator(i)
                ? engine.Assess(i.Number, null, facts).Level
                : selfAssessed.GetValueOrDefault(i.Number)?.Level ?? LevelEvaluator.Floor);
    }

    /// <summary>The instansi's levels at the end of <paramref name="day"/>, replayed from the level-change events.</summary>
    private static async Task<Dictionary<int, int>> LevelsAsOf(IQuerySession session, SpbeRubric rubric, DateOnly day, CancellationToken ct)
    {
        var end = new DateTimeOffset(day.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);
        var changes = await session.Events.QueryRawEventDataOnly<IndicatorLevelChanged>()
            .Where(c => c.Opd == null && c.ChangedAt <= end)
            .ToListAsync(ct);
        var latest = changes.GroupBy(c => c.Indicator).ToDictionary(g => g.Key, g => g.MaxBy(c => c.ChangedAt)!.Level);
        return rubric.Indicators.ToDictionary(i => i.Number, i => latest.GetValueOrDefault(i.Number, LevelEvaluator.Floor));
    }
}
