using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SpbeOps.Gateway.Tests;

/// <summary>
/// A real Kestrel backend on a loopback port (YARP forwards over sockets, so a TestServer backend is unreachable):
/// echoes what it received and serves a server-sent-events stream that stays open.
/// </summary>
public sealed class StubBackend : IAsyncDisposable
{
    private readonly WebApplication _app;
    public TaskCompletionSource StreamMayEnd { get; } = new();

    private StubBackend(WebApplication app) => _app = app;

    public string Address => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";

    public static async Task<StubBackend> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new StubBackend(app);
        app.MapGet("/api/maturity/stream", async (HttpContext http) =>
        {
            http.Response.ContentType = "text/event-stream";
            await http.Response.WriteAsync("event: level-changed\ndata: {\"indicator\":24}\n\n");
            await http.Response.Body.FlushAsync();
            await stub.StreamMayEnd.Task.WaitAsync(TimeSpan.FromSeconds(30));
        });
        app.Map("/health", () => Results.Ok("healthy"));
        app.Map("/{**path}", (HttpContext http) => Results.Ok(new
        {
            path = http.Request.Path.Value,
            host = http.Request.Host.Value,
            authorization = http.Request.Headers.Authorization.ToString(),
        }));
        await app.StartAsync();
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        StreamMayEnd.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
