namespace SpbeOps.ServiceDefaults.Kestrel;

/// <summary>
/// Follows the HTTP/1.x requests of one connection byte by byte and rewrites <c>%00</c> in the path of each request
/// line to <c>%01</c>, in place (the same length, so nothing after it moves). Why: Kestrel's request-line parser
/// refuses a path that decodes to NUL with an empty 400 before any application code runs, and that answer cannot be
/// customised; <c>%01</c> passes the parser, and <see cref="Problems.UnsafeRequestValuesMiddleware"/> then answers the
/// 400 ProblemDetails that names the parameter (the same rule refuses every control character).
/// <para>
/// It follows the framing only as far as it must to find the next request line: headers, a <c>Content-Length</c> or
/// chunked body, trailers. Anything else (HTTP/2, TLS bytes, an upgrade, CONNECT, a malformed or oversized line) makes
/// it step aside for the rest of the connection (<see cref="Done"/>), leaving every byte as it came: Kestrel then
/// answers as it always did. Query strings are left alone: Kestrel passes <c>%00</c> there to the application.
/// </para>
/// </summary>
public sealed class RequestPathNulScanner
{
    private const int MaxMethod = 32;
    private const int MaxVersion = 16;
    private const int MaxHeaderName = 64;
    private const int MaxHeaderValue = 512;
    private const int MaxLine = 64 * 1024;

    private enum State
    {
        LineStart, Method, Path, Query, Version, RequestLineEnd,
        HeaderStart, HeaderName, HeaderValue, HeaderLineEnd, HeadersEnd,
        Body, ChunkSize, ChunkExtension, ChunkSizeEnd, ChunkData, ChunkDataCr, ChunkDataLf,
        TrailerStart, Trailer, TrailersEnd,
        Done,
    }

    private State _state = State.LineStart;
    private readonly System.Text.StringBuilder _token = new();
    private readonly System.Text.StringBuilder _value = new();
    private int _percent;          // 1 after '%', 2 after "%0" in the path
    private int _lineLength;
    private string _method = "";
    private long? _contentLength;
    private bool _conflictingLength;
    private bool _chunked;
    private bool _upgrade;
    private long _remaining;
    private int _chunkDigits;

    /// <summary>True once the scanner has stepped aside for the rest of the connection.</summary>
    public bool Done => _state == State.Done;

    /// <summary>How many <c>%00</c> it has rewritten.</summary>
    public int Rewritten { get; private set; }

    /// <summary>Scans the next bytes of the connection, rewriting them in place.</summary>
    public void Process(Span<byte> bytes)
    {
        for (var i = 0; i < bytes.Length && _state != State.Done; i++)
        {
            if (_state is State.Body or State.ChunkData)
            {
                // Skip a body's bytes in one step.
                var skip = (int)Math.Min(_remaining, bytes.Length - i);
                _remaining -= skip;
                i += skip - 1;
                if (_remaining == 0) _state = _state == State.Body ? State.LineStart : State.ChunkDataCr;
                continue;
            }
            Step(ref bytes[i]);
        }
    }

    private void Step(ref byte b)
    {
        if (_state is State.Method or State.Path or State.Query or State.Version or State.HeaderName or State.HeaderValue
            or State.ChunkSize or State.ChunkExtension or State.Trailer && ++_lineLength > MaxLine)
        {
            StepAside();
            return;
        }

        switch (_state)
        {
            case State.LineStart:
                // Kestrel tolerates empty lines before a request line.
                if (b is (byte)'\r' or (byte)'\n') return;
                Begin(State.Method);
                goto case State.Method;

            case State.Method:
                if (b == (byte)' ')
                {
                    if (_token.Length == 0) { StepAside(); return; }
                    _method = _token.ToString();
                    _percent = 0;
                    _state = State.Path;
                }
                else if (IsTokenChar(b) && _token.Length < MaxMethod) _token.Append((char)b);
                else StepAside();
                return;

            case State.Path:
                if (b == (byte)' ') { Begin(State.Version); return; }
                if (b == (byte)'?') { _state = State.Query; return; }
                if (b is (byte)'\r' or (byte)'\n') { StepAside(); return; }
                if (b == (byte)'%') _percent = 1;
                else if (b == (byte)'0' && _percent == 1) _percent = 2;
                else if (b == (byte)'0' && _percent == 2)
                {
                    b = (byte)'1';
                    Rewritten++;
                    _percent = 0;
                }
                else _percent = 0;
                return;

            case State.Query:
                if (b == (byte)' ') Begin(State.Version);
                else if (b is (byte)'\r' or (byte)'\n') StepAside();
                return;

            case State.Version:
                if (b == (byte)'\r') { _state = State.RequestLineEnd; return; }
                if (b == (byte)'\n') { EndRequestLine(); return; }
                if (_token.Length < MaxVersion) _token.Append((char)b);
                else StepAside();
                return;

            case State.RequestLineEnd:
                if (b == (byte)'\n') EndRequestLine();
                else StepAside();
                return;

            case State.HeaderStart:
                if (b == (byte)'\r') { _state = State.HeadersEnd; return; }
                if (b == (byte)'\n') { EndHeaders(); return; }
                Begin(State.HeaderName);
                goto case State.HeaderName;

            case State.HeaderName:
                if (b == (byte)':') { _value.Clear(); _state = State.HeaderValue; return; }
                if (!IsTokenChar(b)) { StepAside(); return; }
                if (_token.Length < MaxHeaderName) _token.Append(char.ToLowerInvariant((char)b));
                return;

            case State.HeaderValue:
                if (b == (byte)'\r') { _state = State.HeaderLineEnd; return; }
                if (b == (byte)'\n') { EndHeader(); return; }
                if (_value.Length < MaxHeaderValue) _value.Append((char)b);
                else if (Interesting(_token.ToString())) StepAside();
                return;

            case State.HeaderLineEnd:
                if (b == (byte)'\n') EndHeader();
                else StepAside();
                return;

            case State.HeadersEnd:
                if (b == (byte)'\n') EndHeaders();
                else StepAside();
                return;

            case State.ChunkSize:
                if (Hex(b) is { } digit)
                {
                    if (++_chunkDigits > 15) { StepAside(); return; }
                    _remaining = _remaining * 16 + digit;
                    return;
                }
                if (_chunkDigits == 0) { StepAside(); return; }
                if (b == (byte)'\r') { _state = State.ChunkSizeEnd; return; }
                if (b == (byte)'\n') { EndChunkSize(); return; }
                _state = State.ChunkExtension;
                return;

            case State.ChunkExtension:
                if (b == (byte)'\r') _state = State.ChunkSizeEnd;
                else if (b == (byte)'\n') EndChunkSize();
                return;

            case State.ChunkSizeEnd:
                if (b == (byte)'\n') EndChunkSize();
                else StepAside();
                return;

            case State.ChunkDataCr:
                if (b == (byte)'\r') _state = State.ChunkDataLf;
                else if (b == (byte)'\n') BeginChunk();
                else StepAside();
                return;

            case State.ChunkDataLf:
                if (b == (byte)'\n') BeginChunk();
                else StepAside();
                return;

            case State.TrailerStart:
                if (b == (byte)'\r') { _state = State.TrailersEnd; return; }
                if (b == (byte)'\n') { _state = State.LineStart; return; }
                _lineLength = 0;
                _state = State.Trailer;
                return;

            case State.Trailer:
                if (b == (byte)'\n') _state = State.TrailerStart;
                return;

            case State.TrailersEnd:
                if (b == (byte)'\n') _state = State.LineStart;
                else StepAside();
                return;
        }
    }

    private void Begin(State state)
    {
        _token.Clear();
        _lineLength = 0;
        _state = state;
    }

    private void EndRequestLine()
    {
        // Only HTTP/1.x is framed like this; "PRI * HTTP/2.0" (h2c) or anything else: step aside.
        if (_token.ToString() is not ("HTTP/1.1" or "HTTP/1.0") || _method == "CONNECT")
        {
            StepAside();
            return;
        }
        (_contentLength, _conflictingLength, _chunked, _upgrade) = (null, false, false, false);
        Begin(State.HeaderStart);
    }

    private void EndHeader()
    {
        var name = _token.ToString();
        var value = _value.ToString().Trim();
        switch (name)
        {
            case "content-length":
                if (!long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length)
                    || (_contentLength is { } seen && seen != length))
                    _conflictingLength = true;
                else _contentLength = length;
                break;
            case "transfer-encoding":
                // Chunked must be the last coding; anything else Kestrel refuses or reads to the end of the connection.
                _chunked = value.EndsWith("chunked", StringComparison.OrdinalIgnoreCase);
                if (!_chunked) _conflictingLength = true;
                break;
            case "upgrade":
                _upgrade = true;
                break;
        }
        Begin(State.HeaderStart);
    }

    private void EndHeaders()
    {
        if (_upgrade || _conflictingLength) { StepAside(); return; }
        if (_chunked)
        {
            BeginChunk();
            return;
        }
        _remaining = _contentLength ?? 0;
        _state = _remaining > 0 ? State.Body : State.LineStart;
    }

    private void BeginChunk()
    {
        _remaining = 0;
        _chunkDigits = 0;
        _lineLength = 0;
        _state = State.ChunkSize;
    }

    private void EndChunkSize() => _state = _remaining == 0 ? State.TrailerStart : State.ChunkData;

    private void StepAside() => _state = State.Done;

    private static bool Interesting(string header) => header is "content-length" or "transfer-encoding" or "upgrade";

    private static int? Hex(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => null,
    };

    // RFC 9110 tchar.
    private static bool IsTokenChar(byte b) =>
        b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
        || b is (byte)'!' or (byte)'#' or (byte)'$' or (byte)'%' or (byte)'&' or (byte)'\'' or (byte)'*' or (byte)'+'
            or (byte)'-' or (byte)'.' or (byte)'^' or (byte)'_' or (byte)'`' or (byte)'|' or (byte)'~';
}
