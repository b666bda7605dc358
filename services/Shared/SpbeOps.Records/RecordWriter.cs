namespace SpbeOps.Records;

/// <summary>
/// The one write path of every record (docs/architecture.md decision 13): load → may the caller read it (404) →
/// may they write it (403) → decide (a pure decider) → store the next state and append its event at the expected
/// version, in one transaction → save (409 when someone else changed it first). A scoped service: one per request,
/// with the request's caller and one clock reading. A client that sends <c>If-Match</c> with the version it read gets
/// 412 instead of overwriting a change it never saw (<see cref="RecordVersions"/>).
/// </summary>
public sealed class RecordWriter(IDocumentSession session, Caller caller, TimeProvider clock, IHttpContextAccessor http)
{
    public Caller Caller => caller;

    public IDocumentSession Session => session;

    /// <summary>The request's instant: every record and event it writes carries the same time.</summary>
    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>Creates a record: 201 at <paramref name="location"/>/{id}.</summary>
    /// <param name="uniqueDetail">what to say when a unique index refuses the record (409 <c>unique</c>)</param>
    public async Task<Results<Created<T>, ValidationProblem, ProblemHttpResult>> CreateAsync<T>(
        Decision<T> decision, string location, CancellationToken ct, string? uniqueDetail = null) where T : class, IRecord<T> =>
        (await TryCreateAsync(decision, ct, uniqueDetail)).AsCreated($"{location.TrimEnd('/')}/{decision.Next?.Id}");

    public async Task<Written<T>> TryCreateAsync<T>(Decision<T> decision, CancellationToken ct, string? uniqueDetail = null) where T : class, IRecord<T>
    {
        if (Refused(decision) is { } refused) return refused;
        var record = Stage(null, decision);
        return await session.TrySaveChangesAsync(ct, uniqueDetail) is { } conflict ? new(null, null, conflict) : new(record, null, null);
    }

    /// <summary>Changes record <paramref name="id"/> as <paramref name="decide"/> says: 200 with the record after the change.</summary>
    public async Task<Results<Ok<T>, ValidationProblem, ProblemHttpResult>> ChangeAsync<T>(
        Guid id, Func<T, Task<Decision<T>>> decide, CancellationToken ct, string? uniqueDetail = null) where T : class, IRecord<T> =>
        (await TryChangeAsync(id, decide, ct, uniqueDetail)).AsOk();

    public Task<Results<Ok<T>, ValidationProblem, ProblemHttpResult>> ChangeAsync<T>(
        Guid id, Func<T, Decision<T>> decide, CancellationToken ct, string? uniqueDetail = null) where T : class, IRecord<T> =>
        ChangeAsync<T>(id, current => Task.FromResult(decide(current)), ct, uniqueDetail);

    /// <summary>
    /// The change of <see cref="ChangeAsync{T}(Guid, Func{T, Task{Decision{T}}}, CancellationToken, string?)"/>, for an endpoint
    /// that does more with the saved record before it answers (or answers 201 for a part it created).
    /// </summary>
    public async Task<Written<T>> TryChangeAsync<T>(
        Guid id, Func<T, Task<Decision<T>>> decide, CancellationToken ct, string? uniqueDetail = null) where T : class, IRecord<T>
    {
        var current = await session.LoadAsync<T>(id, ct);
        if (current is null || !current.ReadableBy(caller)) return new(null, null, NotFound<T>(id));
        if (!current.WritableBy(caller)) return new(null, null, Forbidden(current));
        if (!RecordVersions.TryParseIfMatch(http.HttpContext?.Request.Headers.IfMatch ?? default, out var expected))
            return new(null, null, RecordVersions.UnreadableIfMatch());
        if (expected is { } version && version != current.Version) return new(null, null, RecordVersions.Stale(current.Version));

        var decision = await decide(current);
        if (Refused(decision) is { } refused) return refused;
        var record = Stage(current, decision);
        return await session.TrySaveChangesAsync(ct, uniqueDetail) is { } conflict ? new(null, null, conflict) : new(record, null, null);
    }

    /// <summary>
    /// Puts one accepted change in the session without saving: the next state (version + 1, audit fields) stored and
    /// its event appended at that version, so a concurrent writer makes the save fail. For commands that change
    /// several records in one transaction; <see cref="CreateAsync{T}"/> and <see cref="ChangeAsync{T}(Guid, Func{T, Task{Decision{T}}}, CancellationToken, string?)"/> call it.
    /// </summary>
    public T Stage<T>(T? current, Decision<T> accepted) where T : class, IRecord<T> => Stage(session, current, accepted);

    /// <summary>
    /// Stages and saves many accepted decisions (an import) in one transaction: all or none, as one
    /// <see cref="IDocumentSession.SaveChangesAsync"/> would. A Marten session's unit of work costs O(n) per staged
    /// operation (it looks for an earlier one of the same document), so a whole file in one session is O(n²): 10,000
    /// rows spent 5 s there (issue 8). Above <paramref name="perSession"/> changes, they are staged in sessions of that
    /// many, each saved into one transaction on a connection of their own, committed after the last.
    /// </summary>
    /// <returns>null when committed; otherwise the 409 of <see cref="SaveChanges.TrySaveChangesAsync"/>, nothing written.</returns>
    public async Task<ProblemHttpResult?> SaveManyAsync<T>(
        IReadOnlyList<(T? Current, Decision<T> Decision)> changes, CancellationToken ct, int perSession = 500) where T : class, IRecord<T>
    {
        if (changes.Count <= perSession)
        {
            foreach (var (current, decision) in changes) Stage(session, current, decision);
            return await session.TrySaveChangesAsync(ct);
        }

        var store = session.DocumentStore;
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var part in changes.Chunk(perSession))
        {
            var options = Marten.Services.SessionOptions.ForTransaction(transaction);
            options.TenantId = session.TenantId;
            await using var partSession = store.LightweightSession(options);
            foreach (var (current, decision) in part) Stage(partSession, current, decision);
            // A refusal leaves the transaction uncommitted: disposing it rolls every part back.
            if (await partSession.TrySaveChangesAsync(ct) is { } conflict) return conflict;
        }
        await transaction.CommitAsync(ct);
        return null;
    }

    private T Stage<T>(IDocumentSession session, T? current, Decision<T> accepted) where T : class, IRecord<T> =>
        StageAs(session, current, accepted, caller.Actor, Now);

    /// <summary>
    /// <see cref="Stage{T}(T, Decision{T})"/> for a writer that is not a request (a consumer, a job): the actor and the
    /// time are given. The caller saves the session.
    /// </summary>
    public static T StageAs<T>(IDocumentSession session, T? current, Decision<T> accepted, string actor, DateTimeOffset now) where T : class, IRecord<T>
    {
        var next = accepted.Next ?? throw new InvalidOperationException("Only an accepted decision can be staged.");
        next.Version = (current?.Version ?? 0) + 1;
        next.UpdatedBy = actor;
        next.UpdatedAt = now;
        var change = accepted.Change! with { Actor = actor, At = now, Changes = RecordChanges.Between(current, next) };

        session.Store(next);
        if (current is null) session.Events.StartStream<T>(next.Id, change);
        else session.Events.Append(next.Id, next.Version, change);
        return next;
    }

    /// <summary>A rejected decision's answer; an accepted one whose result the caller may not own is 403 (e.g. moving a record to another OPD).</summary>
    private Written<T>? Refused<T>(Decision<T> decision) where T : class, IRecord<T>
    {
        if (decision.Rejection is Rejection.Invalid invalid) return new Written<T>(null, invalid.Errors.ToProblem(), null);
        if (decision.Rejection is { } rejection) return new Written<T>(null, null, rejection.ToProblem());
        return decision.Next!.WritableBy(caller) ? null : new Written<T>(null, null, Forbidden(decision.Next));
    }

    public static ProblemHttpResult NotFound<T>(Guid id) where T : class, IRecord<T> => Problem.NotFound(T.Noun.ToString(), id);

    /// <summary>
    /// 403 unless the caller writes <typeparamref name="T"/> records of <paramref name="opd"/>: for commands that must
    /// check it before looking anything up (what exists in another OPD is not the caller's business).
    /// </summary>
    public Rejection? RefusesOpd<T>(string opd) where T : class, IRecord<T> =>
        caller.CanWrite(opd) ? null : new Rejection.Forbidden(ForbiddenText<T>(opd));

    private static ProblemHttpResult Forbidden<T>(T record) where T : class, IRecord<T> =>
        Problem.Forbidden(ForbiddenText<T>((record as IOpdRecord)?.Opd));

    private static string ForbiddenText<T>(string? opd) where T : class, IRecord<T> => opd is null
        ? $"Peran Anda tidak boleh mengubah {T.Noun.Indonesian} ini / Your role may not change this {T.Noun.English}."
        : $"Anda tidak berwenang mengubah {T.Noun.Indonesian} perangkat daerah '{opd}' / You may not change the {T.Noun.English} records of perangkat daerah '{opd}'.";
}

/// <summary>The outcome of a write: the saved record, or the 400 or other problem that refused it.</summary>
public readonly record struct Written<T>(T? Record, ValidationProblem? Invalid, ProblemHttpResult? Problem) where T : class
{
    public Results<Ok<T>, ValidationProblem, ProblemHttpResult> AsOk()
    {
        if (Record is not null) return TypedResults.Ok(Record);
        if (Invalid is not null) return Invalid;
        return Problem!;
    }

    public Results<Created<T>, ValidationProblem, ProblemHttpResult> AsCreated(string location)
    {
        if (Record is not null) return TypedResults.Created(location, Record);
        if (Invalid is not null) return Invalid;
        return Problem!;
    }
}
