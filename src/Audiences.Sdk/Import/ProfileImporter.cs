using Audiences.Sdk.Diagnostics;
using Audiences.Sdk.Matching;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;
using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.Import;

/// <summary>
/// Runs an import: reads rows in batches, applies each batch in one write session and commits it,
/// so a batch is stored whole or not at all. Cancellation is honoured between batches.
/// </summary>
internal sealed class ProfileImporter(
    StoreContracts store,
    ImportSettings settings,
    AliasNormalizer normalizer,
    TimeProvider time,
    ILogger logger)
{
    public async Task<ImportResult> ImportAsync(
        IAsyncEnumerable<SourceRow> rows,
        ImportOptions options,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken,
        Func<IProfileWriteSession, CancellationToken, ValueTask>? beforeCommit = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        ValidateOptions(options);

        using var activity = AudiencesTelemetry.ActivitySource.StartActivity("audiences.import");
        activity?.SetTag("audiences.kind", options.Kind.ToString());
        var batchSize = options.BatchSize ?? settings.BatchSize;
        var catalog = await FieldCatalogCache.LoadAsync(store.Catalog, options.Kind, cancellationToken).ConfigureAwait(false);
        var keepApart = await KeepApartRules.LoadAsync(store.Ledger, options.Kind, cancellationToken).ConfigureAwait(false);
        var written = options.Fuzzy is null ? null : new HashSet<SourceRecordKey>();
        var tally = new ImportTally(settings.MaxReportedErrors);
        var batch = new List<SourceRow>(Math.Min(batchSize, 65_536));
        long batches = 0;

        var enumerator = rows.WithCancellation(cancellationToken).ConfigureAwait(false).GetAsyncEnumerator();
        try
        {
            while (true)
            {
                batch.Clear();
                while (batch.Count < batchSize && await enumerator.MoveNextAsync())
                {
                    batch.Add(enumerator.Current);
                }

                if (batch.Count == 0)
                {
                    break;
                }

                // Nothing of a batch is written when cancellation arrives while it is being read.
                cancellationToken.ThrowIfCancellationRequested();
                await ApplyBatchAsync(batch, options, catalog, keepApart, written, tally, beforeCommit, cancellationToken).ConfigureAwait(false);
                batches++;
                AudiencesTelemetry.ImportedRecords.Add(batch.Count);
                progress?.Report(tally.ToProgress(batches));
                ImportLog.BatchCommitted(logger, batches, tally.Read, tally.Created, tally.Merged, tally.Rejected);
            }
        }
        finally
        {
            await enumerator.DisposeAsync();
        }

        var result = tally.ToResult();
        if (options.Fuzzy is { } fuzzy && written is not null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (merged, queued) = await new FuzzyResolver(store, settings.Survivorship, time)
                .ResolveAsync(options.Kind, fuzzy, written, cancellationToken).ConfigureAwait(false);
            result = result with { Merged = result.Merged + merged, ProbabilisticMerged = merged, QueuedForReview = queued };
            AudiencesTelemetry.MergedProfiles.Add(merged);
            ImportLog.ProbabilisticPass(logger, written.Count, merged, queued);
        }

        activity?.SetTag("audiences.import.read", tally.Read);
        activity?.SetTag("audiences.import.rejected", tally.Rejected);
        return result;
    }

    private async Task ApplyBatchAsync(
        List<SourceRow> batch,
        ImportOptions options,
        FieldCatalogCache catalog,
        KeepApartRules keepApart,
        HashSet<SourceRecordKey>? written,
        ImportTally tally,
        Func<IProfileWriteSession, CancellationToken, ValueTask>? beforeCommit,
        CancellationToken cancellationToken)
    {
        var session = await store.Profiles.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var limit = settings.GuardRails.Enabled ? settings.GuardRails.MaxRecordsPerIdentifier : int.MaxValue;
            var matcher = new RecordMatcher(session, store.Ledger, options, normalizer, time.GetUtcNow(), limit, settings.Survivorship, keepApart);
            var batchTally = new ImportTally(tally.ErrorRoom);
            foreach (var row in batch)
            {
                batchTally.Read++;
                if (row.Error is { } error)
                {
                    batchTally.Reject(error);
                    continue;
                }

                var record = row.Record!;
                if (Check(record, options, catalog, row.Line, out var hasNewFields) is { } problem)
                {
                    batchTally.Reject(problem);
                    continue;
                }

                var outcome = await matcher.ApplyAsync(record, cancellationToken).ConfigureAwait(false);
                if (outcome == RecordOutcome.KindConflict)
                {
                    batchTally.Reject(new ImportError(
                        $"the source key {record.Key} already belongs to a {EntityKindText.Word(Other(record.Kind))} profile; give {EntityKindText.Word(record.Kind)} records their own object name or source.")
                    { Line = row.Line, Record = record.Key });
                    continue;
                }

                if (outcome == RecordOutcome.UnknownProfile)
                {
                    batchTally.Reject(new ImportError(
                        $"the record names profile {record.Profile} to join, but no {EntityKindText.Word(record.Kind)} profile ever had that id.")
                    { Line = row.Line, Record = record.Key });
                    continue;
                }

                foreach (var (field, reason) in matcher.Unmatchable)
                {
                    batchTally.Warn(new ImportError($"{reason}; the value is kept but not matched on.") { Line = row.Line, Record = record.Key, Field = field });
                }

                if (hasNewFields)
                {
                    await catalog.RegisterNewFieldsAsync(record, session, cancellationToken).ConfigureAwait(false);
                }

                batchTally.Count(outcome);
                if (written is not null && outcome is RecordOutcome.Created or RecordOutcome.Updated)
                {
                    written.Add(record.Key);
                }
            }

            batchTally.Merged = matcher.Merged;
            if (beforeCommit is not null)
            {
                await beforeCommit(session, cancellationToken).ConfigureAwait(false);
            }

            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            tally.Add(batchTally);
            AudiencesTelemetry.MergedProfiles.Add(batchTally.Merged);
        }
    }

    private static ImportError? Check(SourceRecord record, ImportOptions options, FieldCatalogCache catalog, long? line, out bool hasNewFields)
    {
        hasNewFields = false;
        if (record.Kind != options.Kind)
        {
            return new ImportError($"the record is a {EntityKindText.Word(record.Kind)} but the import is for {EntityKindText.Word(options.Kind)} records.") { Line = line, Record = record.Key };
        }

        if (string.IsNullOrWhiteSpace(record.Key.Source) || string.IsNullOrWhiteSpace(record.Key.ObjectName) || string.IsNullOrWhiteSpace(record.Key.ExternalId))
        {
            return new ImportError("the record has no external id (source, object and id must all be set).") { Line = line, Record = record.Key };
        }

        if (record.ConvertedTo is { } target
            && (string.IsNullOrWhiteSpace(target.Source) || string.IsNullOrWhiteSpace(target.ObjectName) || string.IsNullOrWhiteSpace(target.ExternalId)))
        {
            return new ImportError("the record's ConvertedTo key is incomplete (source, object and id must all be set).") { Line = line, Record = record.Key };
        }

        return catalog.Check(record, line, out hasNewFields);
    }

    private static EntityKind Other(EntityKind kind) => kind == EntityKind.Person ? EntityKind.Company : EntityKind.Person;

    private static void ValidateOptions(ImportOptions options)
    {
        try
        {
            options.Fuzzy?.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"ImportOptions.Fuzzy: {e.Message}", nameof(options), e);
        }

        if (options.BatchSize is < 1 or > AudiencesOptions.MaxImportBatchSize)
        {
            throw new ArgumentException($"ImportOptions.BatchSize is {options.BatchSize}; use 1 to {AudiencesOptions.MaxImportBatchSize:N0}.", nameof(options));
        }

        foreach (var field in options.EffectiveMatchOn)
        {
            if (!FieldKey.IsValid(field))
            {
                throw new ArgumentException($"ImportOptions.MatchOn names '{field}', which is not a valid field key.", nameof(options));
            }
        }
    }
}
