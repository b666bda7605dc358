using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace SpbeOps.ServiceDefaults.Kestrel;

/// <summary>
/// The Kestrel connection middleware of <see cref="RequestPathNulScanner"/>: every endpoint's connections pass their
/// incoming bytes through it, so <c>%00</c> in a request path reaches the application as a control character that it
/// refuses with a 400 ProblemDetails naming the parameter, instead of Kestrel's empty 400.
/// </summary>
public static class RequestPathNulRewriter
{
    /// <remarks>
    /// Kestrel keeps one endpoint-defaults action (a later <c>ConfigureEndpointDefaults</c> replaces this one): this is
    /// the only place SpbeOps sets it. Endpoints configured explicitly (<c>Listen</c>) get the defaults too.
    /// </remarks>
    public static IServiceCollection AddRequestPathNulRewriter(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.ConfigureEndpointDefaults(listen =>
            {
                listen.Use(next => async connection =>
                {
                    var transport = connection.Transport;
                    connection.Transport = new Duplex(new ScanningReader(transport.Input, new RequestPathNulScanner()), transport.Output);
                    try
                    {
                        await next(connection);
                    }
                    finally
                    {
                        connection.Transport = transport;
                    }
                });
            });
        });

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;
        public PipeWriter Output { get; } = output;
    }

    /// <summary>
    /// Hands the transport's buffers on unchanged except for what the scanner rewrites in place, each byte scanned
    /// once: bytes returned again after a partial <see cref="AdvanceTo(SequencePosition, SequencePosition)"/> are
    /// not scanned twice.
    /// </summary>
    private sealed class ScanningReader(PipeReader inner, RequestPathNulScanner scanner) : PipeReader
    {
        private ReadOnlySequence<byte> _last;
        private long _scanned;

        public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
        {
            var result = await inner.ReadAsync(cancellationToken);
            Scan(result.Buffer);
            return result;
        }

        public override bool TryRead(out ReadResult result)
        {
            if (!inner.TryRead(out result)) return false;
            Scan(result.Buffer);
            return true;
        }

        public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

        public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
        {
            _scanned = Math.Max(0, _scanned - _last.Slice(0, consumed).Length);
            _last = default;
            inner.AdvanceTo(consumed, examined);
        }

        public override void CancelPendingRead() => inner.CancelPendingRead();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

        private void Scan(ReadOnlySequence<byte> buffer)
        {
            _last = buffer;
            if (!scanner.Done && buffer.Length > _scanned)
            {
                // The transport's memory is writable: the rewrite keeps every byte where it is.
                foreach (var segment in buffer.Slice(_scanned))
                {
                    scanner.Process(MemoryMarshal.AsMemory(segment).Span);
                    if (scanner.Done) break;
                }
            }
            _scanned = buffer.Length;
        }
    }
}
