using Audiences.Sdk.Destinations;

namespace Audiences.Sdk.Exports.Engine;

/// <summary>
/// One run of an export: plans its records chunk by chunk, sends the writes in batches the destination takes, records
/// every outcome in the ledger as each batch is answered, and moves the checkpoint once every record was sent or
/// failed on its own.
/// </summary>
internal sealed class ExportRunner(ExportEnvironment environment, ExportDefinition definition, ExportRun started)
{
    private readonly ExportTally _tally = new();
    private bool _full;

    /// <summary>The run as far as it got.</summary>
    public ExportRun Progress => _tally.Apply(started) with { Full = _full };

    public async Task<ExportRun> RunAsync(CancellationToken cancellationToken)
    {
        var calls = new DestinationCalls(definition.Name, environment.Options, environment.Time, environment.Logger);
        var destination = environment.Destinations.Create(definition.Destination);
        var description = await calls.ExecuteAsync(token => destination.DescribeAsync(token).AsTask(), cancellationToken).ConfigureAwait(false);

        // The destination may have changed since the definition was saved (a field dropped, creating turned off).
        ExportDefinitionRules.CheckAgainst(definition, description);
        var selection = await ExportSelection.OpenAsync(definition, environment, cancellationToken).ConfigureAwait(false);
        _full = selection.Full;
        ExportLog.RunStarted(environment.Logger, definition.Name, started.Trigger, started.Id, _full ? "full" : "changes since the checkpoint");

        var planner = new ExportPlanner(definition, destination, description, selection, calls);
        var batchSize = Math.Max(1, Math.Min(environment.Options.BatchSize, description.MaxBatchSize));
        await foreach (var chunk in ExportChunks.Of(selection.ListAsync(cancellationToken), ExportPlanner.ChunkSize(description, environment.Options), cancellationToken).ConfigureAwait(false))
        {
            IReadOnlyList<PlannedRecord> planned;
            try
            {
                planned = await planner.PlanAsync(chunk, cancellationToken).ConfigureAwait(false);
            }
            catch (DestinationUnavailableException e)
            {
                // The chunk's values could not be read: its records wait for a later run, the rest go on.
                ExportLog.BatchFailed(environment.Logger, definition.Name, started.Id, "read", chunk.Count, e.Message);
                await RecordAsync([.. chunk.Select(c => Failed(c, null, $"the destination could not be read: {e.Message}", e.Transient))], false, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await RecordAsync([.. planned.Where(p => p.Write is null).Select(Unsent)], false, cancellationToken).ConfigureAwait(false);
            foreach (var batch in planned.Where(p => p.Write is not null).Chunk(batchSize))
            {
                await SendAsync(destination, calls, batch, cancellationToken).ConfigureAwait(false);
            }
        }

        await environment.Runs.SaveCheckpointAsync(
            new ExportCheckpoint(definition.Name, selection.ProfileVersion, selection.MembershipSequence, selection.Fingerprint, started.StartedAt),
            cancellationToken).ConfigureAwait(false);
        return Progress with { Status = ExportRunStatus.Completed, FinishedAt = environment.Time.GetUtcNow() };
    }

    private async Task SendAsync(IDestination destination, DestinationCalls calls, PlannedRecord[] batch, CancellationToken cancellationToken)
    {
        var writes = batch.Select(p => p.Write!).ToList();
        IReadOnlyList<DestinationResult> results;
        try
        {
            results = await calls.ExecuteAsync(token => destination.WriteAsync(writes, token), cancellationToken).ConfigureAwait(false);
        }
        catch (DestinationUnavailableException e)
        {
            // Nothing can be said of any record of the batch: each fails with the reason, and the next batch goes on.
            ExportLog.BatchFailed(environment.Logger, definition.Name, started.Id, "write", batch.Length, e.Message);
            await RecordAsync([.. batch.Select(p => Failed(p.Candidate, p.Plan.Key, e.Message, e.Transient))], true, cancellationToken).ConfigureAwait(false);
            return;
        }

        var answers = new Dictionary<string, DestinationResult>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            answers.TryAdd(result.Key, result);
        }

        var outcomes = batch.Select(p => answers.TryGetValue(p.Write!.Key, out var answer)
            ? answer.Succeeded
                ? new ExportOutcome(p.Candidate.Id, p.Write.Key, Succeeded(p.Write.Kind)) { Attempt = p.Candidate.Attempt }
                : Failed(p.Candidate, p.Write.Key, answer.Error!, answer.Retryable)
            : Failed(p.Candidate, p.Write.Key, "no answer", retryable: true));
        await RecordAsync([.. outcomes], true, cancellationToken).ConfigureAwait(false);
    }

    private async Task RecordAsync(IReadOnlyList<ExportOutcome> outcomes, bool sent, CancellationToken cancellationToken)
    {
        if (outcomes.Count == 0)
        {
            return;
        }

        await environment.Outcomes.RecordAsync(definition.Name, started.Id, outcomes, environment.Time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        _tally.Add(outcomes, sent);
    }

    private ExportOutcome Failed(ExportCandidate candidate, string? key, string reason, bool retryable)
    {
        var attempt = candidate.Attempt;
        return new ExportOutcome(candidate.Id, key, ExportOutcomeKind.Failed)
        {
            Reason = string.IsNullOrWhiteSpace(reason) ? "no reason given" : reason,
            Attempt = attempt,
            RetryAt = ExportBackoff.RetryAt(environment.Options, definition.MaxAttempts, attempt, retryable, environment.Time.GetUtcNow()),
        };
    }

    private static ExportOutcome Unsent(PlannedRecord planned) =>
        new(planned.Candidate.Id, planned.Plan.Key, ExportOutcomeKind.Skipped) { Reason = planned.Plan.Reason ?? "unchanged" };

    private static ExportOutcomeKind Succeeded(DestinationWriteKind kind) => kind switch
    {
        DestinationWriteKind.Create => ExportOutcomeKind.Created,
        DestinationWriteKind.Remove => ExportOutcomeKind.Removed,
        _ => ExportOutcomeKind.Updated,
    };
}
