using Audiences.Sdk.Import;
using Audiences.Sdk.Matching.Probabilistic;
using Audiences.Sdk.Sources;
using Polly;
using Polly.Retry;

namespace Audiences.Sdk.Sync;

/// <summary>
/// One run of a sync: reads the source from the stored cursor, builds and imports each batch, and stores each
/// incremental batch with its cursor in one write session. A transient failure is retried from the last stored
/// cursor; a run that still fails leaves the cursor after its last stored batch. A full read stores its cursor only
/// once it has read everything (its batches come in id order, not change order), then reports the records it no
/// longer found.
/// </summary>
internal sealed class SyncRunner(SyncEnvironment environment, SyncRun started)
{
    private readonly SyncTally _tally = new(environment.Import.MaxReportedErrors);
    private SyncRun _run = started;
    private string? _cursor;

    /// <summary>
    /// The run as far as it got: its counts and the cursor after its last stored batch. What is recorded when the run is
    /// stopped from outside (cancelled, or the store failed), so its history says how far it came.
    /// </summary>
    public SyncRun Progress => _tally.ApplyTo(_run) with { CursorAfter = _cursor };

    public async Task<SyncRun> RunAsync(
        SyncDefinition definition, ISource source, IReadOnlyList<MappingProposal> mapping, CancellationToken cancellationToken)
    {
        var tally = _tally;
        var cursor = _cursor = await environment.State.GetCursorAsync(definition.Name, cancellationToken).ConfigureAwait(false);
        var run = _run = _run with { CursorBefore = cursor };
        var batches = new SyncBatches(environment, definition, new SyncRecordBuilder(definition, mapping), tally);
        try
        {
            var seen = run.Mode == SourceReadMode.Full ? new HashSet<string>(StringComparer.Ordinal) : null;
            string? fullCursor = null;
            await Retry().ExecuteAsync(
                async token =>
                {
                    var request = new SourceReadRequest(definition.ObjectName, run.Mode, definition.IdField)
                    {
                        Cursor = run.Mode == SourceReadMode.Incremental ? cursor : null,
                        TimestampField = definition.TimestampField,
                        BatchSize = definition.BatchSize ?? environment.Import.BatchSize,
                    };
                    await foreach (var batch in ReadAsync(source, request, token).ConfigureAwait(false))
                    {
                        var save = run.Mode == SourceReadMode.Incremental ? batch.Cursor ?? cursor : null;
                        await batches.StoreAsync(batch, save, seen, token).ConfigureAwait(false);
                        cursor = _cursor = save ?? cursor;
                        fullCursor = batch.Cursor ?? fullCursor;
                    }
                },
                cancellationToken).ConfigureAwait(false);

            if (seen is not null)
            {
                cursor = fullCursor ?? cursor;
                await batches.SaveCursorAsync(cursor, cancellationToken).ConfigureAwait(false);
                _cursor = cursor;
                await batches.ReportMissingAsync(seen, cancellationToken).ConfigureAwait(false);
            }

            if (definition.FuzzyFields is { } fuzzy && batches.Stored.Count > 0)
            {
                // After the batches, as an import does: the run's records against every stored record of the kind.
                var (merged, queued) = await new FuzzyResolver(environment.Store, environment.Import.Survivorship, environment.Time)
                    .ResolveAsync(definition.Kind, ProbabilisticMatchingOptions.ForFields(fuzzy), batches.Stored, cancellationToken).ConfigureAwait(false);
                tally.AddProbabilistic(merged, queued);
            }

            return Finish(tally.ApplyTo(run), SyncRunStatus.Succeeded, cursor, failure: null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A cancellation that is not the caller's (a client's own timeout inside a source) is a failure like any
            // other; the caller's own cancellation goes up, and the run is recorded with its progress by the caller.
            SyncLog.RunFailed(environment.Logger, definition.Name, e);
            return Finish(tally.ApplyTo(run), SyncRunStatus.Failed, cursor, Describe(e));
        }
    }

    private SyncRun Finish(SyncRun run, SyncRunStatus status, string? cursor, string? failure) =>
        run with { Status = status, FinishedAt = environment.Time.GetUtcNow(), CursorAfter = cursor, Failure = failure };

    /// <summary>
    /// The source's batches, each awaited at most <see cref="SyncOptions.BatchTimeout"/>. A read that takes longer is
    /// cancelled through the token the source was given, and awaited until it stops, so the source is never disposed
    /// in the middle of a read (its connection and query would be left behind); then it counts as a transient failure.
    /// </summary>
    private async IAsyncEnumerable<SourceBatch> ReadAsync(
        ISource source, SourceReadRequest request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var read = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timedOut = 0;
        using var timer = environment.Time.CreateTimer(
            _ =>
            {
                Interlocked.Exchange(ref timedOut, 1);
                read.Cancel();
            },
            null,
            Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);
        var batches = source.ReadAsync(request, read.Token).GetAsyncEnumerator(read.Token);
        await using (batches.ConfigureAwait(false))
        {
            while (true)
            {
                bool more;
                timer.Change(environment.Options.BatchTimeout, Timeout.InfiniteTimeSpan);
                try
                {
                    more = await batches.MoveNextAsync().ConfigureAwait(false);
                }
                catch (OperationCanceledException e) when (Volatile.Read(ref timedOut) == 1 && !cancellationToken.IsCancellationRequested)
                {
                    throw new SourceUnavailableException(
                        $"The source sent no batch of '{request.ObjectName}' within {environment.Options.BatchTimeout}.", e);
                }
                finally
                {
                    timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                }

                if (!more)
                {
                    yield break;
                }

                yield return batches.Current;
            }
        }
    }

    private ResiliencePipeline Retry() => environment.Options.MaxRetries == 0
        ? ResiliencePipeline.Empty
        : new ResiliencePipelineBuilder { TimeProvider = environment.Time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<SourceUnavailableException>(),
                MaxRetryAttempts = environment.Options.MaxRetries,
                Delay = environment.Options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                // The backoff, or what the source asked for when that is longer (null keeps Polly's backoff).
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is SourceUnavailableException { RetryAfter: { } after } && after > Backoff(args.AttemptNumber) ? after : (TimeSpan?)null),
                OnRetry = args =>
                {
                    SyncLog.Retrying(environment.Logger, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    /// <summary>The exponential backoff before retry <paramref name="attempt"/> (from 0), without its jitter.</summary>
    private TimeSpan Backoff(int attempt) => environment.Options.RetryDelay * Math.Pow(2, Math.Min(attempt, 30));

    private static string Describe(Exception e) => e switch
    {
        SourceUnavailableException => $"the source failed after its retries: {e.Message}",
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}
