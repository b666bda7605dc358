using System.Globalization;

namespace SpbeOps.Dashboard.Localization;

/// <summary>
/// The language of the page: Bahasa Indonesia unless the user chose English (cookie <c>spbe-lang</c>, set by
/// <c>/bahasa</c>). Numbers follow it: 2,25 in Indonesian, 2.25 in English (invariant globalization, so by hand).
/// </summary>
public sealed class Language
{
    public const string Cookie = "spbe-lang";
    public const string Indonesian = "id";
    public const string English = "en";

    public string Code { get; private set; } = Indonesian;

    public bool IsEnglish => Code == English;

    public Text Text => IsEnglish ? Text.En : Text.Id;

    public void Use(string? code) => Code = code == English ? English : Indonesian;

    public static string Other(string code) => code == English ? Indonesian : English;

    /// <summary>Two decimals, with the decimal comma in Indonesian.</summary>
    public string Number(decimal value)
    {
        var text = value.ToString("0.00", CultureInfo.InvariantCulture);
        return IsEnglish ? text : text.Replace('.', ',');
    }

    public string Date(DateTimeOffset value) => value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public string Pick(string id, string en) => IsEnglish ? en : id;

    public string Pick(Api.LocalizedText? text) => text is null ? "" : Pick(text.Id, text.En);
}
