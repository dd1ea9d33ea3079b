using System.Diagnostics.CodeAnalysis;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Segments;
using Audiences.Sdk.Sqlite.Storage;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite;

/// <summary>
/// The SQLite audience store: audiences, members, archive marks and the membership change feed in the
/// same database file as the other contracts of a <see cref="SqliteStore"/> (its schema step 4 creates the tables).
/// Reads use pooled connections and see the last committed session; a write session is one
/// <c>BEGIN IMMEDIATE</c> transaction, so it takes turns with profile imports and other processes.
/// </summary>
/// <remarks>Thread-safe. The audience store does not own the database: its <see cref="SqliteStore"/> closes it.</remarks>
[SuppressMessage("Design", "CA1001", Justification = "The writer gate is never disposed: a session open at shutdown releases it later (see the field).")]
internal sealed class SqliteAudienceStore : IAudienceStore
{
    private readonly SqliteStore _store;
    // Never disposed (it has no wait handle to free): a session still open when the provider is disposed
    // releases it later without an ObjectDisposedException masking what ended the session.
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>Opens the audience store of a store's database.</summary>
    /// <param name="store">The store whose file holds the audiences.</param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is null.</exception>
    public SqliteAudienceStore(SqliteStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    private SqliteDatabase Database => _store.Database;

    /// <inheritdoc />
    /// <exception cref="IOException">The database stayed locked by another writer for longer than the busy timeout, or is unusable.</exception>
    public async ValueTask<IAudienceWriteSession> BeginWriteAsync(CancellationToken cancellationToken = default)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        SqliteConnection? connection = null;
        try
        {
            connection = Database.OpenWriter();
            return new SqliteAudienceWriteSession(connection, connection.BeginTransaction(deferred: false), _writer);
        }
        catch (Exception ex)
        {
            connection?.Dispose();
            _writer.Release();
            if (ex is SqliteException sqlite && SqliteErrors.IsAboutFile(sqlite))
            {
                throw SqliteErrors.Describe(sqlite, Database);
            }

            throw;
        }
    }

    /// <inheritdoc />
    public ValueTask<Audience?> GetAudienceAsync(long id, CancellationToken cancellationToken = default) =>
        Read((c, t) => AudienceQueries.Audience(c, t, id), cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<Audience>> ListAudiencesAsync(CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<Audience>>((c, t) => AudienceQueries.Audiences(c, t), cancellationToken);

    /// <inheritdoc />
    public ValueTask<long> CountMembersAsync(long audienceId, MemberState state, CancellationToken cancellationToken = default) =>
        Read((c, t) => AudienceQueries.CountMembers(c, t, audienceId, state), cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ProfileId>> ListMembersAsync(
        long audienceId, MemberState state, ProfileId? after, int limit, bool descending = false, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return Read<IReadOnlyList<ProfileId>>((c, t) => AudienceQueries.Members(c, t, audienceId, state, after, limit, descending), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<MemberState?> GetMemberStateAsync(long audienceId, ProfileId profileId, CancellationToken cancellationToken = default) =>
        Read((c, t) => AudienceQueries.State(c, t, audienceId, profileId.Value), cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<(long AudienceId, MemberState State)>> GetMembershipsAsync(ProfileId profileId, CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<(long, MemberState)>>((c, t) => AudienceQueries.Memberships(c, t, profileId.Value), cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<MembershipChange>> ReadChangesAsync(long afterSequence, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return Read<IReadOnlyList<MembershipChange>>((c, t) => AudienceQueries.Changes(c, t, afterSequence, limit), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<long> GetProcessedVersionAsync(CancellationToken cancellationToken = default) =>
        Read((c, t) => AudienceQueries.Meta(c, t).ProcessedVersion, cancellationToken);


    private ValueTask<T> Read<T>(Func<SqliteConnection, SqliteTransaction, T> read, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            using var connection = Database.OpenReader();
            using var transaction = connection.BeginTransaction(deferred: true);
            return ValueTask.FromResult(read(connection, transaction));
        }
        catch (SqliteException ex) when (SqliteErrors.IsAboutFile(ex))
        {
            throw SqliteErrors.Describe(ex, Database);
        }
    }
}
