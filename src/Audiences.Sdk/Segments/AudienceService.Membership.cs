using Audiences.Sdk.Diagnostics;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Segments;

// Keeping membership current: the incremental refresh, full evaluations, deletion, archive and the feed.
internal sealed partial class AudienceService
{
    /// <inheritdoc />
    public async Task<MembershipRefresh> RefreshMembershipAsync(CancellationToken cancellationToken = default)
    {
        var session = await _audiences.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            // The session is the only writer, so the checkpoint read here stays ours until the commit.
            var since = await _audiences.GetProcessedVersionAsync(cancellationToken).ConfigureAwait(false);
            var upTo = Math.Max(since, await _profiles.Changes.GetLastVersionAsync(cancellationToken).ConfigureAwait(false));
            var byKind = await CompileAllAsync(cancellationToken).ConfigureAwait(false);
            long read = 0, evaluations = 0, entered = 0, exited = 0;
            var companyChanged = false;

            await foreach (var change in _profiles.Changes.ListChangedProfilesAsync(since, cancellationToken).ConfigureAwait(false))
            {
                read++;
                companyChanged |= change.Kind == EntityKind.Company;
                var audiences = byKind.GetValueOrDefault(change.Kind) ?? [];
                var memberships = await session.GetMembershipsAsync(change.Id, cancellationToken).ConfigureAwait(false);
                if (change.Profile is not { } profile)
                {
                    foreach (var (audienceId, _) in memberships)
                    {
                        await ExitAsync(session, audienceId, change.Id, change.Version, cancellationToken).ConfigureAwait(false);
                        exited++;
                    }

                    continue;
                }

                if (audiences.Count == 0)
                {
                    continue;
                }

                var record = await _records.ForAsync(
                    profile, audiences.Any(a => a.ReadsCompany), audiences.Any(a => a.ReadsRelated), cancellationToken).ConfigureAwait(false);
                foreach (var audience in audiences)
                {
                    evaluations++;
                    var matches = _evaluator.Matches(audience.Filter, record);
                    var isMember = Contains(memberships, audience.Audience.Id);
                    if (matches && !isMember)
                    {
                        await EnterAsync(session, audience.Audience.Id, profile.Id, profile.Version, cancellationToken).ConfigureAwait(false);
                        entered++;
                    }
                    else if (!matches && isMember)
                    {
                        await ExitAsync(session, audience.Audience.Id, profile.Id, profile.Version, cancellationToken).ConfigureAwait(false);
                        exited++;
                    }
                }
            }

            // Some audiences can change without any of their profiles changing: criteria reading a company
            // move people when the company changes, and criteria relative to now move profiles as time passes.
            // Those are evaluated in full — pushed down to the store, or in bulk for company and related parts.
            var full = 0;
            foreach (var audience in byKind.Values.SelectMany(a => a).Where(a => a.ReadsClock || (companyChanged && a.ReadsCompany)))
            {
                var (e, x) = await EvaluateFullyAsync(session, audience, cancellationToken).ConfigureAwait(false);
                entered += e;
                exited += x;
                full++;
            }

            await session.SetProcessedVersionAsync(upTo, cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            AudienceLog.Refreshed(_logger, since, upTo, read, evaluations, entered, exited);
            return new MembershipRefresh(since, upTo, read, evaluations, entered, exited, full);
        }
    }

    /// <inheritdoc />
    public async Task<MembershipRefresh> ReevaluateAsync(long audienceId, CancellationToken cancellationToken = default)
    {
        var session = await _audiences.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var audience = await session.GetAudienceAsync(audienceId, cancellationToken).ConfigureAwait(false) ?? throw NotFound(audienceId);
            var version = await _profiles.Changes.GetLastVersionAsync(cancellationToken).ConfigureAwait(false);
            var compiled = await CompileAsync(audience, cancellationToken).ConfigureAwait(false);
            var (entered, exited) = await EvaluateFullyAsync(session, compiled, cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            AudienceLog.Evaluated(_logger, audience.Id, audience.Name, entered, exited);
            return new MembershipRefresh(version, version, 0, 0, entered, exited, 1);
        }
    }

    /// <inheritdoc />
    public async Task DeleteAsync(long audienceId, CancellationToken cancellationToken = default)
    {
        var session = await _audiences.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var audience = await session.GetAudienceAsync(audienceId, cancellationToken).ConfigureAwait(false) ?? throw NotFound(audienceId);
            var version = await _profiles.Changes.GetLastVersionAsync(cancellationToken).ConfigureAwait(false);
            long exited = 0;
            foreach (var member in await AllMembersAsync(audienceId, cancellationToken).ConfigureAwait(false))
            {
                await AppendAsync(session, audienceId, member, MembershipChangeKind.Exited, version, false, cancellationToken).ConfigureAwait(false);
                exited++;
            }

            await session.DeleteAudienceAsync(audienceId, cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            _compiled.TryRemove(audienceId, out _);
            AudienceLog.Deleted(_logger, audienceId, audience.Name, exited);
        }
    }

    /// <inheritdoc />
    public Task<int> ArchiveAsync(long audienceId, IEnumerable<ProfileId> profileIds, CancellationToken cancellationToken = default) =>
        SetArchivedAsync(audienceId, profileIds, MemberState.Archived, cancellationToken);

    /// <inheritdoc />
    public Task<int> RestoreAsync(long audienceId, IEnumerable<ProfileId> profileIds, CancellationToken cancellationToken = default) =>
        SetArchivedAsync(audienceId, profileIds, MemberState.Active, cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<MembershipChange>> ReadChangesAsync(long afterSequence, int limit = 1000, CancellationToken cancellationToken = default) =>
        _audiences.ReadChangesAsync(afterSequence, limit, cancellationToken);

    private static bool Contains(IReadOnlyList<(long AudienceId, MemberState State)> memberships, long audienceId)
    {
        foreach (var (id, _) in memberships)
        {
            if (id == audienceId)
            {
                return true;
            }
        }

        return false;
    }

    private async Task<int> SetArchivedAsync(long audienceId, IEnumerable<ProfileId> profileIds, MemberState target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profileIds);
        var ids = profileIds.Distinct().ToArray();
        var session = await _audiences.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            _ = await session.GetAudienceAsync(audienceId, cancellationToken).ConfigureAwait(false) ?? throw NotFound(audienceId);
            var toChange = new List<ProfileId>();
            foreach (var id in ids)
            {
                var state = await session.GetMemberStateAsync(audienceId, id, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException(
                        $"Profile {id} is not a member of audience {audienceId}; only records in an audience can be archived or restored. Nothing was changed.");
                if (state != target)
                {
                    toChange.Add(id);
                }
            }

            var kind = target == MemberState.Archived ? MembershipChangeKind.Archived : MembershipChangeKind.Restored;
            foreach (var id in toChange)
            {
                var version = (await _profiles.Profiles.GetProfileAsync(id, cancellationToken).ConfigureAwait(false))?.Version ?? 0;
                await session.SetMemberStateAsync(audienceId, id, target, cancellationToken).ConfigureAwait(false);
                await AppendAsync(session, audienceId, id, kind, version, target == MemberState.Active, cancellationToken).ConfigureAwait(false);
            }

            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return toChange.Count;
        }
    }

    /// <summary>
    /// Evaluates an audience over every profile of its kind (pushed down to the store, or in bulk by the
    /// profile service when the criteria read a company or related records) and records the difference with its stored members as entries and exits.
    /// </summary>
    private async Task<(long Entered, long Exited)> EvaluateFullyAsync(IAudienceWriteSession session, CompiledAudience audience, CancellationToken cancellationToken)
    {
        var audienceId = audience.Audience.Id;
        var before = (await AllMembersAsync(audienceId, cancellationToken).ConfigureAwait(false)).ToHashSet();
        long entered = 0, exited = 0;
        await foreach (var profile in _profileService.ListProfilesAsync(audience.Filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var (id, version) = (profile.Id, profile.Version);
            if (!before.Remove(id) && await session.GetMemberStateAsync(audienceId, id, cancellationToken).ConfigureAwait(false) is null)
            {
                await EnterAsync(session, audienceId, id, version, cancellationToken).ConfigureAwait(false);
                entered++;
            }
        }

        var lastVersion = await _profiles.Changes.GetLastVersionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var id in before.Order())
        {
            if (await session.GetMemberStateAsync(audienceId, id, cancellationToken).ConfigureAwait(false) is not null)
            {
                var profile = await _profiles.Profiles.GetProfileAsync(id, cancellationToken).ConfigureAwait(false);
                await ExitAsync(session, audienceId, id, profile?.Id == id ? profile.Version : lastVersion, cancellationToken).ConfigureAwait(false);
                exited++;
            }
        }

        return (entered, exited);
    }

    private async Task<List<ProfileId>> AllMembersAsync(long audienceId, CancellationToken cancellationToken)
    {
        var all = new List<ProfileId>();
        foreach (var state in new[] { MemberState.Active, MemberState.Archived })
        {
            ProfileId? after = null;
            while (true)
            {
                var page = await _audiences.ListMembersAsync(audienceId, state, after, 10_000, false, cancellationToken).ConfigureAwait(false);
                all.AddRange(page);
                if (page.Count < 10_000)
                {
                    break;
                }

                after = page[^1];
            }
        }

        return all;
    }

    private async Task<Dictionary<EntityKind, List<CompiledAudience>>> CompileAllAsync(CancellationToken cancellationToken)
    {
        var byKind = new Dictionary<EntityKind, List<CompiledAudience>>();
        foreach (var audience in await _audiences.ListAudiencesAsync(cancellationToken).ConfigureAwait(false))
        {
            var compiled = await CompileAsync(audience, cancellationToken).ConfigureAwait(false);
            if (!byKind.TryGetValue(audience.Kind, out var list))
            {
                byKind[audience.Kind] = list = [];
            }

            list.Add(compiled);
        }

        return byKind;
    }

    private async ValueTask EnterAsync(IAudienceWriteSession session, long audienceId, ProfileId id, long version, CancellationToken cancellationToken)
    {
        await session.SetMemberStateAsync(audienceId, id, MemberState.Active, cancellationToken).ConfigureAwait(false);
        await AppendAsync(session, audienceId, id, MembershipChangeKind.Entered, version, true, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask ExitAsync(IAudienceWriteSession session, long audienceId, ProfileId id, long version, CancellationToken cancellationToken)
    {
        await session.SetMemberStateAsync(audienceId, id, null, cancellationToken).ConfigureAwait(false);
        await AppendAsync(session, audienceId, id, MembershipChangeKind.Exited, version, false, cancellationToken).ConfigureAwait(false);
    }

    private ValueTask<MembershipChange> AppendAsync(
        IAudienceWriteSession session, long audienceId, ProfileId id, MembershipChangeKind kind, long version, bool active, CancellationToken cancellationToken) =>
        session.AppendChangeAsync(new MembershipChange(0, audienceId, id, kind, _time.GetUtcNow(), version, active), cancellationToken);
}
