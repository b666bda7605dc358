using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;

namespace SpbeOps.Reliability.Tests.Faults;

/// <summary>An asset the stream registers and then moves <see cref="Transitions"/> steps along its lifecycle.</summary>
public sealed class PlannedAsset(string opd, string name, string kind, int transitions)
{
    public static readonly string[] Stages = ["perencanaan", "pengadaan", "pemanfaatan", "penghapusan"];

    public string Opd => opd;
    public string Name => name;
    public string Kind => kind;
    public int Transitions => transitions;
    public Guid? Id { get; set; }
    public string? Since { get; set; }
    /// <summary>Transitions done (acknowledged, or found applied after an ambiguous failure).</summary>
    public int Done { get; set; }
    public string Stage => Stages[Done];
    public long Version => 1 + Done;
}

public sealed class PlannedContext(string opd)
{
    public string Opd => opd;
    public Guid? Id { get; set; }
}

/// <summary>A risk the stream identifies and then gives <see cref="Treatments"/> treatment plans.</summary>
public sealed class PlannedRisk(string opd, string eventText, int treatments)
{
    public string Opd => opd;
    public string Event => eventText;
    public int Treatments => treatments;
    public Guid? Id { get; set; }
    public int Done { get; set; }
    public long Version => 1 + Done;
    public string TreatmentLabel(int n) => $"{Event} penanganan {n}";
}

/// <summary>What the writers saw: how each write ended and which failures they retried through.</summary>
public sealed class WriteStats
{
    private int _acknowledged, _confirmed, _retriedOps, _attempts;

    public ConcurrentDictionary<string, int> Failures { get; } = new();
    public int Acknowledged => _acknowledged;
    /// <summary>Writes whose answer was lost (connection cut, 5xx) and that a read then showed applied: not sent again.</summary>
    public int ConfirmedAfterAmbiguity => _confirmed;
    public int RetriedOps => _retriedOps;
    public int Attempts => _attempts;
    public TimeSpan LongestWrite { get; private set; }

    /// <summary>Answers 500 (to a write or to the read that checks it): an unhandled error, where an outage should give 502/503/504.</summary>
    public int InternalErrors => Failures.Where(f => f.Key.EndsWith("500", StringComparison.Ordinal)).Sum(f => f.Value);

    internal void Attempt() => Interlocked.Increment(ref _attempts);
    internal void Failure(string what) => Failures.AddOrUpdate(what, 1, (_, n) => n + 1);

    internal void Done(bool acknowledged, bool retried, TimeSpan took)
    {
        Interlocked.Increment(ref acknowledged ? ref _acknowledged : ref _confirmed);
        if (retried) Interlocked.Increment(ref _retriedOps);
        lock (Failures) if (took > LongestWrite) LongestWrite = took;
    }

    public override string ToString() =>
        $"{Acknowledged} acknowledged (2xx), {ConfirmedAfterAmbiguity} found applied after a lost answer, {RetriedOps} retried, " +
        $"{Attempts} requests, longest write {LongestWrite.TotalSeconds:0.0} s; failures retried: " +
        (Failures.IsEmpty ? "none" : string.Join(", ", Failures.OrderBy(f => f.Key).Select(f => $"{f.Key} ×{f.Value}")));
}

/// <summary>
/// A stream of writes through the gateway, as OPD operators send them: in each OPD two lanes register assets and move
/// earlier ones along the lifecycle; one of them also sets the OPD's risk context, identifies risks and plans
/// treatments. Lanes run concurrently, each write after the previous one of its lane. A write that fails in a way
/// that may be transient (connection error, timeout, 5xx, 429) is retried until <see cref="OpDeadline"/>; when its
/// outcome is unknown (the request may have been applied before the answer was lost), the writer first reads whether
/// it was applied and sends it again only when it was not, so every planned record exists exactly once. Any other
/// answer (400, 404, 409, 422) fails the stream: in this plan it can only mean a lost or duplicated write.
/// </summary>
public sealed class WriteStream
{
    public static readonly string[] Opds = ["dinkes", "disdik", "dishub", "bappeda", "dinsos", "diskominfo"];
    public const int LanesPerOpd = 2;
    public const int AssetsPerLane = 36;
    public const int RisksPerOpd = 10;
    private static readonly int[] TransitionPattern = [0, 1, 2, 3, 1, 0, 2, 1];
    private static readonly string[] Kinds = ["hardware", "software", "network", "data-centre", "application"];
    public static readonly TimeSpan OpDeadline = TimeSpan.FromSeconds(120);
    /// <summary>The whole stream's bound, whatever the retries: a degraded but answering system cannot stretch a test further.</summary>
    public static readonly TimeSpan StreamDeadline = TimeSpan.FromSeconds(180);

    private readonly FaultCluster _cluster;
    private readonly string _instansi;
    private readonly List<List<Func<HttpClient, Task>>> _lanes = [];
    private readonly Stopwatch _clock = new();
    private int _completed;

    public WriteStream(FaultCluster cluster, string instansi, string tag)
    {
        _cluster = cluster;
        _instansi = instansi;
        Year = DateTime.UtcNow.Year;
        foreach (var opd in Opds)
        {
            var context = new PlannedContext(opd);
            Contexts.Add(context);
            for (var lane = 0; lane < LanesPerOpd; lane++)
            {
                var ops = new List<Func<HttpClient, Task>>();
                var pending = new Queue<PlannedAsset>();
                var risks = lane == 0 ? Enumerable.Range(0, RisksPerOpd).Select(r => new PlannedRisk(opd, $"{tag} {opd} risiko {r:D2}#", r % 2)).ToList() : [];
                Risks.AddRange(risks);
                var toIdentify = new Queue<PlannedRisk>(risks);
                var toTreat = new Queue<PlannedRisk>();
                if (lane == 0) ops.Add(c => DefineContextAsync(c, context));
                for (var k = 0; k < AssetsPerLane; k++)
                {
                    var asset = new PlannedAsset(opd, $"{tag} {opd}-{lane}-{k:D3}#", Kinds[k % Kinds.Length], TransitionPattern[(k + lane) % TransitionPattern.Length]);
                    Assets.Add(asset);
                    ops.Add(c => RegisterAsync(c, asset));
                    for (var t = 0; t < asset.Transitions; t++) pending.Enqueue(asset);
                    if (pending.TryDequeue(out var next)) ops.Add(c => TransitionAsync(c, next));
                    if (k % 3 == 1 && toIdentify.TryDequeue(out var risk))
                    {
                        ops.Add(c => IdentifyRiskAsync(c, risk));
                        for (var t = 0; t < risk.Treatments; t++) toTreat.Enqueue(risk);
                    }
                    if (k % 3 == 2 && toTreat.TryDequeue(out var treated)) ops.Add(c => PlanTreatmentAsync(c, treated));
                }
                while (pending.TryDequeue(out var next)) ops.Add(c => TransitionAsync(c, next));
                while (toIdentify.TryDequeue(out var risk))
                {
                    ops.Add(c => IdentifyRiskAsync(c, risk));
                    for (var t = 0; t < risk.Treatments; t++) toTreat.Enqueue(risk);
                }
                while (toTreat.TryDequeue(out var treated)) ops.Add(c => PlanTreatmentAsync(c, treated));
                _lanes.Add(ops);
            }
        }
        Planned = _lanes.Sum(l => l.Count);
    }

    public int Year { get; }
    public List<PlannedAsset> Assets { get; } = [];
    public List<PlannedContext> Contexts { get; } = [];
    public List<PlannedRisk> Risks { get; } = [];
    public int Planned { get; }
    public int Completed => Volatile.Read(ref _completed);
    public WriteStats Stats { get; } = new();

    /// <summary>Runs every lane to its end; throws the first lane's failure.</summary>
    public async Task RunAsync()
    {
        _clock.Start();
        var lanes = _lanes.Select((ops, i) => Task.Run(async () =>
        {
            using var client = _cluster.Client("opd-operator", _instansi, Opds[i / LanesPerOpd]);
            foreach (var op in ops)
            {
                await op(client);
                Interlocked.Increment(ref _completed);
            }
        })).ToList();
        await Task.WhenAll(lanes);
    }

    // ---- the writes ----

    private Task RegisterAsync(HttpClient c, PlannedAsset a) => WriteAsync(
        $"register {a.Name}",
        () => c.PostAsJsonAsync("api/assets", new
        {
            opd = a.Opd,
            kind = a.Kind,
            name = a.Name,
            application = a.Kind == "application" ? new { type = "aplikasi-umum", platform = "web", hosting = "cloud", status = "aktif" } : null,
        }),
        HttpStatusCode.Created,
        body => Registered(a, body),
        async () =>
        {
            var page = await ReadAsync(c, $"api/assets?opd={a.Opd}&q={Uri.EscapeDataString(a.Name)}&pageSize=50");
            if (page is null) return null;
            var found = page.Value.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("name").GetString() == a.Name).ToList();
            if (found.Count == 0) return false;
            Registered(a, found[0]);
            return true;
        });

    private static void Registered(PlannedAsset a, JsonElement body)
    {
        a.Id = body.GetProperty("id").GetGuid();
        a.Since = body.GetProperty("stageSince").GetString();
    }

    private Task TransitionAsync(HttpClient c, PlannedAsset a)
    {
        var to = PlannedAsset.Stages[a.Done + 1];
        return WriteAsync(
            $"transition {a.Name} to {to}",
            () => c.PostAsJsonAsync($"api/assets/{a.Id}/transitions", new { to, on = a.Since, note = "uji gangguan / fault test" }),
            HttpStatusCode.OK,
            _ => a.Done++,
            async () =>
            {
                var asset = await ReadAsync(c, $"api/assets/{a.Id}");
                if (asset is null) return null;
                var stage = asset.Value.GetProperty("stage").GetString();
                if (stage == a.Stage) return false;
                if (stage != to) throw new InvalidOperationException($"{a.Name} is in stage '{stage}', neither '{a.Stage}' nor '{to}'.");
                a.Done++;
                return true;
            });
    }

    private Task DefineContextAsync(HttpClient c, PlannedContext ctx) => WriteAsync(
        $"risk context of {ctx.Opd}",
        () => c.PostAsJsonAsync("api/risks/contexts", ContextBody(ctx.Opd, Year)),
        HttpStatusCode.Created,
        body => ctx.Id = body.GetProperty("id").GetGuid(),
        async () =>
        {
            var list = await ReadAsync(c, $"api/risks/contexts?opd={ctx.Opd}&periodYear={Year}");
            if (list is null) return null;
            if (list.Value.GetArrayLength() == 0) return false;
            ctx.Id = list.Value[0].GetProperty("id").GetGuid();
            return true;
        });

    private Task IdentifyRiskAsync(HttpClient c, PlannedRisk r) => WriteAsync(
        $"risk {r.Event}",
        () => c.PostAsJsonAsync("api/risks", RiskBody(r, Year)),
        HttpStatusCode.Created,
        body => r.Id = body.GetProperty("id").GetGuid(),
        async () =>
        {
            var page = await ReadAsync(c, $"api/risks?opd={r.Opd}&q={Uri.EscapeDataString(r.Event)}&pageSize=50");
            if (page is null) return null;
            var found = page.Value.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("event").GetString() == r.Event).ToList();
            if (found.Count == 0) return false;
            r.Id = found[0].GetProperty("id").GetGuid();
            return true;
        });

    private Task PlanTreatmentAsync(HttpClient c, PlannedRisk r)
    {
        var label = r.TreatmentLabel(r.Done + 1);
        return WriteAsync(
            $"treatment {label}",
            () => c.PostAsJsonAsync($"api/risks/{r.Id}/treatments", TreatmentBody(label, Year)),
            HttpStatusCode.Created,
            _ => r.Done++,
            async () =>
            {
                var risk = await ReadAsync(c, $"api/risks/{r.Id}");
                if (risk is null) return null;
                if (!risk.Value.GetProperty("treatments").EnumerateArray().Any(t => t.GetProperty("actionPlan").GetString() == label)) return false;
                r.Done++;
                return true;
            });
    }

    /// <summary>
    /// Sends until the write is acknowledged with <paramref name="expected"/>, or found applied by
    /// <paramref name="applied"/> after an attempt whose outcome is unknown. <paramref name="applied"/> answers null when
    /// it cannot tell yet (the service is still down): then nothing is sent until it can.
    /// </summary>
    private async Task WriteAsync(string what, Func<Task<HttpResponseMessage>> send, HttpStatusCode expected, Action<JsonElement> accept,
        Func<Task<bool?>> applied)
    {
        var watch = Stopwatch.StartNew();
        var unknownOutcome = false;
        var delay = TimeSpan.FromMilliseconds(100);
        var seen = new List<string>();
        while (true)
        {
            var retried = seen.Count > 0;
            if (retried)
            {
                if (watch.Elapsed > OpDeadline || _clock.Elapsed > StreamDeadline)
                    throw new TimeoutException($"{what}: not done after {watch.Elapsed.TotalSeconds:0} s (bounds: {OpDeadline.TotalSeconds:0} s a write, " +
                        $"{StreamDeadline.TotalSeconds:0} s the stream); answers: {string.Join(", ", seen.TakeLast(20))}");
                await Task.Delay(delay);
                delay = TimeSpan.FromMilliseconds(Math.Min(1000, delay.TotalMilliseconds * 2));
            }

            if (unknownOutcome)
            {
                var done = await applied();
                if (done is null)
                {
                    seen.Add("read failed");
                    continue;
                }
                if (done.Value)
                {
                    Stats.Done(acknowledged: false, retried: true, watch.Elapsed);
                    return;
                }
                unknownOutcome = false;
            }

            Stats.Attempt();
            HttpResponseMessage response;
            try
            {
                response = await send();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                var kind = e is TaskCanceledException ? "timeout" : "connection error";
                Stats.Failure(kind);
                seen.Add(kind);
                unknownOutcome = true;
                continue;
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                if (response.StatusCode == expected)
                {
                    accept(await response.Content.ReadFromJsonAsync<JsonElement>(HttpAssertions.Json));
                    Stats.Done(acknowledged: true, retried, watch.Elapsed);
                    return;
                }
                var body = await response.Content.ReadAsStringAsync();
                Stats.Failure(status.ToString());
                seen.Add($"{status}");
                if (status is 500 or 502 or 503 or 504)
                {
                    unknownOutcome = true;   // the service may have committed before it failed to answer
                    continue;
                }
                if (status is 429) continue;   // the gateway refused it: nothing was forwarded
                var meaning = status == 404 ? " (LOST: the record this write changes was acknowledged earlier and is gone)" : "";
                throw new InvalidOperationException($"{what}: {status} {response.StatusCode}{meaning} after [{string.Join(", ", seen)}]: {body}");
            }
        }
    }

    /// <summary>GET as the lane's operator: the JSON, or null when the service cannot answer now.</summary>
    private async Task<JsonElement?> ReadAsync(HttpClient c, string url)
    {
        HttpResponseMessage response;
        try
        {
            response = await c.GetAsync(url);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Stats.Failure(e is TaskCanceledException ? "GET timeout" : "GET connection error");
            return null;
        }
        using var _ = response;
        if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            Stats.Failure($"GET {(int)response.StatusCode}");
            return null;
        }
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode}" +
                (response.StatusCode == HttpStatusCode.NotFound ? " (LOST: acknowledged earlier and gone)" : "") + $" {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(HttpAssertions.Json);
    }

    private static object ContextBody(string opd, int year) => new
    {
        opd,
        periodYear = year,
        uprName = $"UPR SPBE {opd}",
        tasks = "Melaksanakan urusan pemerintahan bidang komunikasi dan informatika",
        functions = new[] { "Perumusan kebijakan teknis SPBE" },
        objectives = new[] { new { sasaranUpr = "Meningkatnya layanan digital", sasaranSpbe = "Layanan SPBE yang andal", indikator = "Ketersediaan layanan", target = "99%" } },
        structure = new
        {
            pemilik = new { name = "Kepala Dinas", position = "Kepala Dinas" },
            koordinator = new { name = "Sekretaris", position = "Sekretaris Dinas" },
            pengelola = new[] { new { name = "Kabid Aptika", position = "Kepala Bidang" } },
        },
        stakeholders = new[] { new { name = "BSSN", relation = "eksternal", description = "Pembina keamanan informasi" } },
        regulations = new[] { new { title = "PermenPANRB 5/2020", mandate = "Pedoman Manajemen Risiko SPBE" } },
        appetite = new[] { new { category = "rencana-dan-anggaran", positive = 16, negative = 6 } },
        defaultAppetite = new { positive = 16, negative = 11 },
    };

    private static object RiskBody(PlannedRisk r, int year) => new
    {
        opd = r.Opd,
        periodYear = year,
        objective = "Layanan SPBE yang andal",
        riskType = "negatif",
        @event = r.Event,
        cause = "Catu daya pusat data tidak redundan",
        category = "infrastruktur-spbe",
        impact = "Layanan terhenti",
        impactArea = "layanan-organisasi",
        existingControls = "UPS 30 menit",
        likelihoodLevel = 4,
        likelihoodExplanation = "10 kali dalam setahun",
        impactLevel = 4,
        impactExplanation = "Penurunan kinerja 60%",
    };

    private static object TreatmentBody(string label, int year) => new
    {
        option = "mitigasi",
        actionPlan = label,
        output = "Genset terpasang dan teruji",
        scheduleStart = $"{year}-01-01",
        scheduleEnd = $"{year}-12-31",
        personInCharge = "Kepala Bidang Aptika",
        residualLikelihoodLevel = 2,
        residualImpactLevel = 2,
    };
}
