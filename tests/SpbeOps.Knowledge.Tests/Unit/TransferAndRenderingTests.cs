using SpbeOps.Knowledge.Api.Articles;
using SpbeOps.Knowledge.Api.Process;
using SpbeOps.Knowledge.Api.Transfers;
using SpbeOps.Records;

namespace SpbeOps.Knowledge.Tests.Unit;

public sealed class TransferAndRenderingTests
{
    private static readonly DateOnly Today = new(2026, 5, 4);
    private static readonly TransferRequest Request = new("dinkes", "Coaching server", "coaching", Today.AddDays(-1), "Tim TIK", 10);

    [Fact]
    public void A_session_is_recorded_in_the_past_and_cancelled_once()
    {
        var session = TransferDecider.Record(Guid.NewGuid(), Request, Today).Next!;
        Assert.Equal(("coaching", 10), (session.Kind, session.Participants));
        var refused = Assert.IsType<Rejection.Invalid>(TransferDecider.Record(Guid.NewGuid(), Request with { HeldOn = Today.AddDays(1), Kind = "rapat", Participants = 0 }, Today).Rejection);
        Assert.Equivalent(new[] { "heldOn", "kind", "participants" }, refused.Errors.ToDictionary().Keys, strict: true);
        var cancelled = TransferDecider.Cancel(session, new ReasonRequest("ditunda")).Next!;
        Assert.True(cancelled.Cancelled);
        Assert.False(session.Cancelled);
        Assert.Equal(TransferDecider.CancelledRule, Assert.IsType<Rejection.Conflict>(TransferDecider.Update(cancelled, Request, Today).Rejection).Rule);
        Assert.IsType<Rejection.Conflict>(TransferDecider.Cancel(cancelled, new ReasonRequest("lagi")).Rejection);
    }

    [Fact]
    public void The_process_counts_become_steps()
    {
        var process = KmProcessApi.Of("dinkes", [3, 2, 1, 0, 1, 0]);
        Assert.Equal(["pengumpulan", "pengolahan", "penyimpanan", "penggunaan", "alih-pengetahuan"], process.Steps.Select(s => s.Step));
        Assert.Equal([true, true, true, true, false], process.Steps.Select(s => s.Performed));
        Assert.Equal(4, process.StepsPerformed);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("<img src=x onerror=alert(1)>", "onerror")]
    [InlineData("[a](javascript:alert(1))", "javascript:")]
    [InlineData("[a](vbscript:msgbox(1))", "vbscript:")]
    [InlineData("[a](data:text/html;base64,PHNjcmlwdD4=)", "data:")]
    [InlineData("<div style=\"background:url(javascript:alert(1))\">x</div>", "javascript:")]
    public void Markdown_renders_without_script(string markdown, string forbidden)
    {
        // Raw HTML stays text (&lt;…&gt;); inside any element the forbidden construct never appears.
        var html = MarkdownRenderer.ToSafeHtml(markdown);
        var tags = System.Text.RegularExpressions.Regex.Matches(html, "<[^>]*>").Select(m => m.Value);
        Assert.DoesNotContain(tags, t => t.Contains(forbidden, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Markdown_keeps_its_formatting()
    {
        var html = MarkdownRenderer.ToSafeHtml("# Judul\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] selesai\n\n[tautan](https://example.go.id) `kode`");
        Assert.Contains("<h1", html);
        Assert.Contains("<table>", html);
        Assert.Contains("href=\"https://example.go.id\"", html);
        Assert.Contains("<code>kode</code>", html);
    }

    [Fact]
    public void Highlights_encode_everything_but_the_marks() =>
        Assert.Equal("a &lt;b&gt; <mark>kata</mark> c", ArticleSearch.Highlight("a <b> \uE000kata\uE001 c"));

    [Fact]
    public void A_diff_keeps_common_lines_and_marks_the_others()
    {
        var lines = ArticleDiffs.Lines("a\nb\nc", "a\nc\nd");
        Assert.Equal([(" ", "a"), ("-", "b"), (" ", "c"), ("+", "d")], lines.Select(l => (l.Op, l.Text)));
        Assert.All(ArticleDiffs.Lines("x", "x"), l => Assert.Equal(" ", l.Op));
    }
}
