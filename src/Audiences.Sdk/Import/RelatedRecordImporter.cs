using Audiences.Sdk.Diagnostics;
using Audiences.Sdk.Matching;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;
using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.Import;

/// <summary>Stores related records in atomic batches, with owner aliases normalized.</summary>
internal sealed class RelatedRecordImporter(StoreContracts store, ImportSettings settings, AliasNormalizer normalizer, ILogger logger)
{
    public async Task<ImportResult> ImportAsync(
        IAsyncEnumerable<RelatedRecord> records,
        CancellationToken cancellationToken,
        Func<IProfileWriteSession, CancellationToken, ValueTask>? beforeCommit = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        var tally = new ImportTally(settings.MaxReportedErrors);
        long stored = 0;
        var batch = new List<RelatedRecord>();
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            tally.Read++;
            if (Check(record) is { } error)
            {
                tally.Reject(error);
                continue;
            }

            batch.Add(Normalize(record));
            if (batch.Count >= settings.BatchSize)
            {
                stored += await FlushAsync(batch, beforeCommit, cancellationToken).ConfigureAwait(false);
            }
        }

        stored += await FlushAsync(batch, beforeCommit, cancellationToken).ConfigureAwait(false);
        ImportLog.RelatedCommitted(logger, stored);
        return tally.ToResult() with { Related = stored };
    }

    private async Task<int> FlushAsync(
        List<RelatedRecord> batch, Func<IProfileWriteSession, CancellationToken, ValueTask>? beforeCommit, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        var session = await store.Profiles.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var owners = new HashSet<ProfileId>();
            foreach (var record in batch)
            {
                await store.Related.UpsertRelatedRecordAsync(session, record, cancellationToken).ConfigureAwait(false);
                await AddOwnersAsync(session, record, owners, cancellationToken).ConfigureAwait(false);
            }

            await TouchAsync(session, owners, cancellationToken).ConfigureAwait(false);
            if (beforeCommit is not null)
            {
                await beforeCommit(session, cancellationToken).ConfigureAwait(false);
            }

            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        var count = batch.Count;
        batch.Clear();
        return count;
    }

    /// <summary>The live profiles a related record hangs off now: the holder of its owner record and every holder of its owner alias.</summary>
    private static async ValueTask AddOwnersAsync(IProfileWriteSession session, RelatedRecord record, HashSet<ProfileId> owners, CancellationToken cancellationToken)
    {
        if (record.OwnerRecord is { } key && await session.FindSourceRecordOwnerAsync(key, cancellationToken).ConfigureAwait(false) is { } byRecord)
        {
            owners.Add(byRecord);
        }

        if (record.OwnerAlias is { } alias)
        {
            owners.UnionWith(await session.FindAliasOwnersAsync(record.OwnerKind, alias, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>
    /// Gives each owner a new change version without changing it, so that whatever follows changes
    /// (audience membership, which may quantify over these records) re-evaluates exactly those profiles.
    /// </summary>
    private static async ValueTask TouchAsync(IProfileWriteSession session, HashSet<ProfileId> owners, CancellationToken cancellationToken)
    {
        var version = session.LastVersion;
        foreach (var id in owners.OrderBy(o => o.Value))
        {
            if (await session.LoadAsync(id, cancellationToken).ConfigureAwait(false) is { } owner)
            {
                await session.WriteProfileAsync(
                    new ProfileWrite(owner.Id, owner.Kind, false, ++version, owner.CreatedAt, owner.Values, [], [], []), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static ImportError? Check(RelatedRecord? record)
    {
        if (record is null)
        {
            return new ImportError("the related record is null.");
        }

        if (string.IsNullOrWhiteSpace(record.Key.Source) || string.IsNullOrWhiteSpace(record.Key.ObjectName) || string.IsNullOrWhiteSpace(record.Key.ExternalId))
        {
            return new ImportError("the related record has no external id (source, object and id must all be set).") { Record = record.Key };
        }

        if (!FieldKey.IsValid(record.Type))
        {
            return new ImportError($"'{record.Type}' is not a valid related record type; use a snake_case key such as 'opportunities'.") { Record = record.Key };
        }

        if (record.OwnerRecord is null && record.OwnerAlias is null)
        {
            return new ImportError("the related record names no owner; set OwnerRecord or OwnerAlias.") { Record = record.Key };
        }

        var badKey = record.Values.Keys.FirstOrDefault(k => !FieldKey.IsValid(k));
        return badKey is null
            ? null
            : new ImportError($"'{badKey}' is not a valid field key; use snake_case ASCII starting with a letter.") { Record = record.Key, Field = badKey };
    }

    private RelatedRecord Normalize(RelatedRecord record)
    {
        if (record.OwnerAlias is not { } alias)
        {
            return record;
        }

        var normalized = normalizer.Normalize(alias.Field, alias.Value);
        return record with { OwnerAlias = normalized.IsValid ? alias with { Value = normalized.Value! } : alias };
    }
}
