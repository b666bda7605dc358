using System.Text.Json;
using System.Text.RegularExpressions;
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
        {
            ctx.ProblemDetails.Extensions.TryAdd("traceId", ctx.HttpContext.TraceIdentifier);
            // Minimal APIs answer a body of another media type with a bare 415: name what is wrong, like every 4xx.
            if (ctx.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType && ctx.ProblemDetails is not HttpValidationProblemDetails)
            {
                ctx.ProblemDetails.Detail ??= BadInput.JsonOnly;
                ctx.ProblemDetails.Extensions.TryAdd("errors", new Dictionary<string, string[]> { ["Content-Type"] = [BadInput.JsonOnly] });
            }
        });
        services.AddExceptionHandler<BadInputExceptionHandler>();
        // Outside Development minimal APIs answer unreadable input with a bare 400; throwing lets the handler
        // below name the field in every environment.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // Every JSON string of every request body obeys SafeText (a NUL is a 400 naming its field, not a 500).
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new SafeStringConverter()));
        return services;
    }
}

/// <summary>Writes the 400 (or other 4xx) of unreadable input: a ValidationProblem naming one field.</summary>
internal static partial class BadInput
{
    public const string Title = "Permintaan tidak dapat dibaca / The request could not be read";

    public const string JsonOnly = "kirim JSON dengan Content-Type application/json / send JSON as application/json";

    public static Task WriteAsync(HttpContext context, int status, string field, string reason) =>
        context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(Context(context, status, field, reason, null)).AsTask();

    public static ProblemDetailsContext Context(HttpContext context, int status, string field, string reason, Exception? exception)
    {
        context.Response.StatusCode = status;
        return new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [reason] })
            {
                Title = Title,
                Status = status,
                Detail = $"{field}: {reason}",
            },
        };
    }

    /// <summary>
    /// The field and reason of a request the framework could not read. Minimal APIs say which parameter in the
    /// message of <see cref="BadHttpRequestException"/> (<c>Failed to bind parameter "int? page" from "abc".</c>,
    /// <c>Required parameter "int year" was not provided from route.</c>); a body's JSON names the field by its path.
    /// </summary>
    public static (string Field, string Reason) Describe(BadHttpRequestException bad)
    {
        for (Exception? e = bad; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
            {
                var path = FieldOf(json.Path);
                if (e is UnsafeTextException) return (path, SafeText.Rule);
                return path == "body"
                    ? ("body", $"JSON tidak valid / invalid JSON: {FirstSentence(json.Message)}")
                    : (path, $"nilai '{path}' tidak sesuai tipe atau format yang diharapkan / the value of '{path}' has the wrong type or format");
            }
        }

        var message = bad.Message;
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
            return ("Content-Type", $"{JsonOnly} ({message})");
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
            return ("body", $"permintaan terlalu besar / the request is too large ({message})");
        var fromBody = message.StartsWith("Implicit body", StringComparison.Ordinal)
            || message.Contains("\" from the request body", StringComparison.Ordinal)
            || message.EndsWith("was not provided from body.", StringComparison.Ordinal);
        if (Parameter().Match(message) is { Success: true } m)
        {
            if (fromBody) return ("body", "isi permintaan (JSON) wajib dikirim / a JSON body is required");
            var (type, name) = (m.Groups["type"].Value, m.Groups["name"].Value);
            return message.StartsWith("Required parameter", StringComparison.Ordinal)
                ? (name, "wajib diisi / is required")
                : (name, $"nilai tidak sesuai tipe yang diharapkan ({Expected(type)}) / the value is not a valid {Expected(type)}");
        }
        return (fromBody ? "body" : "request", message);
    }

    /// <summary><c>$.application.url</c> → <c>application.url</c>; the root (<c>$</c>) or no path → <c>body</c>.</summary>
    private static string FieldOf(string? jsonPath)
    {
        var path = (jsonPath ?? "").TrimStart('$').TrimStart('.');
        return path == "" ? "body" : path;
    }

    private static string Expected(string type) => (type.StartsWith("Nullable<", StringComparison.Ordinal) ? type[9..^1] : type.TrimEnd('?')) switch
    {
        "int" or "long" or "short" => "bilangan bulat / whole number",
        "decimal" or "double" or "float" => "angka / number",
        "bool" => "true/false",
        "DateOnly" => "tanggal YYYY-MM-DD / date YYYY-MM-DD",
        "DateTimeOffset" or "DateTime" => "waktu ISO 8601 / ISO 8601 time",
        "Guid" => "GUID",
        var other => other,
    };

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    // Failed to bind parameter "int? page" from "abc". / Required parameter "int year" was not provided from route.
    // Failed to read parameter "AssetRequest request" from the request body as JSON.
    [GeneratedRegex("parameter \"(?<type>[^\"]*?)\\s(?<name>[^\"\\s]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex Parameter();
}

/// <summary>
/// Turns unreadable input (malformed JSON, a value of the wrong type, a bad query or route value, a body of the
/// wrong media type) into a 4xx that names the field or parameter and the reason, instead of the framework's bare
/// 400 or a 500.
/// </summary>
internal sealed class BadInputExceptionHandler(IProblemDetailsService problems, ILogger<BadInputExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad) return false;

        var (field, reason) = BadInput.Describe(bad);
        var status = bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : StatusCodes.Status400BadRequest;
        logger.LogInformation("Rejected unreadable request to {Path}: {Field}: {Reason}", context.Request.Path, field, reason);
        return await problems.TryWriteAsync(BadInput.Context(context, status, field, reason, exception));
    }
}
