using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Sqlite.Storage;
using Audiences.Sdk.Storage;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Writing;

/// <summary>
/// One write session: a single <c>BEGIN IMMEDIATE</c> transaction on the store's writer connection,
/// with every statement prepared once and reused. Reads go through the same transaction, so they
/// see the session's own writes; nothing is visible to readers until the commit.
/// </summary>
internal sealed class SqliteWriteSession : IProfileWriteSession, ISourceRecordFingerprints
{
    private readonly SqliteWriterHost _host;
    private readonly SqliteTransaction _transaction;
    private readonly CommandSet _commands;
    private readonly ProfileQueries _queries;
    private readonly ProfileValueRows _valueRows;
    private readonly ProfileWriter _profiles;
    private readonly LedgerStatements _ledger;
    private readonly FingerprintQuery _fingerprints;
    private SyncCursorStatement? _cursors;
    private Profile? _lastLoaded;
    private long _maxVersion;
    private long _nextProfileId;
    private State _state;

    private SqliteWriteSession(SqliteWriterHost host, SqliteTransaction transaction)
    {
        _host = host;
        _transaction = transaction;
        _commands = new CommandSet(host.Connection, transaction);
        _queries = new ProfileQueries(host.Connection, transaction);
        // A session that failed or was disposed may have left changes in the shared queue.
        host.ValueRows.Clear();
        _valueRows = new ProfileValueRows(_commands, host.ValueRows);
        _profiles = new ProfileWriter(new ProfileStatements(_commands), _queries, host.Filters, _valueRows);
        _ledger = new LedgerStatements(_commands);
        _fingerprints = new FingerprintQuery(_commands);
        (LastVersion, _nextProfileId) = _ledger.ReadMeta();
        _maxVersion = LastVersion;
        host.Filters.Refresh(host.Connection, transaction);
    }

    private enum State
    {
        Open,
        Committed,
        Disposed,
    }

    public long LastVersion { get; }

    /// <summary>The writer host of the store that began the session.</summary>
    internal SqliteWriterHost Host => _host;

    /// <summary>Starts a session; the caller holds the store's writer gate.</summary>
    public static SqliteWriteSession Begin(SqliteWriterHost host)
    {
        var transaction = host.Connection.BeginTransaction(deferred: false);
        try
        {
            return new SqliteWriteSession(host, transaction);
        }
        catch
        {
            transaction.Dispose();
            throw;
        }
    }

    public ValueTask<ProfileId> AllocateProfileIdAsync(CancellationToken cancellationToken = default)
    {
        EnsureOpen(cancellationToken);
        return ValueTask.FromResult(new ProfileId(_nextProfileId++));
    }

    public ValueTask<Profile?> LoadAsync(ProfileId id, CancellationToken cancellationToken = default)
    {
        EnsureOpen(cancellationToken);

        // The matcher loads a record's owner to check its kind and then again to update it.
        if (_lastLoaded?.Id != id)
        {
            _lastLoaded = Guard((this, id), static s => s.Item1._queries.Load(s.id.Value));
        }

        return ValueTask.FromResult(_lastLoaded);
    }

    public ValueTask<ProfileId?> ResolveAsync(ProfileId id, CancellationToken cancellationToken = default)
    {
        EnsureOpen(cancellationToken);
        return ValueTask.FromResult(Guard((this, id), static s => ToId(s.Item1._queries.Resolve(s.id.Value))));
    }

    public ValueTask<ProfileId?> FindSourceRecordOwnerAsync(SourceRecordKey key, CancellationToken cancellationToken = default)
    {
        EnsureOpen(cancellationToken);

        // Most keys of an import are new: the filter answers for them without a query.
        return !_host.Filters.MayHoldSource(key)
            ? ValueTask.FromResult<ProfileId?>(null)
            : ValueTask.FromResult(Guard((_queries, key), static s => s._queries.FindSourceOwner(s.key) is { } owner ? ToId(s._queries.Resolve(owner)) : null));
    }

    public ValueTask<StoredFingerprint?> FindFingerprintAsync(SourceRecordKey key, CancellationToken cancellationToken = default)
    {
        EnsureOpen(cancellationToken);
        return !_host.Filters.MayHoldSource(key)
            ? ValueTask.FromResult<StoredFingerprint?>(null)
            : ValueTask.FromResult(Guard((_fingerprints, key), static s => s._fingerprints.Find(s.key)));
    }

    public ValueTask<IReadOnlyList<ProfileId>> FindAliasOwnersAsync(EntityKind kind, AliasKey aliasKey, CancellationToken cancellationToken = default)
    {
        EnsureOpen(cancellationToken);
        return !_host.Filters.MayHoldAlias(kind, aliasKey)
            ? ValueTask.FromResult<IReadOnlyList<ProfileId>>([])
            : ValueTask.FromResult<IReadOnlyList<ProfileId>>(Guard((_queries, kind, aliasKey), static s => s._queries.FindAliasOwners(s.kind, s.aliasKey)));
    }

    public ValueTask WriteProfileAsync(ProfileWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        EnsureOpen(cancellationToken);
        // What the matcher loaded last is, when it is this profile, its values before the write.
        var loaded = _lastLoaded;
        _lastLoaded = null;
        Guard((_profiles, write, loaded), static s => s._profiles.Write(s.write, s.loaded));
        _maxVersion = Math.Max(_maxVersion, write.Version);
        _nextProfileId = Math.Max(_nextProfileId, write.Id.Value + 1);
        return ValueTask.CompletedTask;
    }

    public ValueTask RetireProfileAsync(ProfileId merged, ProfileId survivor, CancellationToken cancellationToken = default)
    {
        if (merged == survivor)
        {
            throw new ArgumentException($"Profile {merged} cannot be merged into itself.", nameof(survivor));
        }

        EnsureOpen(cancellationToken);
        var loaded = _lastLoaded;
        _lastLoaded = null;
        Guard((_profiles, merged, survivor, loaded), static s => s._profiles.Retire(s.merged, s.survivor, s.loaded));
        _nextProfileId = Math.Max(_nextProfileId, Math.Max(merged.Value, survivor.Value) + 1);
        return ValueTask.CompletedTask;
    }

    internal void AppendMerge(MergeRecord merge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(merge);
        EnsureOpen(cancellationToken);
        Guard((_ledger, merge), static s => s._ledger.InsertMerge(s.merge));
        _maxVersion = Math.Max(_maxVersion, merge.Version);
    }

    public ValueTask RestoreProfileAsync(ProfileId restored, IReadOnlyCollection<ProfileId> redirected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(redirected);
        EnsureOpen(cancellationToken);
        _lastLoaded = null;
        Guard((_profiles, restored, redirected), static s => s._profiles.Restore(s.restored, s.redirected));
        return ValueTask.CompletedTask;
    }

    internal void AppendSplit(SplitRecord split, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(split);
        EnsureOpen(cancellationToken);
        Guard((_ledger, split), static s => s._ledger.InsertSplit(s.split));
        _maxVersion = Math.Max(_maxVersion, split.Version);
    }

    internal void UpsertReview(MatchReview review, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(review);
        EnsureOpen(cancellationToken);
        Guard((_ledger, review), static s => s._ledger.UpsertReview(s.review));
        _maxVersion = Math.Max(_maxVersion, review.Id);
    }

    internal void UpsertField(FieldDefinition field, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(field);
        EnsureOpen(cancellationToken);
        Guard((_ledger, field), static s => s._ledger.UpsertField(s.field));
    }

    internal void UpsertRelatedRecord(RelatedRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        EnsureOpen(cancellationToken);
        Guard((_ledger, record), static s => s._ledger.UpsertRelated(s.record));
    }

    internal void SaveSyncCursor(string sync, string? cursor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sync);
        EnsureOpen(cancellationToken);
        _cursors ??= new SyncCursorStatement(_commands);
        Guard((_cursors, sync, cursor), static s => s._cursors.Save(s.sync, s.cursor));
    }

    public ValueTask CommitAsync(CancellationToken cancellationToken = default)
    {
        EnsureOpen(cancellationToken);
        Guard(this, static session =>
        {
            session._valueRows.Flush();
            session._ledger.WriteMeta(session._maxVersion, session._nextProfileId);
            session._commands.Dispose();
            session._queries.Dispose();
            session._transaction.Commit();
        });
        _state = State.Committed;
        try
        {
            // Before the gate opens, so the next session's frames never land on a log past its bound.
            _host.Checkpointer.AfterCommit(_host.Connection);
        }
        finally
        {
            Release();
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        if (_state != State.Open)
        {
            return ValueTask.CompletedTask;
        }

        _state = State.Disposed;
        try
        {
            _commands.Dispose();
            _queries.Dispose();
            if (!_host.IsDisposed)
            {
                _transaction.Rollback();
            }
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
        {
            // SQLite already rolled the transaction back after the error that ended the session.
        }

        Release();
        return ValueTask.CompletedTask;
    }

    private static ProfileId? ToId(long? id) => id is { } value ? new ProfileId(value) : null;

    /// <summary>Runs statements, turning errors about the database file into messages that say what to do.</summary>
    private void Guard<TState>(TState state, Action<TState> action)
    {
        try
        {
            action(state);
        }
        catch (SqliteException ex) when (SqliteErrors.IsAboutFile(ex))
        {
            throw SqliteErrors.Describe(ex, _host.Database);
        }
    }

    /// <inheritdoc cref="Guard{TState}(TState, Action{TState})"/>
    private T Guard<TState, T>(TState state, Func<TState, T> action)
    {
        try
        {
            return action(state);
        }
        catch (SqliteException ex) when (SqliteErrors.IsAboutFile(ex))
        {
            throw SqliteErrors.Describe(ex, _host.Database);
        }
    }

    private void Release()
    {
        _transaction.Dispose();
        _host.EndSession();
    }

    private void EnsureOpen(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_host.IsDisposed, typeof(SqliteStore));
        if (_state != State.Open)
        {
            throw new ObjectDisposedException(nameof(IProfileWriteSession), _state == State.Committed
                ? "The write session was already committed; begin a new session with BeginWriteAsync for further writes."
                : "The write session was disposed; begin a new session with BeginWriteAsync.");
        }

        cancellationToken.ThrowIfCancellationRequested();
    }
}
