using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace SpbeOps.LocalTool;

/// <summary>
/// How often a step is tried when the API answers that it cannot do it right now: 409 on a concurrent change
/// (another writer, e.g. the Indicators consumer recalculating the same levels), 503/502/504 (a service not ready
/// or restarting behind the gateway), 429 (the gateway's rate limit, after its Retry-After) or no answer at all.
/// Each retry waits twice as long as the last.
/// </summary>
public sealed record SeedRetry(int Attempts, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    public static SeedRetry Default { get; } = new(5, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));

    public TimeSpan DelayBefore(int attempt, TimeSpan? retryAfter)
    {
        var backOff = FirstDelay * Math.Pow(2, attempt - 2);
        var delay = retryAfter is { } after && after > backOff ? after : backOff;
        return delay > MaxDelay ? MaxDelay : delay;
    }
}

/// <summary>A request of a step that the API refused or did not answer.</summary>
public sealed class SeedRequestFailed(string request, HttpStatusCode? status, string? rule, string detail, bool transient, TimeSpan? retryAfter)
    : Exception($"{request} → {(status is { } s ? $"{(int)s} {s}" : "no answer")}{(rule is null ? "" : $" ({rule})")}: {detail}")
{
    public HttpStatusCode? Status => status;
    public string? Rule => rule;
    public bool Transient => transient;
    public TimeSpan? RetryAfter => retryAfter;
}

/// <summary>
/// Sends a seed file's steps through the gateway, each as the role a real user would have. Every step first looks
/// its record up and writes only what is missing or differs (<see cref="SeedPlanner"/>), so a rerun after a partial
/// seed (with or without --force) converges to the same records instead of duplicating them (issue 7, row 2). A step the
/// API cannot do right now is tried again from its lookup (<see cref="SeedRetry"/>, issue 7, row 1).
/// </summary>
public sealed class Seeder(HttpClient http, Func<string, string?, string> token, TextWriter output, TextWriter errors, SeedRetry? retry = null)
{
    private readonly SeedRetry _retry = retry ?? SeedRetry.Default;

    /// <summary>Optional: how the seeder waits between attempts (tests make it instant).</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = Task.Delay;

    public async Task<int> RunAsync(SeedFile file, DateOnly today, CancellationToken ct = default)
    {
        var saved = new Dictionary<string, string>();
        var done = new Dictionary<SeedAction, int>();
        foreach (var step in file.Steps)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var (action, id) = await RunStepAsync(step, today, saved, ct);
                    if (step.Save is { } name) saved[name] = id ?? throw new InvalidOperationException($"{step} saves '{name}', but its record has no id.");
                    done[action] = done.GetValueOrDefault(action) + 1;
                    // What is already as seeded is only counted: a rerun (every ./spbe up) prints what it changed.
                    if (action != SeedAction.Unchanged) output.WriteLine($"  {Mark(action)} {step.Title}{Describe(action)}");
                    break;
                }
                catch (SeedRequestFailed e) when (e.Transient && attempt < _retry.Attempts)
                {
                    var delay = _retry.DelayBefore(attempt + 1, e.RetryAfter);
                    output.WriteLine($"  … {step.Title}: {e.Message}; trying again in {delay.TotalSeconds:0.#} s ({attempt + 1} of {_retry.Attempts})");
                    await Delay(delay, ct);
                }
                catch (SeedRequestFailed e)
                {
                    errors.WriteLine($"{step} failed{(attempt > 1 ? $" after {attempt} attempts" : "")}: {e.Message}");
                    errors.WriteLine(e.Transient
                        ? "  The API could not do it in time. The steps before it are seeded; run ./spbe seed again to go on (it sends only what is missing)."
                        : "  The API refused it: the seed file or the service needs a fix. The steps before it are seeded; a rerun sends only what is missing.");
                    return 1;
                }
            }
        }
        output.WriteLine($"seeded {file.Instansi}: {file.Steps.Count} steps ({done.GetValueOrDefault(SeedAction.Create)} created, "
            + $"{done.GetValueOrDefault(SeedAction.Revise)} revised, {done.GetValueOrDefault(SeedAction.Unchanged)} already as seeded"
            + (done.GetValueOrDefault(SeedAction.Keep) is > 0 and var kept ? $", {kept} differing but not revisable" : "") + ")");
        return 0;
    }

    private static string Mark(SeedAction action) => action switch
    {
        SeedAction.Create => "✓",
        SeedAction.Revise => "↻",
        _ => "!",
    };

    private static string Describe(SeedAction action) => action switch
    {
        SeedAction.Revise => " (revised to the seeded content)",
        SeedAction.Keep => " (exists and differs from the seed; this record cannot be revised, left as it is)",
        _ => "",
    };

    /// <summary>One attempt at a step: look the record up, then create, revise or leave it.</summary>
    private async Task<(SeedAction Action, string? Id)> RunStepAsync(
        SeedStep step, DateOnly today, IReadOnlyDictionary<string, string> saved, CancellationToken ct)
    {
        string Substitute(string text) => SeedFile.Substitute(text, today, saved);
        var body = SeedFile.ToJson(step.Body, Substitute);
        var bearer = token(step.Role, step.Opd);

        JsonObject? found = null;
        if (step.Lookup is { } lookup)
        {
            var key = lookup.Key.ToDictionary(k => k.Key, k => SeedFile.ToJson(k.Value, Substitute));
            var matches = SeedPlanner.Matching(await FindAsync(Substitute(lookup.Find), bearer, ct), key);
            if (matches.Count > 1)
                output.WriteLine($"  ! {step.Title}: {matches.Count} records have {string.Join(", ", key.Select(k => $"{k.Key}={k.Value?.ToJsonString()}"))}; "
                    + "the first is kept as the seeded one (the others are older duplicates: withdraw or dispose them by hand)");
            var record = matches.FirstOrDefault();
            found = lookup.At is { } at ? record?[at] as JsonObject : record;
        }

        var revise = step.Lookup?.Revise ?? (step.Method == HttpMethod.Put ? step.Path : null);
        var action = SeedPlanner.Plan(body, found, step.Lookup?.CreateOnly ?? [], canRevise: revise is not null);
        var id = found?["id"]?.ToString();
        switch (action)
        {
            case SeedAction.Create:
                id = (await SendAsync(step.Method, Substitute(step.Path), body, bearer, ct))?["id"]?.ToString();
                break;
            case SeedAction.Revise:
                var path = SeedFile.Substitute(revise!, today, new Dictionary<string, string>(saved) { ["id"] = id ?? "" });
                id = (await SendAsync(HttpMethod.Put, path, body, bearer, ct))?["id"]?.ToString() ?? id;
                break;
        }
        return (action, id);
    }

    /// <summary>GETs a lookup: the records it answers (following the pages of a paged list), none on 404.</summary>
    private async Task<IReadOnlyList<JsonObject>> FindAsync(string path, string bearer, CancellationToken ct)
    {
        var records = new List<JsonObject>();
        for (var page = 1; ; page++)
        {
            var answer = await SendAsync(HttpMethod.Get, page == 1 ? path : WithPage(path, page), null, bearer, ct, notFoundIsEmpty: true);
            var candidates = SeedPlanner.Candidates(answer);
            records.AddRange(candidates);
            if (answer is not JsonObject { } paged || paged["items"] is null || paged["total"]?.GetValue<long>() is not { } total
                || records.Count >= total || candidates.Count == 0) return records;
        }
    }

    private static string WithPage(string path, int page)
    {
        var (route, query) = path.IndexOf('?') is var q and >= 0 ? (path[..q], path[(q + 1)..]) : (path, "");
        var parameters = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith("page=", StringComparison.Ordinal)).Append($"page={page}");
        return $"{route}?{string.Join('&', parameters)}";
    }

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body, string bearer, CancellationToken ct, bool notFoundIsEmpty = false)
    {
        var what = $"{method} {path}";
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            throw new SeedRequestFailed(what, null, null, e is TaskCanceledException ? "timed out" : e.Message, transient: true, null);
        }

        using (response)
        {
            var content = await response.Content.ReadAsStringAsync(ct);
            if (response.IsSuccessStatusCode) return content.Length == 0 ? null : JsonNode.Parse(content);
            if (notFoundIsEmpty && response.StatusCode == HttpStatusCode.NotFound) return null;

            JsonNode? problem = null;
            try
            {
                problem = content.Length == 0 ? null : JsonNode.Parse(content);
            }
            catch (System.Text.Json.JsonException)
            {
                // not a problem document (e.g. a proxy's plain-text error): the text itself is shown
            }
            var rule = (problem as JsonObject)?["rule"]?.ToString();
            var detail = Detail(problem as JsonObject) ?? (content.Length == 0 ? response.ReasonPhrase ?? "" : content);
            var retryAfter = response.Headers.RetryAfter?.Delta
                ?? (response.Headers.RetryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
            throw new SeedRequestFailed(what, response.StatusCode, rule, detail, Transient(response.StatusCode, rule), retryAfter);
        }
    }

    /// <summary>
    /// Worth another try: a write that clashed with a concurrent one (409 without a business rule, or the
    /// optimistic-concurrency rule), an API not ready (502, 503, 504) or a rate limit (429). Every other answer
    /// (400, 403, 404, 422, a 409 that names a broken rule) would be the same the next time.
    /// </summary>
    public static bool Transient(HttpStatusCode status, string? rule) => status switch
    {
        HttpStatusCode.Conflict => rule is null or "optimistic-concurrency",
        HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout or HttpStatusCode.TooManyRequests => true,
        _ => false,
    };

    private static string? Detail(JsonObject? problem)
    {
        if (problem is null) return null;
        var text = problem["detail"]?.ToString() ?? problem["title"]?.ToString();
        if (problem["errors"] is JsonObject fields && fields.Count > 0)
            text = $"{text} {string.Join("; ", fields.Select(f => $"{f.Key}: {string.Join(", ", (f.Value as JsonArray ?? []).Select(m => m?.ToString()))}"))}".Trim();
        return text;
    }
}
