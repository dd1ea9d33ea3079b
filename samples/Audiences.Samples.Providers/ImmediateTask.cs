namespace Audiences.Samples.Providers;

/// <summary>Runs work that needs no waiting and hands back its outcome as a completed task.</summary>
/// <remarks>
/// The sample providers answer from memory. A real provider awaits its service; these return a finished task instead,
/// and — like the framework's in-memory streams — report a cancellation or failure through the task rather than by
/// throwing from the call, so callers see the same shape either way.
/// </remarks>
internal static class ImmediateTask
{
    /// <summary>Answers each record in order, checking for cancellation before each, as one completed task.</summary>
    public static Task<IReadOnlyList<TResult>> AnswerEach<TRecord, TResult>(
        IReadOnlyList<TRecord> records, Func<TRecord, TResult> answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        return Run<IReadOnlyList<TResult>>(
            () =>
            {
                var results = new List<TResult>(records.Count);
                foreach (var record in records)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    results.Add(answer(record));
                }

                return results;
            },
            cancellationToken);
    }

    public static Task<T> Run<T>(Func<T> work, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            return Task.FromResult(work());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }
#pragma warning disable CA1031 // Any failure belongs in the task, as it would with an awaited call.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return Task.FromException<T>(exception);
        }
    }
}
