using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace Audiences.Sdk.Csv;

/// <summary>
/// Runs a sequence on the thread pool ahead of its consumer, handing over chunks of items through a
/// bounded channel, so reading and parsing a file overlaps with what the consumer does with the rows
/// (matching and storing them). Items arrive in order; the producer's exception arrives after the items
/// it produced before failing, as if the consumer had read the sequence itself.
/// </summary>
/// <remarks>
/// Only for sequences that share no state with the consumer, such as a file that the consumer never
/// touches: the producer runs concurrently with it. Disposing stops the producer and waits for it, so the
/// file is closed when disposal returns.
/// </remarks>
/// <typeparam name="T">The items.</typeparam>
internal sealed class CsvReadAhead<T> : IAsyncDisposable
{
    // Chunks amortize the channel's synchronization over many rows; a few chunks in flight keep both threads busy
    // while bounding the rows held in memory.
    private const int ChunkItems = 512;
    private const int ChunksAhead = 8;

    private readonly Channel<Chunk> _chunks = Channel.CreateBounded<Chunk>(
        new BoundedChannelOptions(ChunksAhead) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

    // Arrays the consumer is done with, reused by the producer.
    private readonly ConcurrentQueue<T[]> _free = new();
    private readonly CancellationTokenSource _stop;
    private readonly Task _producer;
    private Chunk? _current;

    private CsvReadAhead(Func<CancellationToken, IAsyncEnumerable<T>> source, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var stop = _stop.Token;
        _producer = Task.Run(() => ProduceAsync(source, stop), CancellationToken.None);
    }

    /// <summary>Starts reading <paramref name="source"/> on the thread pool.</summary>
    /// <param name="source">The sequence, given the token that stops it.</param>
    /// <param name="cancellationToken">Stops the producer.</param>
    public static CsvReadAhead<T> Start(Func<CancellationToken, IAsyncEnumerable<T>> source, CancellationToken cancellationToken) =>
        new(source, cancellationToken);

    /// <summary>The next chunk of items in order, or an empty segment at the end of the sequence.</summary>
    /// <exception cref="Exception">The exception the sequence threw, with its original stack trace, once the items before it are consumed.</exception>
    public async ValueTask<ArraySegment<T>> NextAsync(CancellationToken cancellationToken)
    {
        if (_current is { } done)
        {
            Array.Clear(done.Items, 0, done.Count);
            _free.Enqueue(done.Items);
            _current = null;
        }

        if (!await _chunks.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false) || !_chunks.Reader.TryRead(out var chunk))
        {
            return ArraySegment<T>.Empty;
        }

        chunk.Error?.Throw();
        _current = chunk;
        return new ArraySegment<T>(chunk.Items, 0, chunk.Count);
    }

    /// <summary>Stops the producer and waits for it to finish.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        // The producer hands every failure to the channel, so waiting for it never throws.
        await _producer.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task ProduceAsync(Func<CancellationToken, IAsyncEnumerable<T>> source, CancellationToken stop)
    {
        var items = Rent();
        var count = 0;
        try
        {
            await foreach (var item in source(stop).ConfigureAwait(false))
            {
                items[count++] = item;
                if (count == items.Length)
                {
                    await _chunks.Writer.WriteAsync(new Chunk(items, count, null), stop).ConfigureAwait(false);
                    items = Rent();
                    count = 0;
                }
            }

            if (count > 0)
            {
                await _chunks.Writer.WriteAsync(new Chunk(items, count, null), stop).ConfigureAwait(false);
            }

            _chunks.Writer.TryComplete();
        }
        catch (Exception e)
        {
            // The rows read before the failure come first, then the failure, in the order the consumer would have met them.
            try
            {
                if (count > 0)
                {
                    await _chunks.Writer.WriteAsync(new Chunk(items, count, null), stop).ConfigureAwait(false);
                }

                await _chunks.Writer.WriteAsync(new Chunk([], 0, ExceptionDispatchInfo.Capture(e)), stop).ConfigureAwait(false);
                _chunks.Writer.TryComplete();
            }
            catch (OperationCanceledException)
            {
                // Cancelled or disposed while handing over: whoever still reads meets the failure after the queued rows.
                _chunks.Writer.TryComplete(e);
            }
        }
    }

    private T[] Rent() => _free.TryDequeue(out var items) ? items : new T[ChunkItems];

    private sealed record Chunk(T[] Items, int Count, ExceptionDispatchInfo? Error);
}
