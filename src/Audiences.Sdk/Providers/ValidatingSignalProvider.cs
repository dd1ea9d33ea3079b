using Audiences.Sdk.Profiles;
using Audiences.Sdk.Signals;
using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.Providers;

/// <summary>
/// Splits a batch into calls of at most <see cref="ISignalProvider.MaxBatchSize"/> records and keeps every bad answer
/// to its own record: a call that fails (after its retries) fails the records of that call only, and answers are
/// checked by <see cref="SignalAnswers"/>. Always one result per record, in the order asked.
/// </summary>
internal sealed class ValidatingSignalProvider(ISignalProvider inner, ILogger logger) : SignalProviderDecorator(inner)
{
    public override async Task<IReadOnlyList<SignalResult>> DetectAsync(IReadOnlyList<Profile> records, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var results = new List<SignalResult>(records.Count);
        foreach (var batch in records.Chunk(Math.Max(1, MaxBatchSize)))
        {
            results.AddRange(await DetectBatchAsync(batch, since, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    private async Task<IReadOnlyList<SignalResult>> DetectBatchAsync(Profile[] batch, DateTimeOffset since, CancellationToken cancellationToken)
    {
        IReadOnlyList<SignalResult> answers;
        try
        {
            answers = await Inner.DetectAsync(batch, since, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // As for enrichment: a failed call costs its batch, not the run; the caller's own cancellation goes up.
            var reason = ProviderFailure.Describe(e);
            ProviderLog.BatchFailed(logger, Name, batch.Length, reason);
            return [.. batch.Select(p => new SignalResult(p.Id) { Error = reason })];
        }

        return new SignalAnswers(Inner.Name, logger).Check(batch, since, answers);
    }
}
