using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SpbeOps.ServiceDefaults.Problems;

/// <summary>
/// The one rule for the characters of every text SpbeOps accepts (docs/architecture.md decision 10): no control
/// characters other than tab, line feed and carriage return, no unpaired UTF-16 surrogates, no U+FFFE/U+FFFF.
/// Why: PostgreSQL cannot store NUL in <c>text</c> or <c>jsonb</c> (error 22P05, a 500 before this rule), an unpaired
/// surrogate has no UTF-8 encoding so Npgsql cannot send it, and XML 1.0 (so every XLSX export) cannot hold the other
/// control characters or the two non-characters. It is applied to every JSON string of a request body
/// (<see cref="SafeStringConverter"/>), every query and route value (<see cref="UnsafeRequestValuesMiddleware"/>) and
/// every text field a decider checks (<see cref="FieldErrors"/>, which also covers XLSX imports).
/// </summary>
public static class SafeText
{
    public const string Rule =
        "tidak boleh berisi karakter kontrol (mis. NUL, %00) atau karakter Unicode yang tidak sah / " +
        "must not contain control characters (such as NUL, %00) or invalid Unicode";

    public static bool IsSafe(ReadOnlySpan<char> text) => IndexOfUnsafe(text) < 0;

    /// <summary>The index of the first character the rule refuses, or -1.</summary>
    public static int IndexOfUnsafe(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ')
            {
                if (c is '\t' or '\n' or '\r') continue;
                return i;
            }
            if (c < '\uD800') continue;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }
                return i;
            }
            if (char.IsLowSurrogate(c) || c is '\uFFFE' or '\uFFFF') return i;
        }
        return -1;
    }

    /// <summary>
    /// A name the caller sent (a query key), fit to be echoed: refused characters as <c>%XX</c>/<c>\uXXXX</c>, at most
    /// <paramref name="max"/> characters.
    /// </summary>
    public static string Printable(string text, int max = 60)
    {
        var b = new StringBuilder(Math.Min(text.Length, max));
        foreach (var c in text)
        {
            if (b.Length >= max) return b.Append('…').ToString();
            if (c < ' ') b.Append('%').Append(((int)c).ToString("X2"));
            else if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF') b.Append($"\\u{(int)c:X4}");
            else b.Append(c);
        }
        return b.ToString();
    }
}

/// <summary>A JSON string <see cref="SafeText"/> refuses: the handler answers 400 naming the field (its JSON path).</summary>
public sealed class UnsafeTextException() : JsonException(SafeText.Rule);

/// <summary>
/// Reads every JSON string of a request body (minimal APIs' JSON options) and refuses what <see cref="SafeText"/>
/// refuses, with a <see cref="JsonException"/> that System.Text.Json gives the field's path (<c>$.application.url</c>,
/// <c>$.scopeOpds[2]</c>). So a NUL in any field of any route is a 400 naming that field, one rule for all of them.
/// </summary>
public sealed class SafeStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"Nilai {reader.TokenType} bukan teks / A {reader.TokenType} value is not a string.");
        return Checked(reader.GetString()!);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value);

    private static string Checked(string value) => SafeText.IsSafe(value) ? value : throw new UnsafeTextException();

    /// <summary>
    /// The OpenAPI schema of a string read by this converter: the document generator describes a custom converter's
    /// type as "anything" (<c>{}</c>), so each string is given back its <c>type</c> (nullable where C# says so).
    /// </summary>
    public static Task DescribeStringAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (context.JsonTypeInfo.Type == typeof(string) && schema.Type is null)
        {
            schema.Type = context.JsonPropertyInfo is { IsGetNullable: true } ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        }
        return Task.CompletedTask;
    }
}
