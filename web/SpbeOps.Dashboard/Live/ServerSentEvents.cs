using System.Text;

namespace SpbeOps.Dashboard.Live;

/// <summary>One event of a <c>text/event-stream</c>: its name and data (comment lines, the keep-alives, are skipped).</summary>
public sealed record ServerSentEvent(string Event, string Data);

public static class ServerSentEvents
{
    /// <summary>Reads events until the stream ends (the server closed it) or <paramref name="ct"/> is cancelled.</summary>
    public static async IAsyncEnumerable<ServerSentEvent> ReadAsync(Stream stream, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var name = "message";
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Length > 0) yield return new ServerSentEvent(name, data.ToString());
                name = "message";
                data.Clear();
                continue;
            }
            if (line.StartsWith(':')) continue;
            var colon = line.IndexOf(':');
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
            if (field == "event") name = value;
            else if (field == "data") data.Append(data.Length > 0 ? "\n" : "").Append(value);
        }
    }
}
