using System.Runtime.CompilerServices;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Segments;

namespace Audiences.Sdk.Exports.Engine;

/// <summary>
/// The records one run considers: every profile of the population on a full run; else the profiles changed since the
/// checkpoint, those whose membership of the export's audiences changed since it, and the failures due a retry. It
/// reads where the change feeds stand before anything else, so what changes during the run is considered again by the
/// next one.
/// </summary>
internal sealed class ExportSelection
{
    private const int PageSize = 1_000;

    private readonly ExportDefinition _definition;
    private readonly ExportEnvironment _environment;
    private readonly ExportCheckpoint? _checkpoint;
    private readonly IReadOnlyDictionary<long, HashSet<ProfileId>> _members;
    private readonly IReadOnlyDictionary<ProfileId, ExportFailure> _failures;
    private readonly IReadOnlyList<ProfileId> _touched;
    private readonly HashSet<ProfileId> _exited;
    private readonly DateTimeOffset _now;

    private ExportSelection(
        ExportDefinition definition,
        ExportEnvironment environment,
        ExportCheckpoint? checkpoint,
        string fingerprint,
        long profileVersion,
        long membershipSequence,
        IReadOnlyDictionary<long, HashSet<ProfileId>> members,
        IReadOnlyDictionary<ProfileId, ExportFailure> failures,
        IReadOnlyList<ProfileId> touched,
        HashSet<ProfileId> exited)
    {
        _definition = definition;
        _environment = environment;
        _checkpoint = checkpoint;
        Fingerprint = fingerprint;
        ProfileVersion = profileVersion;
        MembershipSequence = membershipSequence;
        _members = members;
        _failures = failures;
        _touched = touched;
        _exited = exited;
        _now = environment.Time.GetUtcNow();
    }

    /// <summary>Whether the run considers every record: no checkpoint yet, or the definition sends by something else now.</summary>
    public bool Full => _checkpoint is null || _checkpoint.Fingerprint != Fingerprint;

    /// <summary>The definition's fingerprint, for the checkpoint.</summary>
    public string Fingerprint { get; }

    /// <summary>The profile change version the run reads up to.</summary>
    public long ProfileVersion { get; }

    /// <summary>The membership feed sequence the run reads up to.</summary>
    public long MembershipSequence { get; }

    /// <summary>Reads where the feeds stand, the memberships of the export's audiences and the ledger's failures.</summary>
    /// <exception cref="InvalidOperationException">The export's audience no longer exists.</exception>
    public static async Task<ExportSelection> OpenAsync(ExportDefinition definition, ExportEnvironment environment, CancellationToken cancellationToken)
    {
        // A deleted audience would read as every member leaving: refuse rather than remove them all.
        if (definition.Audience is { } exported && await environment.Audiences.GetAsync(exported, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new InvalidOperationException($"Export '{definition.Name}' sends the members of audience {exported}, which no longer exists; save the export with another audience.");
        }

        var checkpoint = await environment.Runs.GetCheckpointAsync(definition.Name, cancellationToken).ConfigureAwait(false);
        var profileVersion = await environment.Changes.GetLastVersionAsync(cancellationToken).ConfigureAwait(false);

        var audiences = definition.Membership.Select(m => m.Audience).ToHashSet();
        if (definition.Audience is { } audience)
        {
            audiences.Add(audience);
        }

        // The membership feed is read to its end even on the first run: its last sequence is the checkpoint's.
        var touched = new List<ProfileId>();
        var seen = new HashSet<ProfileId>();
        var exited = new HashSet<ProfileId>();
        var sequence = checkpoint?.MembershipSequence ?? 0;
        while (true)
        {
            var page = await environment.Audiences.ReadChangesAsync(sequence, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var change in page)
            {
                sequence = change.Sequence;
                if (checkpoint is not null && audiences.Contains(change.AudienceId))
                {
                    if (seen.Add(change.ProfileId))
                    {
                        touched.Add(change.ProfileId);
                    }

                    if (change.AudienceId == definition.Audience && !change.Active)
                    {
                        exited.Add(change.ProfileId);
                    }
                }
            }

            if (page.Count < PageSize)
            {
                break;
            }
        }

        var members = new Dictionary<long, HashSet<ProfileId>>();
        foreach (var id in audiences)
        {
            members[id] = await ListMembersAsync(id, environment, cancellationToken).ConfigureAwait(false);
        }

        var failures = (await environment.Outcomes.ListFailuresAsync(definition.Name, cancellationToken).ConfigureAwait(false)).ToDictionary(f => f.Profile);
        return new ExportSelection(
            definition, environment, checkpoint, ExportFingerprint.Of(definition), profileVersion, sequence, members, failures, touched, exited);
    }

    /// <summary>Whether the profile is an active member of the audience, as the run read it.</summary>
    public bool IsMember(long audience, ProfileId profile) => _members.TryGetValue(audience, out var set) && set.Contains(profile);

    /// <summary>The records the run considers, each once.</summary>
    public async IAsyncEnumerable<ExportCandidate> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<ProfileId>();
        var population = Full ? ListPopulationAsync(cancellationToken) : ListChangedAsync(cancellationToken);
        await foreach (var profile in population.ConfigureAwait(false))
        {
            if (seen.Add(profile.Id) && Classify(profile.Id, profile) is { } candidate)
            {
                yield return candidate;
            }
        }

        // Exits and failures due now are considered on full runs too: a full run after a mapping change still removes those who left.
        var due = _failures.Values.Where(f => f.RetryAt <= _now).Select(f => f.Profile);
        foreach (var id in _touched.Concat(due))
        {
            if (seen.Add(id))
            {
                var profile = await _environment.Profiles.GetProfileAsync(id, cancellationToken).ConfigureAwait(false);
                if (Classify(id, profile) is { } candidate)
                {
                    yield return candidate;
                }
            }
        }
    }

    private ExportCandidate? Classify(ProfileId id, Profile? profile)
    {
        _failures.TryGetValue(id, out var failure);

        // A merged id resolves to its survivor, which is considered under its own id: the retired one is gone.
        if (profile is null || profile.Id != id || profile.Kind != _definition.Kind)
        {
            return failure is null ? null : new ExportCandidate(id, null, ExportCandidateState.Gone, failure);
        }

        if (_definition.Audience is not { } audience || IsMember(audience, id))
        {
            return new ExportCandidate(id, profile, ExportCandidateState.Member, failure);
        }

        if (_exited.Contains(id) || failure is not null)
        {
            return new ExportCandidate(id, profile, ExportCandidateState.Left, failure);
        }

        return null;
    }

    private async IAsyncEnumerable<Profile> ListPopulationAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_definition.Audience is not { } audience)
        {
            await foreach (var profile in _environment.Profiles.ListProfilesAsync(_definition.Kind, cancellationToken).ConfigureAwait(false))
            {
                yield return profile;
            }

            yield break;
        }

        ProfileId? after = null;
        do
        {
            var page = await _environment.Audiences.ListMembersAsync(audience, after, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var profile in page.Profiles)
            {
                yield return profile;
            }

            after = page.Next;
        }
        while (after is not null);
    }

    private async IAsyncEnumerable<Profile> ListChangedAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var change in _environment.Changes.ListChangedProfilesAsync(_checkpoint!.ProfileVersion, cancellationToken).ConfigureAwait(false))
        {
            if (change.Profile is { } profile && profile.Kind == _definition.Kind)
            {
                yield return profile;
            }
        }
    }

    private static async Task<HashSet<ProfileId>> ListMembersAsync(long audience, ExportEnvironment environment, CancellationToken cancellationToken)
    {
        var members = new HashSet<ProfileId>();
        ProfileId? after = null;
        while (true)
        {
            var page = await environment.Memberships.ListMembersAsync(audience, MemberState.Active, after, PageSize, cancellationToken: cancellationToken).ConfigureAwait(false);
            members.UnionWith(page);
            if (page.Count < PageSize)
            {
                return members;
            }

            after = page[^1];
        }
    }
}
