using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SpbeOps.ServiceDefaults.Problems;

public static class ProblemDetailsExtensions
{
    public static IServiceCollection AddSpbeProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
            ctx.ProblemDetails.Extensions.TryAdd("traceId", ctx.HttpContext.TraceIdentifier));
        services.AddExceptionHandler<BadInputExceptionHandler>();
        // Outside Development minimal APIs answer unreadable input with a bare 400; throwing lets the handler
        // below name the field in every environment.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }
}

/// <summary>
/// Turns unreadable input (malformed JSON, a value of the wrong type, a bad route value) into a 400 that names
/// the field and the reason, instead of the framework's bare 400 or a 500.
/// </summary>
internal sealed class BadInputExceptionHandler(IProblemDetailsService problems, ILogger<BadInputExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad) return false;

        var (field, reason) = Describe(bad);
        logger.LogInformation("Rejected unreadable request to {Path}: {Reason}", context.Request.Path, reason);
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        var problem = new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [reason] })
        {
            Title = "Permintaan tidak dapat dibaca / The request could not be read",
            Status = StatusCodes.Status400BadRequest,
            Detail = reason,
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static (string Field, string Reason) Describe(BadHttpRequestException bad)
    {
        for (Exception? e = bad; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
            {
                var path = string.IsNullOrEmpty(json.Path) ? "body" : json.Path.TrimStart('$', '.');
                return path == "" || path == "body"
                    ? ("body", $"JSON tidak valid / invalid JSON: {FirstSentence(json.Message)}")
                    : (path, $"nilai '{path}' tidak sesuai tipe atau format yang diharapkan / the value of '{path}' has the wrong type or format");
            }
        }
        return ("request", bad.Message);
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
