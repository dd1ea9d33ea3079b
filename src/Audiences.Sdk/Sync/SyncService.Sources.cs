using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;

namespace Audiences.Sdk.Sync;

// Opening sources, describing them, mapping, previewing, and the work of one started run.
internal sealed partial class SyncService
{
    public async Task<IReadOnlyList<MappingProposal>> ProposeMappingAsync(
        SourceSettings source, string objectName, EntityKind kind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(objectName);
        IReadOnlyList<SourceField> fields;
        var opened = Open(source);
        await using (opened.ConfigureAwait(false))
        {
            fields = (await DescribeAsync(opened.Source, objectName, cancellationToken).ConfigureAwait(false)).Fields;
        }

        var catalog = await environment.Store.Catalog.GetFieldsAsync(kind, cancellationToken).ConfigureAwait(false);
        return FieldMapper.Propose(fields, kind, catalog, [], idField: null);
    }

    public async Task<SyncPreview> PreviewAsync(SyncDefinition definition, int rows = 10, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        SyncDefinitionRules.Check(definition);
        var opened = Open(definition.Source);
        await using var disposeOpened = opened.ConfigureAwait(false);
        var described = await DescribeAsync(opened.Source, definition.ObjectName, cancellationToken).ConfigureAwait(false);
        definition = SyncDefinitionRules.InSourceSpelling(definition, described);
        SyncDefinitionRules.CheckFields(definition, described);
        var mapping = await MappingAsync(definition, described.Fields, cancellationToken).ConfigureAwait(false);
        var request = new SourceReadRequest(definition.ObjectName, SourceReadMode.Full, definition.IdField)
        {
            TimestampField = definition.TimestampField,
            BatchSize = rows,
        };
        var items = new List<SourceItem>();
        try
        {
            await foreach (var batch in opened.Source.ReadAsync(request, cancellationToken).ConfigureAwait(false))
            {
                items.AddRange(batch.Items.Take(rows - items.Count));
                if (items.Count >= rows)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (IsSourceRefusal(e))
        {
            throw Refused(definition.ObjectName, "reading its first records", e);
        }

        return SyncPreviewBuilder.Build(definition, mapping, items, environment.Time.GetUtcNow());
    }

    /// <summary>Opens the source, checks the definition still fits it, and runs; the caller records how the run ended.</summary>
    private async Task<SyncRun> RunStartedAsync(SyncDefinition definition, SyncRunner runner, CancellationToken cancellationToken)
    {
        OpenedSource opened;
        IReadOnlyList<MappingProposal> mapping;
        try
        {
            opened = Open(definition.Source);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Failed(e);
        }

        await using var disposeOpened = opened.ConfigureAwait(false);
        try
        {
            var described = await DescribeAsync(opened.Source, definition.ObjectName, cancellationToken).ConfigureAwait(false);
            definition = SyncDefinitionRules.InSourceSpelling(definition, described);
            SyncDefinitionRules.CheckFields(definition, described);
            mapping = await MappingAsync(definition, described.Fields, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Failed(e);
        }

        return await runner.RunAsync(definition, opened.Source, mapping, cancellationToken).ConfigureAwait(false);

        // The source could not be opened (a dropped table, a refused connection) or no longer fits the definition:
        // the run fails and says why, and the next one may start.
        SyncRun Failed(Exception e)
        {
            SyncLog.RunFailed(environment.Logger, definition.Name, e);
            return runner.Progress with { Status = SyncRunStatus.Failed, FinishedAt = environment.Time.GetUtcNow(), Failure = e.Message };
        }
    }

    private async Task<IReadOnlyList<MappingProposal>> MappingAsync(SyncDefinition definition, IReadOnlyList<SourceField> fields, CancellationToken cancellationToken)
    {
        var kind = definition.Related?.OwnerKind ?? definition.Kind;
        var catalog = definition.Related is null
            ? await environment.Store.Catalog.GetFieldsAsync(kind, cancellationToken).ConfigureAwait(false)
            : [];
        return FieldMapper.Propose(fields, definition.Kind, catalog, definition.Mappings, definition.IdField);
    }

    private async Task<SourceReadMode> ModeByHandAsync(SyncDefinition definition, CancellationToken cancellationToken)
    {
        if (definition.TimestampField is null)
        {
            return SourceReadMode.Full;
        }

        var (lastRun, lastFull) = await LastRunsAsync(definition.Name, cancellationToken).ConfigureAwait(false);
        return SyncCalendar.DueMode(definition, lastRun, lastFull, environment.Time.GetUtcNow()) ?? SourceReadMode.Incremental;
    }

    private async Task<(SyncRun? Last, SyncRun? LastFull)> LastRunsAsync(string name, CancellationToken cancellationToken)
    {
        var last = await environment.State.ListRunsAsync(name, 1, null, cancellationToken).ConfigureAwait(false);
        var full = await environment.State.ListRunsAsync(name, 1, SourceReadMode.Full, cancellationToken).ConfigureAwait(false);
        return (last.Count > 0 ? last[0] : null, full.Count > 0 ? full[0] : null);
    }

    private OpenedSource Open(SourceSettings settings) =>
        _factories.TryGetValue(settings.Type, out var factory)
            ? new OpenedSource(factory.Create(settings))
            : throw new ArgumentException(
                $"No source of type '{settings.Type}' is registered; registered types: {(_factories.Count == 0 ? "none" : string.Join(", ", _factories.Keys.Order(StringComparer.Ordinal)))}. "
                + "Register one on the builder, e.g. AddSqlSource(...) or AddCsvSource().",
                nameof(settings));

    private static async Task<SourceObject> DescribeAsync(ISource source, string objectName, CancellationToken cancellationToken)
    {
        IReadOnlyList<SourceObject> objects;
        try
        {
            objects = await source.DescribeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsSourceRefusal(e))
        {
            throw Refused(objectName, "describing it", e);
        }

        return objects.FirstOrDefault(o => string.Equals(o.Name, objectName, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException(
                $"The source has no object '{objectName}'; it has {string.Join(", ", objects.Select(o => $"'{o.Name}'"))}.", nameof(objectName));
    }

    /// <summary>
    /// An error the source raised that is neither a setting it refused (<see cref="ArgumentException"/>) nor one a
    /// retry may cure (<see cref="SourceUnavailableException"/>): a missing table, a query the database rejects.
    /// </summary>
    private static bool IsSourceRefusal(Exception e) =>
        e is not (ArgumentException or SourceUnavailableException or OperationCanceledException or NotSupportedException);

    /// <summary>
    /// The source's own error as the definition's problem, so a caller tells it from a failure of the store: the
    /// message names the object and what was being done, and the source's error is kept as the inner exception.
    /// </summary>
    private static ArgumentException Refused(string objectName, string doing, Exception e) =>
        new($"The source failed on '{objectName}' while {doing}: {e.Message}", e);

    /// <summary>A source opened for one call, disposed after it when it holds resources.</summary>
    private sealed class OpenedSource(ISource source) : IAsyncDisposable
    {
        public ISource Source { get; } = source;

        public ValueTask DisposeAsync() => Source switch
        {
            IAsyncDisposable asyncDisposable => asyncDisposable.DisposeAsync(),
            IDisposable disposable => Dispose(disposable),
            _ => ValueTask.CompletedTask,
        };

        private static ValueTask Dispose(IDisposable disposable)
        {
            disposable.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
