using Microsoft.AspNetCore.Components;
using SpbeOps.Dashboard.Api;
using SpbeOps.Dashboard.Live;
using SpbeOps.Dashboard.Localization;

namespace SpbeOps.Dashboard.Shared;

/// <summary>
/// What every view shares: the API client, the language, the live level changes (a view that shows levels
/// overrides <see cref="OnLevelChangedAsync"/>), and one way to load and to show a failed load.
/// </summary>
public abstract class DashboardPage : ComponentBase, IDisposable
{
    [Inject] protected IIndicatorsApi Api { get; set; } = default!;
    [Inject] protected Language Language { get; set; } = default!;
    [Inject] protected LiveUpdates Live { get; set; } = default!;
    [Inject] private ILogger<DashboardPage> Logger { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    protected Text T => Language.Text;

    protected bool Loading { get; private set; } = true;

    /// <summary>The API's refusal or the failure, shown instead of the view.</summary>
    protected string? Error { get; private set; }

    protected override async Task OnInitializedAsync()
    {
        Live.Changed += HandleLevelChanged;
        await RunAsync(LoadAsync);
        Loading = false;
    }

    protected abstract Task LoadAsync();

    protected virtual Task OnLevelChangedAsync(LevelChange change) => Task.CompletedTask;

    /// <summary>Runs a call to the API; a refusal or an unreachable API becomes <see cref="Error"/>, never an exception.</summary>
    protected async Task RunAsync(Func<Task> call)
    {
        try
        {
            await call();
            Error = null;
        }
        catch (IndicatorsApiException e) when (e.Status == StatusCodes.Status401Unauthorized)
        {
            // The token expired or was revoked: the cookie is of no use any more; sign in again.
            Navigation.NavigateTo(SignIn.SignInEndpoints.SignOutPath, forceLoad: true);
        }
        catch (Exception e) when (e is IndicatorsApiException or HttpRequestException or TaskCanceledException)
        {
            Logger.LogWarning(e, "A dashboard call to the Indicators API failed");
            Error = $"{T.Error}: {e.Message}";
        }
    }

    private Task HandleLevelChanged(LevelChange change) => InvokeAsync(async () =>
    {
        await RunAsync(() => OnLevelChangedAsync(change));
        StateHasChanged();
    });

    public void Dispose()
    {
        Live.Changed -= HandleLevelChanged;
        GC.SuppressFinalize(this);
    }
}
