namespace SpbeOps.Knowledge.Api.Articles;

/// <summary>One line of a diff: <c>" "</c> kept, <c>"-"</c> only in the older version, <c>"+"</c> only in the newer.</summary>
public sealed record DiffLine(string Op, string Text);

public sealed record ArticleDiff(Guid Id, long From, long To, string TitleFrom, string TitleTo, int RevisionFrom, int RevisionTo, IReadOnlyList<DiffLine> Lines);

/// <summary>The difference between two versions of an article's body, line by line (the versions are folded from its events).</summary>
public static class ArticleDiffs
{
    /// <summary>Above this many line pairs the diff is one block removed and one added (a longest-common-subsequence table would be too big).</summary>
    public const long MaxCells = 4_000_000;

    public static async Task<Results<Ok<ArticleDiff>, ValidationProblem, ProblemHttpResult>> Get(
        Guid id, long? from, long? to, Caller caller, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadReadableAsync<Article>(id, caller, ct) is not { } current) return RecordWriter.NotFound<Article>(id);
        var errors = new FieldErrors();
        if (from is null or < 1 || from > current.Version) errors.Add("from", $"versi 1–{current.Version} / a version from 1 to {current.Version}");
        if (to is null or < 1 || to > current.Version) errors.Add("to", $"versi 1–{current.Version} / a version from 1 to {current.Version}");
        if (errors.Any) return errors.ToProblem();

        Article? state = null, older = null, newer = null;
        foreach (var e in await session.Events.FetchStreamAsync(id, token: ct))
        {
            if (e.Data is not RecordEvent<Article> change) continue;
            state = RecordChanges.Apply(state, change, id, e.Version);
            if (e.Version == from) older = state.Copy();
            if (e.Version == to) newer = state.Copy();
        }
        if (older is null || newer is null) return RecordWriter.NotFound<Article>(id);
        return TypedResults.Ok(new ArticleDiff(id, from!.Value, to!.Value, older.Title, newer.Title, older.Revision, newer.Revision, Lines(older.Body, newer.Body)));
    }

    public static IReadOnlyList<DiffLine> Lines(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        if ((long)a.Length * b.Length > MaxCells) return [.. a.Select(l => new DiffLine("-", l)), .. b.Select(l => new DiffLine("+", l))];

        // Longest common subsequence, from the end, then walked from the start.
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var lines = new List<DiffLine>();
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y]) { lines.Add(new(" ", a[x])); x++; y++; }
            else if (lcs[x + 1, y] >= lcs[x, y + 1]) lines.Add(new("-", a[x++]));
            else lines.Add(new("+", b[y++]));
        }
        while (x < a.Length) lines.Add(new("-", a[x++]));
        while (y < b.Length) lines.Add(new("+", b[y++]));
        return lines;
    }
}
