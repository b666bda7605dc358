using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SpbeOps.ServiceDefaults.Problems;

/// <summary>
/// Collects every field error of a request, so one 400 names them all (RFC 9457 <c>errors</c> member).
/// Field names are the JSON (camelCase) names the caller sent.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public FieldErrors Add(string field, string reason)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(reason);
        return this;
    }

    public FieldErrors Required(string field, string? value, int maxLength = 500)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, "wajib diisi / is required");
        else if (value.Length > maxLength) Add(field, $"paling banyak {maxLength} karakter / at most {maxLength} characters");
        return this;
    }

    public FieldErrors MaxLength(string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength) Add(field, $"paling banyak {maxLength} karakter / at most {maxLength} characters");
        return this;
    }

    public FieldErrors OneOf(string field, string? value, IReadOnlyCollection<string> allowed, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, $"wajib diisi, salah satu dari / is required, one of: {string.Join(", ", allowed)}");
        }
        else if (!allowed.Contains(value))
        {
            Add(field, $"'{value}' tidak dikenal; gunakan salah satu dari / is not known; use one of: {string.Join(", ", allowed)}");
        }
        return this;
    }

    public FieldErrors Range(string field, int? value, int min, int max, bool required = true)
    {
        if (value is null)
        {
            if (required) Add(field, "wajib diisi / is required");
        }
        else if (value < min || value > max)
        {
            Add(field, $"harus antara {min} dan {max} / must be between {min} and {max}");
        }
        return this;
    }

    public FieldErrors Url(string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)
            && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            Add(field, "harus URL http(s) yang lengkap / must be an absolute http(s) URL");
        }
        return this;
    }

    public FieldErrors When(bool condition, string field, string reason) => condition ? Add(field, reason) : this;

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public ValidationProblem ToProblem() => TypedResults.ValidationProblem(ToDictionary(), title: Title, detail: Detail);

    internal const string Title = "Data tidak valid / One or more fields are invalid";

    internal string Detail => string.Join(" ", _errors.Select(e => $"{e.Key}: {string.Join("; ", e.Value)}."));
}

/// <summary>Typed problem results for the rules of a domain (409 conflict, 404 not found, 403 forbidden).</summary>
public static class Problem
{
    public static ProblemHttpResult Conflict(string detail, string? rule = null, string? field = null) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict,
            title: "Tidak dapat dilakukan pada keadaan saat ini / Conflicts with the current state",
            extensions: Extras(rule, field));

    public static ProblemHttpResult Unprocessable(string detail, string? rule = null, string? field = null) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Melanggar aturan / Breaks a rule", extensions: Extras(rule, field));

    public static ProblemHttpResult NotFound(string what, object id) =>
        TypedResults.Problem(detail: $"{what} '{id}' tidak ditemukan / was not found.", statusCode: StatusCodes.Status404NotFound,
            title: "Tidak ditemukan / Not found");

    /// <summary>The 400 of <see cref="FieldErrors.ToProblem"/>, where an endpoint answers ProblemHttpResult only.</summary>
    public static ProblemHttpResult Invalid(FieldErrors errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary())
        {
            Status = StatusCodes.Status400BadRequest, Title = FieldErrors.Title, Detail = errors.Detail,
        });

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "Tidak berwenang / Forbidden");

    private static Dictionary<string, object?>? Extras(string? rule, string? field)
    {
        if (rule is null && field is null) return null;
        var d = new Dictionary<string, object?>();
        if (rule is not null) d["rule"] = rule;
        if (field is not null) d["field"] = field;
        return d;
    }
}
