using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SpbeOps.Dashboard.Api;
using SpbeOps.Dashboard.Live;
using SpbeOps.Dashboard.Localization;

namespace SpbeOps.Dashboard.Tests;

/// <summary>A bUnit context with what the views need: MudBlazor, the fake API, the language and the live updates.</summary>
public abstract class DashboardTestContext : BunitContext, IAsyncLifetime
{
    // MudBlazor's services dispose only asynchronously: xunit 2 is told to dispose the context that way.
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    protected FakeIndicatorsApi Api { get; } = new();

    protected DashboardTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLogging();
        Services.AddSingleton<IIndicatorsApi>(Api);
        Services.AddSingleton<Language>();
        Services.AddSingleton<LiveUpdates>();
        Auth = AddAuthorization();
        Auth.SetAuthorized("diskominfo-admin");
        Auth.SetRoles("diskominfo-admin");
    }

    protected BunitAuthorizationContext Auth { get; }

    protected Language Language => Services.GetRequiredService<Language>();

    protected LiveUpdates Live => Services.GetRequiredService<LiveUpdates>();

    /// <summary>Renders a view with MudBlazor's popover provider beside it (selects need it), and returns the view.</summary>
    protected IRenderedComponent<TView> RenderView<TView>(Action<ComponentParameterCollectionBuilder<TView>>? parameters = null) where TView : IComponent
    {
        var host = Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
        });
        _ = host;
        return Render(parameters ?? (_ => { }));
    }
}
