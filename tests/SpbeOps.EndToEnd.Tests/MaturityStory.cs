using System.Collections.Concurrent;

namespace SpbeOps.EndToEnd.Tests;

/// <summary>
/// A story told end to end through the gateway: the whole suite (<see cref="RunningSuite"/>) on the real PostgreSQL
/// and RabbitMQ, a new instansi with its perangkat daerah, and the one indicator the story moves, watched level by
/// level.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public abstract class MaturityStory(InfrastructureFixture infrastructure, int indicator) : IAsyncLifetime
{
    protected static readonly TimeSpan Bounded = TimeSpan.FromSeconds(60);
    private RunningSuite _suite = null!;
    private HttpClient? _admin;

    protected string Instansi { get; } = Tenants.New("e2e");

    public async Task InitializeAsync() => _suite = await RunningSuite.StartAsync(infrastructure);
    public async Task DisposeAsync() => await _suite.DisposeAsync();

    /// <summary>Diskominfo, which sets the instansi up and watches its maturity.</summary>
    protected HttpClient Admin => _admin ??= _suite.Client("diskominfo-admin", Instansi);

    protected HttpClient Operator(string opd) => _suite.Client("opd-operator", Instansi, opd);

    /// <summary>Any role of the instansi (e.g. the walidata), and a caller without a token, through the gateway.</summary>
    protected HttpClient As(string role, string? opd = null) => _suite.Client(role, Instansi, opd);

    protected HttpClient WithoutToken() => new() { BaseAddress = new Uri(_suite.GatewayUrl), Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Lists the instansi's perangkat daerah, with Diskominfo as its ICT unit.</summary>
    protected async Task SetUpOrganisation(params (string Code, string Name)[] perangkatDaerah) =>
        await Admin.PutAsJsonAsync("api/maturity/organisation", new
        {
            name = "Pemerintah Kota Uji",
            ictUnitOpd = "diskominfo",
            perangkatDaerah = perangkatDaerah.Select(p => new { code = p.Code, name = p.Name }).ToArray(),
        }).ShouldBe(HttpStatusCode.OK);

    /// <summary>The story's indicator as <paramref name="client"/> reads it (Diskominfo's view by default).</summary>
    protected async Task<JsonElement> Indicator(HttpClient? client = null, string? opd = null) =>
        await (await (client ?? Admin).GetAsync($"api/maturity/indicators/{indicator}" + (opd is null ? "" : $"?opd={opd}"))
            .ShouldBe(HttpStatusCode.OK)).ReadJson();

    /// <summary>Waits until the story's indicator (or <paramref name="of"/>) is at <paramref name="level"/>, and returns its detail then.</summary>
    protected async Task<JsonElement> LevelReaches(int level, int? of = null) =>
        (await HttpAssertions.Eventually<JsonElement?>(async () =>
        {
            var detail = await (await Admin.GetAsync($"api/maturity/indicators/{of ?? indicator}").ShouldBe(HttpStatusCode.OK)).ReadJson();
            return detail.GetProperty("level").GetInt32() == level ? detail : null;
        }, Bounded, $"indicator {of ?? indicator} to reach level {level}"))!.Value;

    /// <summary>The metrics an indicator detail says are missing for the next level.</summary>
    protected static List<string?> MissingMetrics(JsonElement detail) =>
        detail.GetProperty("missingForNextLevel").EnumerateArray().Select(c => c.GetProperty("metric").GetString()).ToList();

    /// <summary>The story indicator's recorded level changes, oldest first.</summary>
    protected async Task<List<JsonElement>> History() =>
        (await (await Admin.GetAsync($"api/maturity/indicators/{indicator}/history").ShouldBe(HttpStatusCode.OK)).ReadJson()).EnumerateArray().ToList();

    /// <summary>Reads the gateway's server-sent-events stream, as the dashboard does.</summary>
    protected static async Task ListenAsync(HttpClient client, ConcurrentQueue<JsonElement> changes, CancellationToken ct)
    {
        try
        {
            using var response = await client.GetAsync("api/maturity/stream", HttpCompletionOption.ResponseHeadersRead, ct);
            response.EnsureSuccessStatusCode();
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                if (line.StartsWith("data: ", StringComparison.Ordinal)) changes.Enqueue(JsonDocument.Parse(line[6..]).RootElement.Clone());
            }
        }
        catch (OperationCanceledException) { }
    }
}
