using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace SpbeOps.Indicators.Api.Live;

public sealed class LiveOptions
{
    /// <summary>Comment lines keep proxies (YARP's 100 s activity timeout) from cutting an idle stream.</summary>
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(20);
}

public static class StreamApi
{
    public static RouteHandlerBuilder MapMaturityStream(this IEndpointRouteBuilder app) =>
        app.MapGet("api/maturity/stream", Stream)
            .RequireAuthorization(SpbePolicies.Member)
            .WithTags("Maturity")
            .WithName("MaturityStream")
            .WithSummary("Server-sent events: satu event per perubahan level / one event per level change");

    public static async Task Stream(HttpContext http, Caller caller, LevelChangeBroadcaster broadcaster, LiveOptions options, CancellationToken ct)
    {
        http.Response.Headers.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        using var subscription = broadcaster.Subscribe(caller.Instansi, caller.IsOpdOperator ? caller.Opd : null);
        await http.Response.WriteAsync(": terhubung / connected\n\n", ct);
        await http.Response.Body.FlushAsync(ct);

        while (!ct.IsCancellationRequested)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
            wait.CancelAfter(options.KeepAlive);
            try
            {
                var change = await subscription.Reader.ReadAsync(wait.Token);
                var data = JsonSerializer.Serialize(change, JsonSerializerOptions.Web);
                await http.Response.WriteAsync($"event: level-changed\nid: {change.Instansi}:{change.Indicator}:{change.ChangedAt.ToUnixTimeMilliseconds()}\ndata: {data}\n\n", ct);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                await http.Response.WriteAsync(": keep-alive\n\n", ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            await http.Response.Body.FlushAsync(ct);
        }
    }
}
