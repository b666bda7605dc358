using System.Net.Http.Headers;

namespace SpbeOps.Dashboard.Api;

/// <summary>
/// <c>GET /laporan/penilaian-mandiri.xlsx</c>: the self-assessment report of <c>GET /api/maturity/report</c>, fetched
/// with the user's token and streamed through (the API decides who may have it: Diskominfo and auditors).
/// </summary>
public static class ReportDownload
{
    public const string Path = "/laporan/penilaian-mandiri.xlsx";

    public static IEndpointRouteBuilder MapReportDownload(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Download).ExcludeFromDescription();
        return app;
    }

    private static async Task Download(HttpContext context, IHttpClientFactory clients, AccessToken token)
    {
        var client = clients.CreateClient(IndicatorsApi.StreamClient);
        using var request = new HttpRequestMessage(HttpMethod.Get, IndicatorsApi.ReportPath);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await token.GetAsync());
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode) return;
        context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
        if (response.Content.Headers.ContentDisposition is { } disposition) context.Response.Headers.ContentDisposition = disposition.ToString();
        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
