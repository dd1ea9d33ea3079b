namespace Audiences.Sdk.Scale;

/// <summary>Counts the response body bytes that come through it (the connector reads every body whole anyway).</summary>
internal sealed class ByteCountingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private long _bytes;

    public long Bytes => Interlocked.Read(ref _bytes);

    public void Reset() => Interlocked.Exchange(ref _bytes, 0);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        // A buffered body knows its length, whether the server sent Content-Length or chunks.
        Interlocked.Add(ref _bytes, response.Content.Headers.ContentLength ?? 0);
        return response;
    }
}
