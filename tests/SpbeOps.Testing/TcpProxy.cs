using System.Net;
using System.Net.Sockets;

namespace SpbeOps.Testing;

/// <summary>
/// A loopback TCP relay in front of a server, which a test can cut and restore: a broker outage as one service
/// sees it, without stopping the broker every other test uses.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly List<TcpClient> _connections = [];
    private TcpListener _listener;
    private CancellationTokenSource _cts = new();

    public int Port { get; }

    private TcpProxy(string host, int port)
    {
        (_targetHost, _targetPort) = (host, port);
        _listener = Listen(0);
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptLoop(_listener, _cts.Token);
    }

    public static TcpProxy Start(string host, int port) => new(host, port);

    /// <summary>The amqp URI of <paramref name="uri"/> rewritten to go through a new proxy.</summary>
    public static (TcpProxy Proxy, string Uri) ForAmqp(string uri)
    {
        var original = new Uri(uri);
        var proxy = Start(original.Host, original.Port == -1 ? 5672 : original.Port);
        return (proxy, new UriBuilder(original) { Host = "127.0.0.1", Port = proxy.Port }.Uri.ToString());
    }

    /// <summary>Refuses new connections and drops the open ones.</summary>
    public void Cut()
    {
        _cts.Cancel();
        _listener.Stop();
        lock (_connections)
        {
            foreach (var c in _connections) c.Dispose();
            _connections.Clear();
        }
    }

    public void Restore()
    {
        _cts = new CancellationTokenSource();
        _listener = Listen(Port);
        _ = AcceptLoop(_listener, _cts.Token);
    }

    private static TcpListener Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        return listener;
    }

    private async Task AcceptLoop(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(ct); }
            catch (Exception) { return; }
            var upstream = new TcpClient();
            try { await upstream.ConnectAsync(_targetHost, _targetPort, ct); }
            catch (Exception) { client.Dispose(); upstream.Dispose(); continue; }
            lock (_connections) { _connections.Add(client); _connections.Add(upstream); }
            _ = Pump(client, upstream, ct);
            _ = Pump(upstream, client, ct);
        }
    }

    private static async Task Pump(TcpClient from, TcpClient to, CancellationToken ct)
    {
        try { await from.GetStream().CopyToAsync(to.GetStream(), ct); }
        catch (Exception) { /* a cut or a closed peer ends the pump */ }
        finally { from.Dispose(); to.Dispose(); }
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        return ValueTask.CompletedTask;
    }
}
