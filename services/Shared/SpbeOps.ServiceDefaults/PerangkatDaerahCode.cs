using System.Text.RegularExpressions;

namespace SpbeOps.ServiceDefaults;

/// <summary>
/// The one spelling of the codes SpbeOps keys data by, the tenant (<see cref="InstansiCode"/>) and the perangkat
/// daerah (<see cref="PerangkatDaerahCode"/>): lower-case kebab, 2–64 characters, words of letters and digits joined by
/// single hyphens, starting with a letter (<c>dinkes</c>, <c>kec-bukit-intan</c>, <c>kota-pangkalpinang</c>). Starting
/// with a letter is what keeps a date (<c>9999-12-31</c>), a number or a year out of a code field: a client that
/// puts a value in the wrong field is told so instead of creating an OPD nobody can find.
/// </summary>
public static partial class KebabCode
{
    public const int MinLength = 2;
    public const int MaxLength = 64;

    public static bool IsValid(string? code) =>
        code is { Length: >= MinLength and <= MaxLength } && Pattern().IsMatch(code);

    [GeneratedRegex("^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

/// <summary>Codes of perangkat daerah (OPD) as every service spells them: lower-case kebab, e.g. <c>diskominfo</c>.</summary>
public static class PerangkatDaerahCode
{
    public const string Rule =
        "kode perangkat daerah: huruf kecil dan angka, kata dipisah satu '-', diawali huruf, 2–64 karakter (mis. 'dinkes', 'kec-gabek') / " +
        "OPD code: lower-case letters and digits, words joined by single '-', starting with a letter, 2–64 characters (e.g. 'dinkes', 'kec-gabek')";

    public static bool IsValid(string? code) => KebabCode.IsValid(code);
}

/// <summary>
/// The tenant id (the token's <c>instansi</c> claim, docs/architecture.md decision 1): lower-case kebab, e.g.
/// <c>kota-pangkalpinang</c>. Every request's Marten session is opened for it, so a token whose instansi breaks this
/// rule (empty, several values, upper case, spaces) is refused when it is validated (401), before any session exists.
/// </summary>
public static class InstansiCode
{
    public const string Rule =
        "klaim 'instansi' harus tepat satu kode: huruf kecil dan angka, kata dipisah satu '-', diawali huruf, 2–64 karakter / " +
        "the 'instansi' claim must be exactly one code: lower-case letters and digits, words joined by single '-', starting with a letter, 2–64 characters";

    public static bool IsValid(string? code) => KebabCode.IsValid(code);
}
