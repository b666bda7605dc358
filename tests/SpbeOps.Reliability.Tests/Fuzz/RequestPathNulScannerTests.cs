using System.Text;
using SpbeOps.ServiceDefaults.Kestrel;

namespace SpbeOps.Reliability.Tests.Fuzz;

/// <summary>
/// The connection-level rewrite of <c>%00</c> in request paths (issue 7, row 10): only request-line paths change,
/// bodies, query strings and anything that is not HTTP/1.x pass as they came, however the bytes are split.
/// </summary>
public sealed class RequestPathNulScannerTests
{
    private static string Scan(string wire, int chunk = int.MaxValue)
    {
        var bytes = Encoding.Latin1.GetBytes(wire);
        var scanner = new RequestPathNulScanner();
        for (var i = 0; i < bytes.Length; i += chunk) scanner.Process(bytes.AsSpan(i, Math.Min(chunk, bytes.Length - i)));
        return Encoding.Latin1.GetString(bytes);
    }

    public static TheoryData<int> Splits => [int.MaxValue, 1, 2, 3, 7];

    [Theory]
    [MemberData(nameof(Splits))]
    public void Rewrites_nul_in_the_path_only(int split)
    {
        Assert.Equal("GET /api/assets/%01/history?q=%00 HTTP/1.1\r\nHost: x\r\n\r\n",
            Scan("GET /api/assets/%00/history?q=%00 HTTP/1.1\r\nHost: x\r\n\r\n", split));
        Assert.Equal("GET /a%01%01b%010 HTTP/1.1\r\n\r\n", Scan("GET /a%00%00b%000 HTTP/1.1\r\n\r\n", split));
        Assert.Equal("GET /a%2500 HTTP/1.1\r\n\r\n", Scan("GET /a%2500 HTTP/1.1\r\n\r\n", split));
    }

    [Theory]
    [MemberData(nameof(Splits))]
    public void Follows_content_length_and_chunked_bodies_to_the_next_request(int split)
    {
        const string body = "{\"q\":\"%00\"}";
        var wire =
            $"POST /a%00 HTTP/1.1\r\nContent-Length: {body.Length}\r\nContent-Type: application/json\r\n\r\n{body}" +
            "POST /b%00 HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5;x=y\r\n%00%0\r\n3\r\n0%0\r\n0\r\nTrailer: %00\r\n\r\n" +
            "GET /c%00 HTTP/1.1\r\n\r\n";
        var expected = wire.Replace("/a%00", "/a%01").Replace("/b%00", "/b%01").Replace("/c%00", "/c%01");
        Assert.Equal(expected, Scan(wire, split));
    }

    [Theory]
    [InlineData("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\nGET /%00 HTTP/1.1\r\n\r\n")]                       // h2c prior knowledge
    [InlineData("\u0016\u0003\u0001\u0002\u0000GET /%00 HTTP/1.1\r\n\r\n")]                           // TLS
    [InlineData("GET /ws HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\nGET /%00 HTTP/1.1\r\n\r\n")]
    [InlineData("CONNECT host:443 HTTP/1.1\r\n\r\nGET /%00 HTTP/1.1\r\n\r\n")]
    [InlineData("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nabGET /%00 HTTP/1.1\r\n\r\n")]
    [InlineData("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\nGET /%00 HTTP/1.1\r\n\r\n")]
    public void Steps_aside_for_what_is_not_plain_http1(string wire) => Assert.Equal(wire, Scan(wire));
}
