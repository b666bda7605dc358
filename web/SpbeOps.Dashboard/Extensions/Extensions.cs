using Microsoft.AspNetCore.Components.Server.Circuits;
using MudBlazor.Services;
using SpbeOps.Dashboard.Api;
using SpbeOps.Dashboard.Live;
using SpbeOps.Dashboard.Localization;
using SpbeOps.Dashboard.SignIn;

namespace SpbeOps.Dashboard.Extensions;

public static class Extensions
{
    /// <summary>The Indicators API's base address (configuration <c>Services:indicators</c>; ./spbe and compose set it).</summary>
    public const string IndicatorsAddressKey = "Services:indicators";

    public static IHostApplicationBuilder AddDashboard(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddMudServices();
        builder.AddDashboardAuthentication();

        var indicators = new Uri(builder.Configuration[IndicatorsAddressKey] ?? "http://127.0.0.1:8102/");
        builder.Services.AddScoped<AccessToken>();
        builder.Services.AddHttpClient<IIndicatorsApi, IndicatorsApi>(c => c.BaseAddress = indicators);
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers: a stream open for the circuit's life must not meet a request timeout.
        builder.Services.AddHttpClient(IndicatorsApi.StreamClient, c =>
        {
            c.BaseAddress = indicators;
            c.Timeout = Timeout.InfiniteTimeSpan;
        }).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

        builder.Services.AddScoped<Language>();
        builder.Services.AddScoped<LiveUpdates>();
        return builder;
    }
}
