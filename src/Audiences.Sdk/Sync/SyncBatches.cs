using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Sync;

/// <summary>Stores what a run reads: each batch imported in one write session, with the cursor that follows it.</summary>
internal sealed class SyncBatches(SyncEnvironment environment, SyncDefinition definition, SyncRecordBuilder builder, SyncTally tally)
{
    /// <summary>The keys of the records the run stored, kept when the sync matches probabilistically afterwards.</summary>
    public HashSet<SourceRecordKey> Stored { get; } = [];

    /// <summary>
    /// Imports one batch; when <paramref name="cursor"/> is given it is saved in the batch's own session. The read's
    /// batch size equals the import's, so each batch is one session and its cursor is never ahead of its records.
    /// </summary>
    public async Task StoreAsync(SourceBatch batch, string? cursor, HashSet<string>? seen, CancellationToken cancellationToken)
    {
        var now = environment.Time.GetUtcNow();
        foreach (var item in batch.Items)
        {
            if (item.ExternalId is { } id)
            {
                seen?.Add(id);
            }
        }

        foreach (var deleted in batch.Deleted)
        {
            tally.Delete(builder.Key(deleted), "deleted at the source.");
        }

        ValueTask SaveCursor(IProfileWriteSession session, CancellationToken token) =>
            cursor is null ? ValueTask.CompletedTask : environment.State.SaveCursorAsync(session, definition.Name, cursor, token);

        if (definition.Related is { } related)
        {
            await StoreRelatedAsync(batch, related, now, SaveCursor, cursor, cancellationToken).ConfigureAwait(false);
            return;
        }

        var rows = batch.Items.Select(item => builder.Build(item, ObservedAt(item, now))).ToList();
        if (rows.Count == 0)
        {
            await SaveCursorAsync(cursor, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (definition.FuzzyFields is not null)
        {
            Stored.UnionWith(rows.Where(r => r.Record is not null).Select(r => r.Record!.Key));
        }

        var options = new ImportOptions(definition.Kind) { MatchOn = definition.MatchOn, BatchSize = rows.Count };
        var result = await environment.ProfileImporter()
            .ImportAsync(rows.ToAsyncEnumerable(), options, progress: null, cancellationToken, SaveCursor).ConfigureAwait(false);
        tally.Add(result);
    }

    /// <summary>Saves a cursor on its own: after a full read, or after a batch with nothing to store.</summary>
    public async Task SaveCursorAsync(string? cursor, CancellationToken cancellationToken)
    {
        if (cursor is null)
        {
            return;
        }

        var session = await environment.Store.Profiles.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            await environment.State.SaveCursorAsync(session, definition.Name, cursor, cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>After a full read: the records stored from this source object that the read no longer found.</summary>
    public async Task ReportMissingAsync(HashSet<string> seen, CancellationToken cancellationToken)
    {
        await foreach (var id in environment.Index.ListExternalIdsAsync(definition.EffectiveSourceName, definition.ObjectName, cancellationToken).ConfigureAwait(false))
        {
            if (!seen.Contains(id))
            {
                tally.Delete(builder.Key(id), "no longer in the source (deleted there); a full read did not find it.");
            }
        }
    }

    private async Task StoreRelatedAsync(
        SourceBatch batch,
        RelatedTarget related,
        DateTimeOffset now,
        Func<IProfileWriteSession, CancellationToken, ValueTask> saveCursor,
        string? cursor,
        CancellationToken cancellationToken)
    {
        var records = new List<RelatedRecord>(batch.Items.Count);
        foreach (var item in batch.Items)
        {
            var (record, error) = builder.BuildRelated(item, related, ObservedAt(item, now));
            if (record is null)
            {
                tally.CountRead(1);
                tally.Reject(error!);
            }
            else
            {
                records.Add(record);
            }
        }

        if (records.Count == 0)
        {
            await SaveCursorAsync(cursor, cancellationToken).ConfigureAwait(false);
            return;
        }

        // One session for the whole source batch: its cursor is saved in it, so no part of the batch may commit apart.
        var result = await environment.RelatedImporter(records.Count).ImportAsync(records.ToAsyncEnumerable(), cancellationToken, saveCursor).ConfigureAwait(false);
        tally.Add(result);
    }

    /// <summary>When the record was observed: its change time when the source has one, else the run's time.</summary>
    private DateTimeOffset ObservedAt(SourceItem item, DateTimeOffset now) =>
        definition.TimestampField is { } field
            && item.Values.FirstOrDefault(v => string.Equals(v.Key, field, StringComparison.OrdinalIgnoreCase)).Value is { Type: FieldType.DateTime } changed
            ? changed.AsDateTime()
            : now;
}
