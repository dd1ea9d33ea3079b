using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Segments;

// Reading an audience's records: pages, the one-record detail view and membership explanations.
internal sealed partial class AudienceService
{
    /// <inheritdoc />
    public Task<MemberPage> ListMembersAsync(long audienceId, ProfileId? after = null, int limit = 100, CancellationToken cancellationToken = default) =>
        PageAsync(audienceId, MemberState.Active, after, limit, cancellationToken);

    /// <inheritdoc />
    public Task<MemberPage> ListArchivedAsync(long audienceId, ProfileId? after = null, int limit = 100, CancellationToken cancellationToken = default) =>
        PageAsync(audienceId, MemberState.Archived, after, limit, cancellationToken);

    /// <inheritdoc />
    public async Task<long> CountAsync(long audienceId, CancellationToken cancellationToken = default)
    {
        await RequireAsync(audienceId, cancellationToken).ConfigureAwait(false);
        return await _audiences.CountMembersAsync(audienceId, MemberState.Active, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<RecordDetail?> GetRecordAsync(long audienceId, ProfileId? cursor = null, RecordStep direction = RecordStep.Next, CancellationToken cancellationToken = default)
    {
        var audience = await RequireAsync(audienceId, cancellationToken).ConfigureAwait(false);
        ProfileId? at = direction switch
        {
            RecordStep.Current => cursor is { } current
                && await _audiences.GetMemberStateAsync(audienceId, current, cancellationToken).ConfigureAwait(false) == MemberState.Active
                    ? current
                    : null,
            _ => await NeighbourAsync(audienceId, cursor, direction == RecordStep.Previous, cancellationToken).ConfigureAwait(false),
        };

        if (at is not { } id || await _profiles.Profiles.GetProfileAsync(id, cancellationToken).ConfigureAwait(false) is not { } profile)
        {
            return null;
        }

        var fields = await _profiles.Catalog.GetFieldsAsync(audience.Kind, cancellationToken).ConfigureAwait(false);
        var filled = new List<FieldDetail>();
        var empty = new List<Profiles.FieldDefinition>();
        foreach (var field in fields)
        {
            if (profile.Values.TryGetValue(field.Key, out var value) && !value.Value.IsEmpty)
            {
                filled.Add(new FieldDetail(field, value.Value, value.Source, value.SourceKind, value.ObservedAt));
            }
            else
            {
                empty.Add(field);
            }
        }

        var previous = await NeighbourAsync(audienceId, id, true, cancellationToken).ConfigureAwait(false);
        var next = await NeighbourAsync(audienceId, id, false, cancellationToken).ConfigureAwait(false);
        return new RecordDetail(audienceId, profile, filled, empty, previous, next);
    }

    /// <inheritdoc />
    public async Task<MembershipExplanation> ExplainAsync(long audienceId, ProfileId profileId, CancellationToken cancellationToken = default)
    {
        var audience = await RequireAsync(audienceId, cancellationToken).ConfigureAwait(false);
        var profile = await _profiles.Profiles.GetProfileAsync(profileId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"No profile ever had the id {profileId}.");
        if (profile.Kind != audience.Kind)
        {
            throw new ArgumentException(
                $"Profile {profile.Id} is a {EntityKindText.Word(profile.Kind)} and audience {audienceId} selects {EntityKindText.Word(audience.Kind)} profiles; it can never be a member.", nameof(profileId));
        }

        var compiled = await CompileAsync(audience, cancellationToken).ConfigureAwait(false);
        var record = await _records.ForAsync(profile, compiled.ReadsCompany, compiled.ReadsRelated, cancellationToken).ConfigureAwait(false);
        var outcome = MembershipExplainer.Explain(compiled.Filter.Filter, record, _time.GetUtcNow());
        var state = await _audiences.GetMemberStateAsync(audienceId, profile.Id, cancellationToken).ConfigureAwait(false);
        return new MembershipExplanation(audienceId, profile.Id, outcome.Held, state, outcome);
    }

    private async Task<MemberPage> PageAsync(long audienceId, MemberState state, ProfileId? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await RequireAsync(audienceId, cancellationToken).ConfigureAwait(false);

        // One id more than asked tells whether another page follows.
        var ids = await _audiences.ListMembersAsync(audienceId, state, after, limit + 1, false, cancellationToken).ConfigureAwait(false);
        var profiles = new List<Profile>(Math.Min(limit, ids.Count));
        foreach (var id in ids.Take(limit))
        {
            if (await _profiles.Profiles.GetProfileAsync(id, cancellationToken).ConfigureAwait(false) is { } profile)
            {
                profiles.Add(profile);
            }
        }

        return new MemberPage(profiles, ids.Count > limit ? ids[limit - 1] : null);
    }

    private async Task<ProfileId?> NeighbourAsync(long audienceId, ProfileId? from, bool previous, CancellationToken cancellationToken)
    {
        var ids = await _audiences.ListMembersAsync(audienceId, MemberState.Active, from, 1, previous, cancellationToken).ConfigureAwait(false);
        return ids.Count == 0 ? null : ids[0];
    }
}
