using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Segments;

/// <summary>
/// The host's entry point to audiences: define and list them, keep their membership current, read the
/// membership change feed, archive and restore records, step through records and explain membership.
/// </summary>
/// <remarks>
/// Thread-safe. Changes to audiences and memberships are serialized by the audience store's writer
/// session. Membership is pull-based: <see cref="RefreshMembershipAsync"/> brings every audience up to
/// the profile store's latest change; imports do not refresh by themselves.
/// </remarks>
public interface IAudienceService
{
    /// <summary>Creates an audience from filter text and evaluates it over every profile of its kind.</summary>
    /// <exception cref="ArgumentException">The name or creator is blank.</exception>
    /// <exception cref="InvalidOperationException">Another audience has the name (case is ignored).</exception>
    /// <exception cref="FilterSyntaxException">The text does not follow the filter syntax; the error names the position.</exception>
    /// <exception cref="FilterBindingException">A field is unknown or a value does not fit its field; the error names the position and a hint.</exception>
    Task<Audience> CreateAsync(AudienceDefinition definition, string filterText, CancellationToken cancellationToken = default);

    /// <summary>Creates an audience from a filter tree and evaluates it over every profile of its kind.</summary>
    /// <exception cref="ArgumentException">The name or creator is blank.</exception>
    /// <exception cref="InvalidOperationException">Another audience has the name.</exception>
    /// <exception cref="FilterBindingException">The filter does not fit the catalog.</exception>
    Task<Audience> CreateAsync(AudienceDefinition definition, Filter filter, CancellationToken cancellationToken = default);

    /// <summary>
    /// Derives an audience from another: its criteria are the parent's AND <paramref name="conditionText"/>,
    /// its kind the parent's. It is evaluated in full once and then kept current like any audience. It is
    /// a draft shared with the workspace; to choose its status and visibility, derive it from an
    /// <see cref="AudienceDefinition"/> (<see cref="DeriveAsync(long, AudienceDefinition, string, CancellationToken)"/>).
    /// </summary>
    /// <exception cref="KeyNotFoundException">There is no audience <paramref name="parentId"/>.</exception>
    /// <exception cref="ArgumentException">The name or creator is blank.</exception>
    /// <exception cref="InvalidOperationException">Another audience has the name.</exception>
    /// <exception cref="FilterSyntaxException">The condition text does not follow the syntax.</exception>
    /// <exception cref="FilterBindingException">The condition does not fit the catalog.</exception>
    Task<Audience> DeriveAsync(long parentId, string name, string createdBy, string conditionText, CancellationToken cancellationToken = default);

    /// <summary>Derives an audience from another with a condition given as a filter tree (see the text overload).</summary>
    Task<Audience> DeriveAsync(long parentId, string name, string createdBy, Filter condition, CancellationToken cancellationToken = default);

    /// <summary>
    /// Derives an audience from another as <paramref name="definition"/> describes it (name, creator, status
    /// and visibility, as <see cref="CreateAsync(AudienceDefinition, string, CancellationToken)"/> takes them):
    /// its criteria are the parent's AND <paramref name="conditionText"/>. The definition's kind must be the
    /// parent's, since the criteria read the parent's fields.
    /// </summary>
    /// <exception cref="KeyNotFoundException">There is no audience <paramref name="parentId"/>.</exception>
    /// <exception cref="ArgumentException">The definition's kind is not the parent's, or its name or creator is blank.</exception>
    /// <exception cref="InvalidOperationException">Another audience has the name.</exception>
    /// <exception cref="FilterSyntaxException">The condition text does not follow the syntax; the error's position is within it.</exception>
    /// <exception cref="FilterBindingException">The condition does not fit the catalog.</exception>
    Task<Audience> DeriveAsync(long parentId, AudienceDefinition definition, string conditionText, CancellationToken cancellationToken = default);

    /// <summary>Derives an audience from another as a definition describes it, with a condition given as a filter tree (see the text overload).</summary>
    /// <exception cref="KeyNotFoundException">There is no audience <paramref name="parentId"/>.</exception>
    /// <exception cref="ArgumentException">The definition's kind is not the parent's, or its name or creator is blank.</exception>
    /// <exception cref="InvalidOperationException">Another audience has the name.</exception>
    /// <exception cref="FilterBindingException">The condition does not fit the catalog.</exception>
    Task<Audience> DeriveAsync(long parentId, AudienceDefinition definition, Filter condition, CancellationToken cancellationToken = default);

    /// <summary>Reads an audience by id, or null.</summary>
    ValueTask<Audience?> GetAsync(long audienceId, CancellationToken cancellationToken = default);

    /// <summary>Renames an audience.</summary>
    /// <exception cref="KeyNotFoundException">There is no such audience.</exception>
    /// <exception cref="ArgumentException">The name is blank.</exception>
    /// <exception cref="InvalidOperationException">Another audience has the name.</exception>
    Task<Audience> RenameAsync(long audienceId, string name, CancellationToken cancellationToken = default);

    /// <summary>Replaces an audience's criteria and evaluates it again in full; entries and exits are recorded.</summary>
    /// <exception cref="KeyNotFoundException">There is no such audience.</exception>
    /// <exception cref="FilterSyntaxException">The text does not follow the syntax.</exception>
    /// <exception cref="FilterBindingException">The filter does not fit the catalog.</exception>
    Task<Audience> ChangeCriteriaAsync(long audienceId, string filterText, CancellationToken cancellationToken = default);

    /// <summary>Replaces an audience's criteria with a filter tree (see the text overload).</summary>
    Task<Audience> ChangeCriteriaAsync(long audienceId, Filter filter, CancellationToken cancellationToken = default);

    /// <summary>Makes a draft active (an active audience stays as it is).</summary>
    /// <exception cref="KeyNotFoundException">There is no such audience.</exception>
    Task<Audience> ActivateAsync(long audienceId, CancellationToken cancellationToken = default);

    /// <summary>Deletes an audience: every member exits (recorded in the feed), then the audience and its archive are gone.</summary>
    /// <exception cref="KeyNotFoundException">There is no such audience.</exception>
    Task DeleteAsync(long audienceId, CancellationToken cancellationToken = default);

    /// <summary>Lists the audiences a user sees in one list, ordered by name, each with its record count and creator.</summary>
    /// <param name="user">The user asking.</param>
    /// <param name="list">Their own active audiences, others' shared active audiences, or their drafts.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The user is blank.</exception>
    Task<IReadOnlyList<AudienceSummary>> ListAsync(string user, AudienceList list, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists every audience of the workspace, whoever created it, drafts and private audiences included,
    /// ordered by name, each with its record count and creator. This is the workspace's view (for an
    /// administrator, an export or a host's own jobs), not a user's: no user is asked for because
    /// visibility does not apply.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<AudienceSummary>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads a page of an audience's active records in id order, after a cursor.</summary>
    /// <exception cref="KeyNotFoundException">There is no such audience.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is less than 1.</exception>
    Task<MemberPage> ListMembersAsync(long audienceId, ProfileId? after = null, int limit = 100, CancellationToken cancellationToken = default);

    /// <summary>Reads a page of an audience's archived records in id order, after a cursor.</summary>
    /// <exception cref="KeyNotFoundException">There is no such audience.</exception>
    Task<MemberPage> ListArchivedAsync(long audienceId, ProfileId? after = null, int limit = 100, CancellationToken cancellationToken = default);

    /// <summary>Counts an audience's active records (archived ones are not counted).</summary>
    /// <exception cref="KeyNotFoundException">There is no such audience.</exception>
    Task<long> CountAsync(long audienceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Archives records: they leave the active set (not counted, not listed, not passed downstream) but
    /// stay tracked; an archived record that stops matching leaves the audience with its archive mark.
    /// </summary>
    /// <returns>The number of records archived (already archived ones are left as they are).</returns>
    /// <exception cref="KeyNotFoundException">There is no such audience.</exception>
    /// <exception cref="InvalidOperationException">A profile is not a member of the audience; nothing is archived.</exception>
    Task<int> ArchiveAsync(long audienceId, IEnumerable<ProfileId> profileIds, CancellationToken cancellationToken = default);

    /// <summary>Restores archived records to the active set.</summary>
    /// <returns>The number of records restored (active ones are left as they are).</returns>
    /// <exception cref="KeyNotFoundException">There is no such audience.</exception>
    /// <exception cref="InvalidOperationException">A profile is not a member of the audience; nothing is restored.</exception>
    Task<int> RestoreAsync(long audienceId, IEnumerable<ProfileId> profileIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Shows one active record of an audience for the detail view: the one after or before
    /// <paramref name="cursor"/> (the first or last without one), or the cursor's own record.
    /// </summary>
    /// <returns>The record with its filled and empty fields and neighbours, or null when there is no record in that direction.</returns>
    /// <exception cref="KeyNotFoundException">There is no such audience.</exception>
    Task<RecordDetail?> GetRecordAsync(long audienceId, ProfileId? cursor = null, RecordStep direction = RecordStep.Next, CancellationToken cancellationToken = default);

    /// <summary>Explains why a record is in or out of an audience: every condition's outcome, evaluated now.</summary>
    /// <exception cref="KeyNotFoundException">There is no such audience or no profile ever had the id.</exception>
    /// <exception cref="ArgumentException">The profile is not of the audience's kind.</exception>
    Task<MembershipExplanation> ExplainAsync(long audienceId, ProfileId profileId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Brings every audience up to the profile store's latest change: only the profiles changed since the
    /// last refresh are evaluated, each against the audiences of its kind; retired (merged) ids exit.
    /// Importing related records marks their owners changed, so quantifiers over them follow too. Audiences
    /// whose criteria are relative to now (<c>within last</c>) are evaluated in full at every refresh, as are
    /// person audiences reading <c>company.x</c> after a company changed. Hosts call this on a schedule so that
    /// time-relative membership stays current.
    /// </summary>
    /// <returns>What the refresh read, evaluated and recorded.</returns>
    Task<MembershipRefresh> RefreshMembershipAsync(CancellationToken cancellationToken = default);

    /// <summary>Evaluates one audience over every profile of its kind again (after changes made behind the SDK's back, directly in the store).</summary>
    /// <exception cref="KeyNotFoundException">There is no such audience.</exception>
    Task<MembershipRefresh> ReevaluateAsync(long audienceId, CancellationToken cancellationToken = default);

    /// <summary>Reads the membership change feed after a checkpoint (0 from the start), in sequence order.</summary>
    /// <param name="afterSequence">The last sequence already read.</param>
    /// <param name="limit">The most entries to return.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is less than 1.</exception>
    ValueTask<IReadOnlyList<MembershipChange>> ReadChangesAsync(long afterSequence, int limit = 1000, CancellationToken cancellationToken = default);
}
