using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Audiences.Sdk.Filtering;
using Audiences.Sdk.InMemory.Columns;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.InMemory;

/// <summary>
/// The data of one in-memory store, which its contracts (<see cref="InMemoryProfileStore"/>,
/// <see cref="InMemoryMergeLedger"/>, …) share: the committed state, the writer gate and the session overlay.
/// </summary>
/// <remarks>
/// Thread-safe. Readers take a short lock and see committed batches only; a write session buffers
/// its changes and applies them under the lock when it commits, so readers never see half a batch.
/// Filters run over a columnar copy of the current values (one table per kind, dictionary-encoded
/// text, numbers as doubles, date-times as ticks) that every commit brings up to date under the lock,
/// so no filter pays a catch-up after an import.
/// Each bound filter is compiled once into column scans over bitmaps.
/// </remarks>
[SuppressMessage("Design", "CA1001", Justification = "The writer gate is never disposed: a session open at shutdown releases it later (see the field).")]
internal sealed class InMemoryStore(TimeProvider? timeProvider = null)
{
    private readonly Lock _gate = new();
    // Never disposed (it has no wait handle to free): a session still open when the store is dropped
    // releases it later without an ObjectDisposedException masking what ended the session.
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly InMemoryState _state = new();
    private readonly InMemoryOverlay _overlay = new();
    private readonly ConditionalWeakTable<BoundFilter, RowFilter> _compiled = new();

    /// <summary>The clock for "now" in filters (<c>within last</c>).</summary>
    public TimeProvider Time { get; } = timeProvider ?? TimeProvider.System;

    /// <summary>Opens the single writer session, waiting while another one is open.</summary>
    public async ValueTask<IProfileWriteSession> BeginWriteAsync(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            return new InMemoryWriteSession(this, _overlay, _state.LastVersion, _state.LastProfileId);
        }
    }

    /// <summary>This store's session behind <paramref name="session"/>, whatever decorators wrap it.</summary>
    /// <exception cref="ArgumentException">The session was begun by another store.</exception>
    public InMemoryWriteSession SessionOf(IProfileWriteSession session)
    {
        var own = DelegatingProfileWriteSession.Unwrap<InMemoryWriteSession>(session);
        return own.Store == this
            ? own
            : throw new ArgumentException("The write session was begun by another in-memory store; pass a session of this store.", nameof(session));
    }

    /// <summary>Reads the committed state under the lock.</summary>
    public T Read<T>(Func<InMemoryState, T> read)
    {
        lock (_gate)
        {
            return read(_state);
        }
    }

    /// <summary>
    /// Changes the committed state under the lock, for the contracts whose writes stand alone rather than join a
    /// session (sync definitions and runs, drafts, credits): each call is atomic, and readers see it whole or not at all.
    /// </summary>
    public T Write<T>(Func<InMemoryState, T> write)
    {
        lock (_gate)
        {
            return write(_state);
        }
    }

    /// <summary>The filter compiled to column scans, once per bound filter.</summary>
    public RowFilter Compile(BoundFilter filter) => _compiled.GetValue(filter, static f => RowFilterCompiler.Compile(f.Filter));

    // The four methods below serve the open write session. Only that session ever changes the
    // committed state (in Apply, on its own thread of control), so its reads need no lock; the lock
    // only keeps other readers from seeing a commit half-applied.

    /// <summary>The committed profile with an id, or null.</summary>
    internal Profile? CommittedProfile(long id) => _state.Profiles.GetValueOrDefault(id);

    /// <summary>The committed owner of a source record, or 0.</summary>
    internal long CommittedSourceOwner(SourceRecordKey key) => _state.SourceOwners.GetValueOrDefault(key);

    /// <summary>The committed owners of an alias, oldest first (empty when none); never changed in place.</summary>
    internal long[] CommittedAliasOwners(AliasIndexKey key) => _state.AliasOwners.GetValueOrDefault(key) ?? [];

    /// <summary>Resolves an id through the session's redirects and the committed ones.</summary>
    internal long Resolve(long id, IReadOnlyDictionary<long, long> overlay) => _state.Resolve(id, overlay);

    /// <summary>Applies a committed session's changes under the lock.</summary>
    internal void Apply(Action<InMemoryState> apply)
    {
        lock (_gate)
        {
            apply(_state);
        }
    }

    /// <summary>Lets the next writer in.</summary>
    internal void ReleaseWriter() => _writer.Release();
}
