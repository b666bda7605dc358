using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SpbeOps.ServiceDefaults.Problems;

/// <summary>
/// Collects every field error of a request, so one 400 names them all (RFC 9457 <c>errors</c> member).
/// Field names are the JSON (camelCase) names the caller sent.
/// </summary>
public sealed class FieldErrors
{
    /// <summary>
    /// The earliest date any record may carry. Nothing SpbeOps registers (ICT assets, SPBE policies, programmes,
    /// reviews, risks) predates 1990: the oldest government ICT still in use dates from the 1990s, before the first
    /// national policies (Inpres 6/2001 on telematika, Inpres 3/2003 on e-government). An earlier date is a mistake,
    /// typically 0001-01-01, the value a client sends for a date it never filled.
    /// </summary>
    public static readonly DateOnly EarliestDate = new(1990, 1, 1);

    /// <summary>
    /// How far ahead a planned date may lie (a licence's expiry, a programme's end, a policy's validity, a treatment
    /// schedule, a follow-up's due date): 20 years, the RPJPD, the longest plan a pemerintah daerah makes. Further
    /// is a mistake, typically 9999-12-31 for "forever".
    /// </summary>
    public const int PlanningHorizonYears = 20;

    /// <summary>The most items a list of a request may hold (OPD codes, findings, activities, criteria…).</summary>
    public const int MaxItems = 200;

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public FieldErrors Add(string field, string reason)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(reason);
        return this;
    }

    /// <summary>A text that must be filled: not blank, at most <paramref name="maxLength"/> characters, <see cref="SafeText"/>.</summary>
    public FieldErrors Required(string field, string? value, int maxLength = 500)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, "wajib diisi / is required");
        else Text(field, value, maxLength);
        return this;
    }

    /// <summary>An optional text: at most <paramref name="maxLength"/> characters, <see cref="SafeText"/>. Every text field of a request has one.</summary>
    public FieldErrors MaxLength(string field, string? value, int maxLength)
    {
        if (value is not null) Text(field, value, maxLength);
        return this;
    }

    /// <summary>
    /// A list of texts: at most <paramref name="maxItems"/> items, each filled and at most <paramref name="maxLength"/>
    /// characters (errors name the item, <c>findings[2]</c>).
    /// </summary>
    public FieldErrors Texts(string field, IReadOnlyList<string?>? items, int maxLength, int maxItems = MaxItems)
    {
        if (items is null) return this;
        if (Count(field, items, maxItems)) return this;
        for (var i = 0; i < items.Count; i++) Required($"{field}[{i}]", items[i], maxLength);
        return this;
    }

    /// <summary>At most <paramref name="maxItems"/> items; true when the list is too long (its items are not checked then).</summary>
    public bool Count<T>(string field, IReadOnlyCollection<T>? items, int maxItems = MaxItems)
    {
        if (items is null || items.Count <= maxItems) return false;
        Add(field, $"paling banyak {maxItems} butir / at most {maxItems} items");
        return true;
    }

    public FieldErrors OneOf(string field, string? value, IReadOnlyCollection<string> allowed, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, $"wajib diisi, salah satu dari / is required, one of: {string.Join(", ", allowed)}");
        }
        else if (!allowed.Contains(value))
        {
            Add(field, $"{Echo(value)} tidak dikenal; gunakan salah satu dari / is not known; use one of: {string.Join(", ", allowed)}");
        }
        return this;
    }

    /// <summary>An OPD code (<see cref="PerangkatDaerahCode"/>): in a body, an XLSX cell or a query's <c>opd=</c> filter.</summary>
    public FieldErrors Opd(string field, string? value, bool required = true)
    {
        if (value is null ? required : !PerangkatDaerahCode.IsValid(value)) Add(field, PerangkatDaerahCode.Rule);
        return this;
    }

    /// <summary>
    /// A plausible date: not before <see cref="EarliestDate"/> and not after <paramref name="latest"/> (today for
    /// what has happened, today plus a day where the caller's clock may be ahead of UTC, today plus
    /// <see cref="PlanningHorizonYears"/> for what is planned).
    /// </summary>
    public FieldErrors Date(string field, DateOnly? value, DateOnly latest, DateOnly today)
    {
        if (value is null) return this;
        if (value < EarliestDate)
            Add(field, $"tidak boleh sebelum {EarliestDate:yyyy-MM-dd} / must not be before {EarliestDate:yyyy-MM-dd}");
        else if (value > latest)
            Add(field, latest <= today.AddDays(1)
                ? "tidak boleh di masa depan / must not be in the future"
                : $"tidak boleh setelah {latest:yyyy-MM-dd} / must not be after {latest:yyyy-MM-dd}");
        return this;
    }

    /// <summary>A date of something that has happened (<see cref="Date"/> up to today).</summary>
    public FieldErrors PastDate(string field, DateOnly? value, DateOnly today) => Date(field, value, today, today);

    /// <summary>A planned date (<see cref="Date"/> up to <see cref="PlanningHorizonYears"/> ahead).</summary>
    public FieldErrors PlannedDate(string field, DateOnly? value, DateOnly today) => Date(field, value, today.AddYears(PlanningHorizonYears), today);

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

    public FieldErrors Url(string field, string? value, int maxLength = 2000)
    {
        if (value is not null && (value.Length > maxLength || !SafeText.IsSafe(value))) return MaxLength(field, value, maxLength);
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

    /// <summary>A value the caller sent, quoted for a message: printable and at most 60 characters.</summary>
    public static string Echo(string value) => $"'{SafeText.Printable(value)}'";

    private void Text(string field, string value, int maxLength)
    {
        if (value.Length > maxLength) Add(field, $"paling banyak {maxLength} karakter / at most {maxLength} characters");
        else if (!SafeText.IsSafe(value)) Add(field, SafeText.Rule);
    }
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
