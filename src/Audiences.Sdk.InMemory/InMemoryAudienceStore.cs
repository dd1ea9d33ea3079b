using System.Diagnostics.CodeAnalysis;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.InMemory;

/// <summary>
/// An audience store held in process memory, beside an <see cref="InMemoryStore"/>: audiences,
/// their members (a hash lookup and an ordered set per state, about 70 bytes per member), archive
/// marks and the membership change feed. Nothing survives the process.
/// </summary>
/// <remarks>Thread-safe: readers take a short lock; a write session buffers its changes and applies them under the lock on commit.</remarks>
[SuppressMessage("Design", "CA1001", Justification = "The writer gate is never disposed: a session open at shutdown releases it later (see the field).")]
internal sealed class InMemoryAudienceStore : IAudienceStore
{
    private readonly Lock _gate = new();
    // Never disposed (it has no wait handle to free): a session still open when the store is dropped
    // releases it later without an ObjectDisposedException masking what ended the session.
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly SortedDictionary<long, Audience> _audiences = [];
    private readonly Dictionary<long, InMemoryAudienceMembers> _members = [];
    private readonly List<MembershipChange> _changes = [];
    private long _lastAudienceId;
    private long _processedVersion;

    /// <inheritdoc />
    public async ValueTask<IAudienceWriteSession> BeginWriteAsync(CancellationToken cancellationToken = default)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            return new InMemoryAudienceWriteSession(this, _lastAudienceId, _changes.Count == 0 ? 0 : _changes[^1].Sequence);
        }
    }

    /// <inheritdoc />
    public ValueTask<Audience?> GetAudienceAsync(long id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_audiences.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<Audience>> ListAudiencesAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<Audience>>([.. _audiences.Values]);
        }
    }

    /// <inheritdoc />
    public ValueTask<long> CountMembersAsync(long audienceId, MemberState state, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult((long)(_members.GetValueOrDefault(audienceId)?.Of(state).Count ?? 0));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ProfileId>> ListMembersAsync(
        long audienceId, MemberState state, ProfileId? after, int limit, bool descending = false, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        lock (_gate)
        {
            if (_members.GetValueOrDefault(audienceId)?.Of(state) is not { Count: > 0 } set)
            {
                return ValueTask.FromResult<IReadOnlyList<ProfileId>>([]);
            }

            IEnumerable<long> range = (descending, after) switch
            {
                (true, { } before) => before.Value <= set.Min ? [] : set.GetViewBetween(set.Min, before.Value - 1).Reverse(),
                (true, null) => set.Reverse(),
                (false, { } start) => start.Value >= set.Max ? [] : set.GetViewBetween(start.Value + 1, set.Max),
                (false, null) => set,
            };

            return ValueTask.FromResult<IReadOnlyList<ProfileId>>(range.Take(limit).Select(id => new ProfileId(id)).ToArray());
        }
    }

    /// <inheritdoc />
    public ValueTask<MemberState?> GetMemberStateAsync(long audienceId, ProfileId profileId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(CommittedState(audienceId, profileId.Value));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<(long AudienceId, MemberState State)>> GetMembershipsAsync(ProfileId profileId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(CommittedMemberships(profileId.Value, []));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<MembershipChange>> ReadChangesAsync(long afterSequence, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        lock (_gate)
        {
            // Sequences are dense from 1, so the entry after a checkpoint is at index afterSequence.
            var start = (int)Math.Clamp(afterSequence, 0, _changes.Count);
            var count = Math.Min(limit, _changes.Count - start);
            return ValueTask.FromResult<IReadOnlyList<MembershipChange>>(_changes.GetRange(start, count));
        }
    }

    /// <inheritdoc />
    public ValueTask<long> GetProcessedVersionAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_processedVersion);
        }
    }


    // The members below serve the open write session. Only that session changes the committed state
    // (in Apply), so its reads need no lock; the lock keeps other readers from seeing half a commit.

    internal Audience? CommittedAudience(long id) => _audiences.GetValueOrDefault(id);

    internal IEnumerable<long> CommittedAudienceIds => _audiences.Keys;

    internal MemberState? CommittedState(long audienceId, long profileId) =>
        _members.TryGetValue(audienceId, out var members) && members.States.TryGetValue(profileId, out var state) ? state : null;

    internal IReadOnlyList<(long AudienceId, MemberState State)> CommittedMemberships(long profileId, IEnumerable<long> extraAudiences)
    {
        var result = new List<(long, MemberState)>();
        foreach (var audienceId in _audiences.Keys.Concat(extraAudiences).Distinct().Order())
        {
            if (CommittedState(audienceId, profileId) is { } state)
            {
                result.Add((audienceId, state));
            }
        }

        return result;
    }

    internal void Apply(InMemoryAudienceWriteSession.Pending pending)
    {
        lock (_gate)
        {
            foreach (var id in pending.Deleted)
            {
                _audiences.Remove(id);
                _members.Remove(id);
            }

            foreach (var (id, audience) in pending.Audiences)
            {
                if (audience is not null)
                {
                    _audiences[id] = audience;
                }
            }

            foreach (var ((audienceId, profileId), state) in pending.Members)
            {
                if (!_members.TryGetValue(audienceId, out var members))
                {
                    if (state is null || !_audiences.ContainsKey(audienceId))
                    {
                        continue;
                    }

                    _members[audienceId] = members = new InMemoryAudienceMembers();
                }

                members.Set(profileId, state);
            }

            _changes.AddRange(pending.Changes);
            _lastAudienceId = Math.Max(_lastAudienceId, pending.LastAudienceId);
            _processedVersion = pending.ProcessedVersion ?? _processedVersion;
        }
    }

    internal void ReleaseWriter() => _writer.Release();
}
