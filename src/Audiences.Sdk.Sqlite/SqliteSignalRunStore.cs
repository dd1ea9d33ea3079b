using Audiences.Sdk.Profiles;
using Audiences.Sdk.Signals;
using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Sqlite.Writing;

namespace Audiences.Sdk.Sqlite;

/// <summary>The signal run history and per-record checks of a <see cref="SqliteStore"/>, written in short transactions of their own.</summary>
internal sealed class SqliteSignalRunStore(SqliteStore store) : ISignalRunStore
{
    /// <inheritdoc />
    public ValueTask<SignalRun> StartRunAsync(SignalRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrWhiteSpace(run.Signal, nameof(run));
        return ValueTask.FromResult(store.Write((connection, transaction) => SignalWrites.StartRun(connection, transaction, run), cancellationToken));
    }

    /// <inheritdoc />
    public ValueTask FinishRunAsync(SignalRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        store.Write((connection, transaction) =>
        {
            SignalWrites.FinishRun(connection, transaction, run);
            return true;
        }, cancellationToken);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<SignalRun?> GetRunAsync(long id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(store.Read(scope => SignalQueries.Run(scope.Connection, scope.Transaction, id), cancellationToken));

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<SignalRun>> ListRunsAsync(string signal, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return ValueTask.FromResult<IReadOnlyList<SignalRun>>(
            store.Read(scope => SignalQueries.Runs(scope.Connection, scope.Transaction, signal, limit), cancellationToken));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<ProfileId, DateTimeOffset>> FindChecksAsync(
        string signal, IReadOnlyCollection<ProfileId> profiles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(profiles);
        if (profiles.Count == 0)
        {
            return ValueTask.FromResult<IReadOnlyDictionary<ProfileId, DateTimeOffset>>(new Dictionary<ProfileId, DateTimeOffset>());
        }

        return ValueTask.FromResult<IReadOnlyDictionary<ProfileId, DateTimeOffset>>(
            store.Read(scope => SignalQueries.Checks(scope.Connection, scope.Transaction, signal, profiles), cancellationToken));
    }

    /// <inheritdoc />
    public ValueTask RecordChecksAsync(
        string signal, IReadOnlyCollection<ProfileId> profiles, DateTimeOffset checkedUntil, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signal);
        ArgumentNullException.ThrowIfNull(profiles);
        if (profiles.Count > 0)
        {
            store.Write((connection, transaction) =>
            {
                SignalWrites.RecordChecks(connection, transaction, signal, profiles, checkedUntil);
                return true;
            }, cancellationToken);
        }

        return ValueTask.CompletedTask;
    }
}
