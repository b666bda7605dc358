using System.Text.Json;
using SpbeOps.Dashboard.Api;

namespace SpbeOps.Dashboard.Live;

public enum LiveState { Connecting, Connected, Disconnected }

/// <summary>
/// The level changes of the signed-in user's instansi, live, for one circuit: subscribes to
/// <c>GET /api/maturity/stream</c> with the user's token, keeps the recent changes, tells the open pages
/// (<see cref="Changed"/>), and reconnects with backoff when the stream breaks. Disposed with the circuit.
/// </summary>
public sealed class LiveUpdates(IIndicatorsApi api, ILogger<LiveUpdates> logger) : IAsyncDisposable
{
    public const int Kept = 20;
    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stop = new();
    private readonly List<LevelChange> _recent = [];
    private Task? _loop;

    public LiveState State { get; private set; } = LiveState.Connecting;

    /// <summary>Newest first.</summary>
    public IReadOnlyList<LevelChange> Recent
    {
        get { lock (_recent) return [.. _recent]; }
    }

    /// <summary>A level changed; the handler runs on the stream's thread (components use InvokeAsync).</summary>
    public event Func<LevelChange, Task>? Changed;

    public event Func<Task>? StateChanged;

    /// <summary>Starts the subscription once per circuit; later calls do nothing.</summary>
    public void Start()
    {
        lock (_stop) _loop ??= Task.Run(() => RunAsync(_stop.Token));
    }

    private async Task RunAsync(CancellationToken ct)
    {
        var delay = FirstRetry;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await SetStateAsync(LiveState.Connecting);
                await using var stream = await api.OpenStreamAsync(ct);
                await SetStateAsync(LiveState.Connected);
                delay = FirstRetry;
                await foreach (var e in ServerSentEvents.ReadAsync(stream, ct))
                {
                    if (e.Event == "level-changed" && JsonSerializer.Deserialize<LevelChange>(e.Data, JsonSerializerOptions.Web) is { } change)
                        await ApplyAsync(change);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogInformation(e, "The live stream broke; reconnecting in {Delay}", delay);
            }
            await SetStateAsync(LiveState.Disconnected);
            try
            {
                await Task.Delay(delay, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestRetry.Ticks));
        }
    }

    /// <summary>Keeps the change and tells the pages (also what a test calls to play an event).</summary>
    public async Task ApplyAsync(LevelChange change)
    {
        lock (_recent)
        {
            _recent.Insert(0, change);
            if (_recent.Count > Kept) _recent.RemoveAt(_recent.Count - 1);
        }
        if (Changed is { } changed)
            foreach (var handler in changed.GetInvocationList().Cast<Func<LevelChange, Task>>()) await handler(change);
    }

    public async Task SetStateAsync(LiveState state)
    {
        if (State == state) return;
        State = state;
        if (StateChanged is { } changed)
            foreach (var handler in changed.GetInvocationList().Cast<Func<Task>>()) await handler();
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested) return;
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            try { await _loop; } catch (OperationCanceledException) { }
        }
    }
}
