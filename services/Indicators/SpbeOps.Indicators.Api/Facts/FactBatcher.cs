using System.Collections.Concurrent;
using JasperFx;

namespace SpbeOps.Indicators.Api.Facts;

/// <summary>A fact on its way in: the message it came in, the fact, the indicator it feeds and how to explain it.</summary>
public sealed record PendingFact(Guid MessageId, Fact Fact, int Indicator, string What)
{
    internal TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// Applies facts per instansi in batches (issue 8): while one batch of a tenant is being applied, the facts that
/// arrive for it wait and then go together in the next one. A batch is one transaction: the dedupe markers of its
/// messages, the latest fact per record (by version), the register summaries, and one recalculation of the scopes
/// its facts touch (decisions 4, 6, 15). Tenants proceed in parallel; one tenant's batches never overlap.
/// A batch that fails for another reason than an unavailable server is applied again fact by fact, so one bad
/// message fails alone and the others commit.
/// </summary>
public sealed class FactBatcher(IDocumentStore store, MaturityEngine engine, ILogger<FactBatcher> logger)
{
    /// <summary>The consumer name of the dedupe markers (kept from the one-at-a-time consumer, so old markers still count).</summary>
    public const string ConsumerName = "FactsConsumer";

    public const int MaxBatch = 256;

    private readonly ConcurrentDictionary<string, TenantQueue> _tenants = new(StringComparer.Ordinal);

    private sealed class TenantQueue
    {
        public readonly List<PendingFact> Waiting = [];
        public bool Running;
    }

    public async Task SubmitAsync(string instansi, PendingFact fact, CancellationToken ct)
    {
        var queue = _tenants.GetOrAdd(instansi, _ => new TenantQueue());
        bool start;
        lock (queue)
        {
            queue.Waiting.Add(fact);
            start = !queue.Running;
            queue.Running = true;
        }
        if (start) _ = Task.Run(() => DrainAsync(instansi, queue), CancellationToken.None);
        await fact.Done.Task.WaitAsync(ct);
    }

    private async Task DrainAsync(string instansi, TenantQueue queue)
    {
        while (true)
        {
            List<PendingFact> batch;
            lock (queue)
            {
                if (queue.Waiting.Count == 0)
                {
                    queue.Running = false;
                    return;
                }
                batch = queue.Waiting.Take(MaxBatch).ToList();
                queue.Waiting.RemoveRange(0, batch.Count);
            }

            try
            {
                await ApplyAsync(instansi, batch, CancellationToken.None);
                foreach (var f in batch) f.Done.TrySetResult();
            }
            catch (Exception e) when (TransientFailure.IsTransient(e))
            {
                // PostgreSQL or RabbitMQ unavailable: every fact would fail alike, so each message is retried as a whole.
                foreach (var f in batch) f.Done.TrySetException(e);
            }
            catch (Exception e) when (batch.Count > 1)
            {
                logger.LogWarning(e, "A batch of {Count} facts of {Instansi} failed; applying them one by one", batch.Count, instansi);
                foreach (var f in batch)
                {
                    try
                    {
                        await ApplyAsync(instansi, [f], CancellationToken.None);
                        f.Done.TrySetResult();
                    }
                    catch (Exception one)
                    {
                        f.Done.TrySetException(one);
                    }
                }
            }
            catch (Exception e)
            {
                batch[0].Done.TrySetException(e);
            }
        }
    }

    /// <summary>Applies <paramref name="batch"/> in one transaction of <paramref name="instansi"/>.</summary>
    public async Task ApplyAsync(string instansi, IReadOnlyList<PendingFact> batch, CancellationToken ct)
    {
        await using var session = store.LightweightSession(instansi);

        // Dedupe: a message handled before (or twice in this batch) changes nothing.
        var unique = batch.DistinctBy(f => f.MessageId).ToList();
        var keys = unique.Select(f => ProcessedMessage.KeyFor(ConsumerName, f.MessageId)).ToArray();
        var seen = (await session.LoadManyAsync<ProcessedMessage>(ct, keys)).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var fresh = unique.Where(f => !seen.Contains(ProcessedMessage.KeyFor(ConsumerName, f.MessageId))).ToList();
        if (fresh.Count == 0) return;
        var now = DateTimeOffset.UtcNow;
        foreach (var f in fresh) session.Insert(new ProcessedMessage { Id = ProcessedMessage.KeyFor(ConsumerName, f.MessageId), ProcessedAt = now });

        // Keep latest: the newest version of each record in the batch, stored only when newer than the stored one.
        var latest = fresh.GroupBy(f => (f.Fact.GetType(), f.Fact.Id)).Select(g => g.MaxBy(f => f.Fact.Version)!).ToList();
        var previous = new Dictionary<(Type, Guid), Fact>();
        foreach (var ofType in latest.GroupBy(f => f.Fact.GetType()))
        {
            foreach (var stored in await LoadFactsAsync(session, ofType.Key, [.. ofType.Select(f => f.Fact.Id)], ct))
                previous[(ofType.Key, stored.Id)] = stored;
        }
        var changed = latest.Where(f => !previous.TryGetValue((f.Fact.GetType(), f.Fact.Id), out var p) || p.Version < f.Fact.Version).ToList();
        if (changed.Count > 0)
        {
            session.InsertObjects(changed.Where(f => !previous.ContainsKey((f.Fact.GetType(), f.Fact.Id))).Select(f => (object)f.Fact));
            session.StoreObjects(changed.Where(f => previous.ContainsKey((f.Fact.GetType(), f.Fact.Id))).Select(f => (object)f.Fact));
            session.Store(new KnownTenant { Id = instansi, LastFactAt = now });
            await RecalculateAsync(session, instansi, changed, previous, ct);
        }

        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (DocumentAlreadyExistsException e) when (e.DocType == typeof(ProcessedMessage) && batch.Count == 1)
        {
            // A concurrent delivery of the same message got there first: it is handled, so acknowledge.
        }
    }

    private async Task RecalculateAsync(
        IDocumentSession session, string instansi, IReadOnlyList<PendingFact> changed, Dictionary<(Type, Guid), Fact> previous, CancellationToken ct)
    {
        Fact? PreviousOf(Fact f) => previous.GetValueOrDefault((f.GetType(), f.Id));

        var facts = await FactSet.LoadAsync(session, ct);
        var assets = changed.Select(f => f.Fact).OfType<AssetFact>().ToList();
        if (assets.Count > 0) await UpdateRegistersAsync(session, facts, assets, a => PreviousOf(a) as AssetFact, ct);
        var implementations = changed.Select(f => f.Fact).OfType<ControlImplementationFact>().ToList();
        if (implementations.Count > 0) await UpdateControlSummariesAsync(session, facts, implementations, i => PreviousOf(i) as ControlImplementationFact, ct);
        foreach (var f in changed.Where(f => f.Fact is not (AssetFact or ControlImplementationFact))) facts.With(f.Fact);

        // Only the scopes the facts touch: their OPD (and the ones they left), or every OPD for an all-OPD record.
        List<string>? opds = [];
        foreach (var f in changed)
        {
            if (Fact.Touched(f.Fact, PreviousOf(f.Fact)) is not { } touched)
            {
                opds = null;
                break;
            }
            opds.AddRange(touched);
        }

        var reason = changed.Count == 1
            ? $"berubah / changed: {changed[0].What}"
            : $"berubah / changed: {changed.Count} catatan / records: {string.Join("; ", changed.Take(3).Select(f => f.What))}{(changed.Count > 3 ? "; …" : "")}";
        var changes = await engine.RecalculateAsync(session, facts, changed.Select(f => f.Indicator), reason, ct, opds);
        foreach (var change in changes)
            logger.LogInformation("Indicator {Indicator} ({Scope}) of {Instansi}: level {From} → {To}",
                change.Indicator, change.Opd ?? "instansi", instansi, change.PreviousLevel, change.Level);
    }

    private static async Task<IReadOnlyList<Fact>> LoadFactsAsync(IQuerySession session, Type type, Guid[] ids, CancellationToken ct) => type switch
    {
        _ when type == typeof(AssetFact) => [.. await session.LoadManyAsync<AssetFact>(ct, ids)],
        _ when type == typeof(GovernanceFact) => [.. await session.LoadManyAsync<GovernanceFact>(ct, ids)],
        _ when type == typeof(RiskContextFact) => [.. await session.LoadManyAsync<RiskContextFact>(ct, ids)],
        _ when type == typeof(RiskFact) => [.. await session.LoadManyAsync<RiskFact>(ct, ids)],
        _ when type == typeof(RiskMonitoringFact) => [.. await session.LoadManyAsync<RiskMonitoringFact>(ct, ids)],
        _ when type == typeof(ControlImplementationFact) => [.. await session.LoadManyAsync<ControlImplementationFact>(ct, ids)],
        _ when type == typeof(AuditFact) => [.. await session.LoadManyAsync<AuditFact>(ct, ids)],
        _ => throw new ArgumentException($"Unknown fact {type.Name}."),
    };

    /// <summary>Moves each asset between the counts of its OPD's register (or two OPDs', when it changed OPD).</summary>
    private static async Task UpdateRegistersAsync(
        IDocumentSession session, FactSet facts, IReadOnlyList<AssetFact> assets, Func<AssetFact, AssetFact?> previousOf, CancellationToken ct)
    {
        var touched = new Dictionary<string, AssetRegisterSummary>(StringComparer.OrdinalIgnoreCase);
        AssetRegisterSummary RegisterOf(string opd)
        {
            if (touched.TryGetValue(opd, out var t)) return t;
            var r = facts.AssetRegisters.TryGetValue(opd, out var stored) ? stored : new AssetRegisterSummary { Id = opd };
            return touched[opd] = r;
        }

        foreach (var asset in assets)
        {
            if (previousOf(asset) is { } previous) RegisterOf(previous.Opd).Remove(previous);
            RegisterOf(asset.Opd).Add(asset);
        }

        var applied = assets.Select(a => a.Id).ToArray();
        foreach (var r in touched.Values)
        {
            if (r.NeedsSamples)
            {
                // Each list is sampled from its own set (a sample of the active assets may hold few in use). The
                // stored copies of the assets being applied are the previous ones, so those come from memory instead.
                var opd = r.Id;
                var inUse = await session.Query<AssetFact>()
                    .Where(a => a.Opd == opd && !applied.Contains(a.Id) && a.Stage == AssetRegisterSummary.InUseStage)
                    .OrderBy(a => a.Name).Take(AssetRegisterSummary.Samples).ToListAsync(ct);
                var active = await session.Query<AssetFact>()
                    .Where(a => a.Opd == opd && !applied.Contains(a.Id) && a.Stage != AssetRegisterSummary.Disposed)
                    .OrderBy(a => a.Name).Take(AssetRegisterSummary.Samples).ToListAsync(ct);
                r.Resample(inUse, active, assets);
            }
            session.Store(r);
            facts.With(r);
        }
    }

    /// <summary>Moves each control implementation between the counts of its OPD's summary (as the asset registers do).</summary>
    private static async Task UpdateControlSummariesAsync(
        IDocumentSession session, FactSet facts, IReadOnlyList<ControlImplementationFact> implementations,
        Func<ControlImplementationFact, ControlImplementationFact?> previousOf, CancellationToken ct)
    {
        var touched = new Dictionary<string, SecurityControlSummary>(StringComparer.OrdinalIgnoreCase);
        SecurityControlSummary SummaryOf(string opd)
        {
            if (touched.TryGetValue(opd, out var t)) return t;
            var r = facts.ControlSummaries.TryGetValue(opd, out var stored) ? stored : new SecurityControlSummary { Id = opd };
            return touched[opd] = r;
        }

        foreach (var implementation in implementations)
        {
            if (previousOf(implementation) is { } previous) SummaryOf(previous.Opd).Remove(previous);
            SummaryOf(implementation.Opd).Add(implementation);
        }

        var applied = implementations.Select(a => a.Id).ToArray();
        foreach (var r in touched.Values)
        {
            if (r.NeedsSamples)
            {
                var opd = r.Id;
                var candidates = await session.Query<ControlImplementationFact>()
                    .Where(i => i.Opd == opd && !applied.Contains(i.Id) && i.Implemented)
                    .OrderBy(i => i.RiskBased).ThenBy(i => i.ControlCode).Take(SecurityControlSummary.Samples * 2).ToListAsync(ct);
                r.Resample(candidates, implementations);
            }
            session.Store(r);
            facts.With(r);
        }
    }
}
