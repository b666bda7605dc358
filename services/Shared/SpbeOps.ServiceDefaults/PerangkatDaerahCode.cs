using System.Text.RegularExpressions;

namespace SpbeOps.ServiceDefaults;

/// <summary>Codes of perangkat daerah (OPD) as every service spells them: lower-case kebab, e.g. <c>diskominfo</c>.</summary>
public static partial class PerangkatDaerahCode
{
    public const string Rule = "kode perangkat daerah: huruf kecil, angka dan '-', 2–64 karakter / OPD code: lower-case letters, digits and '-', 2–64 characters";

    public static bool IsValid(string? code) => code is not null && Pattern().IsMatch(code);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,63}$")]
    private static partial Regex Pattern();
}
