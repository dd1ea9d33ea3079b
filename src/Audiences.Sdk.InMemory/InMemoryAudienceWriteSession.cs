using Audiences.Sdk.Segments;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.InMemory;

/// <summary>A write session of <see cref="InMemoryAudienceStore"/>: changes wait in overlay tables and reach the store in one step on commit.</summary>
internal sealed class InMemoryAudienceWriteSession(InMemoryAudienceStore store, long lastAudienceId, long lastSequence) : IAudienceWriteSession
{
    private readonly Pending _pending = new() { LastAudienceId = lastAudienceId };
    private long _lastSequence = lastSequence;
    private bool _done;

    public ValueTask<long> AllocateAudienceIdAsync(CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        return ValueTask.FromResult(++_pending.LastAudienceId);
    }

    public ValueTask<Audience?> GetAudienceAsync(long id, CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        return ValueTask.FromResult(Audience(id));
    }

    public ValueTask SaveAudienceAsync(Audience audience, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audience);
        EnsureOpen();
        _pending.Audiences[audience.Id] = audience;
        _pending.LastAudienceId = Math.Max(_pending.LastAudienceId, audience.Id);
        return ValueTask.CompletedTask;
    }

    public ValueTask DeleteAudienceAsync(long id, CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        _pending.Audiences[id] = null;
        _pending.Deleted.Add(id);
        foreach (var key in _pending.Members.Keys.Where(k => k.AudienceId == id).ToArray())
        {
            _pending.Members.Remove(key);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<MemberState?> GetMemberStateAsync(long audienceId, ProfileId profileId, CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        return ValueTask.FromResult(State(audienceId, profileId.Value));
    }

    public ValueTask<IReadOnlyList<(long AudienceId, MemberState State)>> GetMembershipsAsync(ProfileId profileId, CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        var result = new List<(long, MemberState)>();
        foreach (var audienceId in store.CommittedAudienceIds.Concat(_pending.Audiences.Keys).Distinct().Order())
        {
            if (State(audienceId, profileId.Value) is { } state)
            {
                result.Add((audienceId, state));
            }
        }

        return ValueTask.FromResult<IReadOnlyList<(long, MemberState)>>(result);
    }

    public ValueTask SetMemberStateAsync(long audienceId, ProfileId profileId, MemberState? state, CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        if (state is not null && Audience(audienceId) is null)
        {
            throw new InvalidOperationException($"Audience {audienceId} does not exist; it cannot have members.");
        }

        _pending.Members[(audienceId, profileId.Value)] = state;
        return ValueTask.CompletedTask;
    }

    public ValueTask<MembershipChange> AppendChangeAsync(MembershipChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        EnsureOpen();
        var stored = change with { Sequence = ++_lastSequence };
        _pending.Changes.Add(stored);
        return ValueTask.FromResult(stored);
    }

    public ValueTask SetProcessedVersionAsync(long version, CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        _pending.ProcessedVersion = version;
        return ValueTask.CompletedTask;
    }

    public ValueTask CommitAsync(CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        cancellationToken.ThrowIfCancellationRequested();
        store.Apply(_pending);
        _done = true;
        store.ReleaseWriter();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        if (!_done)
        {
            _done = true;
            store.ReleaseWriter();
        }

        return ValueTask.CompletedTask;
    }

    private Audience? Audience(long id) =>
        _pending.Audiences.TryGetValue(id, out var audience) ? audience : store.CommittedAudience(id);

    private MemberState? State(long audienceId, long profileId) =>
        _pending.Members.TryGetValue((audienceId, profileId), out var state) ? state
        : _pending.Deleted.Contains(audienceId) ? null
        : store.CommittedState(audienceId, profileId);

    private void EnsureOpen() => ObjectDisposedException.ThrowIf(_done, this);

    /// <summary>The session's uncommitted changes.</summary>
    internal sealed class Pending
    {
        public Dictionary<long, Audience?> Audiences { get; } = [];

        public HashSet<long> Deleted { get; } = [];

        public Dictionary<(long AudienceId, long ProfileId), MemberState?> Members { get; } = [];

        public List<MembershipChange> Changes { get; } = [];

        public long LastAudienceId { get; set; }

        public long? ProcessedVersion { get; set; }
    }
}
