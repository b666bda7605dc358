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

    private static async Task Download(HttpContext context, IHttpClientFactory clients, AccessToken token, ILoggerFactory loggers)
    {
        var client = clients.CreateClient(IndicatorsApi.StreamClient);
        using var request = new HttpRequestMessage(HttpMethod.Get, IndicatorsApi.ReportPath);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await token.GetAsync());
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        }
        catch (HttpRequestException e)
        {
            // The Indicators service is down or unreachable: a 503 that says so, never a 500.
            loggers.CreateLogger(typeof(ReportDownload)).LogWarning(e, "The self-assessment report could not be fetched from the Indicators API");
            await TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Layanan indikator tidak terjangkau / The Indicators service cannot be reached",
                detail: "Coba lagi sebentar lagi / Try again shortly.").ExecuteAsync(context);
            return;
        }

        using (response)
        {
            // The file, or the API's own refusal (a ProblemDetails: who may have the report is the API's rule).
            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
            if (response.IsSuccessStatusCode && response.Content.Headers.ContentDisposition is { } disposition)
                context.Response.Headers.ContentDisposition = disposition.ToString();
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
    }
}
