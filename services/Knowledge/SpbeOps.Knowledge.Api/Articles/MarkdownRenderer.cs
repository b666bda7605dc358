using Ganss.Xss;
using Markdig;

namespace SpbeOps.Knowledge.Api.Articles;

/// <summary>
/// Markdown to safe HTML, twice guarded: Markdig (CommonMark plus tables, task lists, auto-links) with raw HTML
/// disabled, so a <c>&lt;script&gt;</c> in the body is text; then HtmlSanitizer (an allow-list of elements,
/// attributes and URL schemes: http, https, mailto), so a link or image cannot carry <c>javascript:</c> or an event
/// handler whatever Markdig emits.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables().UseTaskLists().UseAutoLinks().UseEmphasisExtras().DisableHtml().Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToSafeHtml(string markdown) => Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" }) sanitizer.AllowedSchemes.Add(scheme);
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("input");
        sanitizer.AllowedTags.Remove("button");
        sanitizer.AllowedTags.Add("input"); // task lists render disabled checkboxes
        sanitizer.AllowedAttributes.Add("checked");
        sanitizer.AllowedAttributes.Add("disabled");
        return sanitizer;
    }
}
