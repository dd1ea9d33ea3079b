using Audiences.Sdk.Matching;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Import;

/// <summary>
/// Applies source records to a write session: finds the profiles a record matches (by its source
/// key and its aliases), merges them into the oldest, stores the record as provenance and derives
/// the current values. Writes go through to the session record by record, so later records of the
/// same batch see earlier ones.
/// </summary>
internal sealed class RecordMatcher
{
    private readonly IProfileWriteSession _session;
    private readonly ISourceRecordFingerprints? _fingerprints;
    private readonly IMergeLedger _ledger;
    private readonly ImportOptions _options;
    private readonly AliasNormalizer _normalizer;
    private readonly DateTimeOffset _now;
    private readonly HashSet<string> _matchOn;
    private long _version;

    private readonly int _maxRecordsPerIdentifier;
    private readonly SurvivorshipRules? _survivorship;
    private readonly KeepApartRules _keepApart;

    // Profiles read while matching the current record; a record's own writes come after all its reads.
    private readonly Dictionary<ProfileId, Profile> _loaded = [];

    /// <param name="session">The batch's write session.</param>
    /// <param name="ledger">The merge ledger the session's merges are appended to.</param>
    /// <param name="options">The import's options.</param>
    /// <param name="normalizer">The alias normalizer.</param>
    /// <param name="now">The batch's time.</param>
    /// <param name="maxRecordsPerIdentifier">Records one identifier may join before it stops merging; <see cref="int.MaxValue"/> for no limit.</param>
    /// <param name="survivorship">Per-field overrides of the survivorship order, or null.</param>
    /// <param name="keepApart">Record sets that must not be merged (undone merges).</param>
    public RecordMatcher(
        IProfileWriteSession session,
        IMergeLedger ledger,
        ImportOptions options,
        AliasNormalizer normalizer,
        DateTimeOffset now,
        int maxRecordsPerIdentifier,
        SurvivorshipRules? survivorship,
        KeepApartRules keepApart)
    {
        _keepApart = keepApart;
        _survivorship = survivorship is { FieldSourcePriority.Count: > 0 } ? survivorship : null;
        _maxRecordsPerIdentifier = maxRecordsPerIdentifier;
        _session = session;
        _fingerprints = session as ISourceRecordFingerprints;
        _ledger = ledger;
        _options = options;
        _normalizer = normalizer;
        _now = now;
        _version = session.LastVersion;
        _matchOn = new HashSet<string>(options.EffectiveMatchOn, StringComparer.Ordinal);
    }

    /// <summary>Profiles merged so far in this session.</summary>
    public long Merged { get; private set; }

    /// <summary>The alias-field values of the last record that cannot serve as aliases, with the reason (kept as data).</summary>
    public List<(string Field, string Problem)> Unmatchable { get; } = [];

    public async ValueTask<RecordOutcome> ApplyAsync(SourceRecord input, CancellationToken cancellationToken)
    {
        var record = Complete(input);
        Unmatchable.Clear();
        _loaded.Clear();
        var aliases = AliasExtractor.Extract(record, _options.EffectiveMatchOn, _normalizer, Unmatchable);
        if (_fingerprints is not null && await IsUnchangedAsync(_fingerprints, record, aliases, cancellationToken).ConfigureAwait(false))
        {
            return RecordOutcome.Unchanged;
        }

        var (owners, keyOwner) = await FindOwnersAsync(record.Key, record.ConvertedTo, aliases, cancellationToken).ConfigureAwait(false);
        if (keyOwner is { } conflicting && conflicting.Kind != record.Kind)
        {
            return RecordOutcome.KindConflict;
        }

        // A record derived from a profile joins it the first time; after that its key finds where it lives.
        if (keyOwner is null && record.Profile is { } attachTo)
        {
            var target = await _session.ResolveAsync(attachTo, cancellationToken).ConfigureAwait(false);
            if (target is not { } attached || (await LoadAsync(attached, cancellationToken).ConfigureAwait(false)).Kind != record.Kind)
            {
                return RecordOutcome.UnknownProfile;
            }

            owners ??= [];
            owners.TryAdd(attached, new AliasKey(AliasFields.AttachedProfile, attached.ToString()));
        }

        // An instruction for this match only: every store keeps the record without it.
        record = record.Profile is null ? record : record with { Profile = null };

        if (owners is null)
        {
            await CreateAsync(record, aliases, cancellationToken).ConfigureAwait(false);
            return RecordOutcome.Created;
        }

        if (owners.Count > 1 && !_keepApart.IsEmpty)
        {
            await DropKeptApartAsync(owners, keyOwner, cancellationToken).ConfigureAwait(false);
        }

        var survivorId = owners.Keys.Min();
        var survivor = await LoadAsync(survivorId, cancellationToken).ConfigureAwait(false);
        var sources = survivor.Sources.ToDictionary(s => s.Key);
        var moved = new List<StoredSourceRecord>();
        foreach (var (mergedId, reason) in owners.Where(o => o.Key != survivorId).OrderBy(o => o.Key))
        {
            var merged = await LoadAsync(mergedId, cancellationToken).ConfigureAwait(false);
            foreach (var source in merged.Sources)
            {
                sources[source.Key] = source;
                moved.Add(source);
            }

            await _session.RetireProfileAsync(mergedId, survivorId, cancellationToken).ConfigureAwait(false);
            var merge = MergeRecord.Of(++_version, survivorId, merged, reason, record.Key, _now);
            await _ledger.AppendMergeAsync(_session, merge, cancellationToken).ConfigureAwait(false);
            Merged++;
        }

        sources.TryGetValue(record.Key, out var existing);
        var changed = existing is null || !SameContent(existing, record, aliases);
        if (!changed && moved.Count == 0)
        {
            return RecordOutcome.Unchanged;
        }

        var version = ++_version;
        var upserted = moved;
        if (changed)
        {
            var stored = new StoredSourceRecord(record, aliases, existing?.FirstSeenVersion ?? version, version);
            sources[record.Key] = stored;
            upserted.RemoveAll(s => s.Key == record.Key);
            upserted.Add(stored);
        }

        var allAliases = sources.Values.SelectMany(s => s.Aliases).Distinct().ToList();
        var write = new ProfileWrite(
            survivorId,
            record.Kind,
            IsNew: false,
            version,
            survivor.CreatedAt,
            Survivorship.Derive(sources.Values, _survivorship),
            upserted,
            allAliases.Except(survivor.Aliases).ToList(),
            survivor.Aliases.Except(allAliases).ToList());
        await _session.WriteProfileAsync(write, cancellationToken).ConfigureAwait(false);
        return RecordOutcome.Updated;
    }

    /// <summary>
    /// Whether the full path below would report the record <see cref="RecordOutcome.Unchanged"/> (and write
    /// nothing), told without loading a profile: the stored record with its key has the same fingerprint, the
    /// profile holding it is of the record's kind, and every alias lookup the full path makes finds that
    /// profile or nothing, so nothing merges. False means "take the full path", never "changed".
    /// </summary>
    private async ValueTask<bool> IsUnchangedAsync(
        ISourceRecordFingerprints fingerprints, SourceRecord record, List<AliasKey> aliases, CancellationToken cancellationToken)
    {
        // A converted record's target is loaded to check its kind; a profile with as many records as one
        // identifier may join would have its carriers counted (and may warn): both go the full way.
        if (record.ConvertedTo is not null
            || await fingerprints.FindFingerprintAsync(record.Key, cancellationToken).ConfigureAwait(false) is not { } stored
            || stored.OwnerKind != record.Kind
            || stored.OwnerRecords >= _maxRecordsPerIdentifier
            || stored.Fingerprint != SourceRecordFingerprint.Of(record, aliases))
        {
            return false;
        }

        foreach (var alias in aliases)
        {
            if (_matchOn.Contains(alias.Field) && !await FindsOnlyAsync(alias, stored.Owner, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return await FindsOnlyAsync(AliasExtractor.ConvertedRecordAlias(record.Key), stored.Owner, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether an alias lookup finds no profile but <paramref name="owner"/>.</summary>
    private async ValueTask<bool> FindsOnlyAsync(AliasKey alias, ProfileId owner, CancellationToken cancellationToken)
    {
        var found = await _session.FindAliasOwnersAsync(_options.Kind, alias, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < found.Count; i++)
        {
            if (found[i] != owner)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Removes from <paramref name="owners"/> every profile an undone merge keeps apart from the
    /// record's own profile (or the oldest match), reporting each as unmatchable.
    /// </summary>
    private async ValueTask DropKeptApartAsync(Dictionary<ProfileId, AliasKey?> owners, Profile? keyOwner, CancellationToken cancellationToken)
    {
        var anchor = keyOwner?.Id ?? owners.Keys.Min();
        var joined = new List<StoredSourceRecord>((await LoadAsync(anchor, cancellationToken).ConfigureAwait(false)).Sources);
        foreach (var id in owners.Keys.Where(id => id != anchor).Order().ToList())
        {
            var other = await LoadAsync(id, cancellationToken).ConfigureAwait(false);
            if (_keepApart.Conflict(joined, other.Sources) is { } reason)
            {
                var alias = owners[id];
                owners.Remove(id);
                Unmatchable.Add((alias?.Field ?? AliasFields.ConvertedRecord,
                    $"'{alias?.Value}' also matches profile {id}, but {reason}"));
            }
            else
            {
                joined.AddRange(other.Sources);
            }
        }
    }

    private async ValueTask CreateAsync(SourceRecord record, List<AliasKey> aliases, CancellationToken cancellationToken)
    {
        var id = await _session.AllocateProfileIdAsync(cancellationToken).ConfigureAwait(false);
        var version = ++_version;
        var stored = new StoredSourceRecord(record, aliases, version, version);
        var write = new ProfileWrite(id, record.Kind, IsNew: true, version, _now, Survivorship.Derive([stored]), [stored], aliases, []);
        await _session.WriteProfileAsync(write, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The live profiles the record matches, each with the alias that found it (null: its source
    /// key), or null when it matches none; and the profile that already holds the record's key.
    /// </summary>
    private async ValueTask<(Dictionary<ProfileId, AliasKey?>? Owners, Profile? KeyOwner)> FindOwnersAsync(
        SourceRecordKey key, SourceRecordKey? convertedTo, List<AliasKey> aliases, CancellationToken cancellationToken)
    {
        Dictionary<ProfileId, AliasKey?>? owners = null;
        Profile? keyOwner = null;
        if (await _session.FindSourceRecordOwnerAsync(key, cancellationToken).ConfigureAwait(false) is { } owner)
        {
            keyOwner = await LoadAsync(owner, cancellationToken).ConfigureAwait(false);
            owners = new() { [owner] = null };
        }

        foreach (var alias in aliases)
        {
            if (_matchOn.Contains(alias.Field))
            {
                owners = await AddAliasOwnersAsync(owners, alias, cancellationToken).ConfigureAwait(false);
            }
        }

        // Lead conversion, in both orders: a lead finds the contact it was converted into, and a
        // contact finds the leads converted into it through the alias those leads carry.
        owners = await AddAliasOwnersAsync(owners, AliasExtractor.ConvertedRecordAlias(key), cancellationToken).ConfigureAwait(false);
        if (convertedTo is { } target
            && await _session.FindSourceRecordOwnerAsync(target, cancellationToken).ConfigureAwait(false) is { } contact
            && (await LoadAsync(contact, cancellationToken).ConfigureAwait(false)).Kind == _options.Kind)
        {
            owners ??= [];
            owners.TryAdd(contact, AliasExtractor.ConvertedRecordAlias(target));
        }

        return (owners, keyOwner);
    }

    private async ValueTask<Dictionary<ProfileId, AliasKey?>?> AddAliasOwnersAsync(
        Dictionary<ProfileId, AliasKey?>? owners, AliasKey alias, CancellationToken cancellationToken)
    {
        var found = await _session.FindAliasOwnersAsync(_options.Kind, alias, cancellationToken).ConfigureAwait(false);
        if (found.Count > 0 && await CountCarriersAsync(found, alias, cancellationToken).ConfigureAwait(false) is var carriers
            && carriers >= _maxRecordsPerIdentifier)
        {
            Unmatchable.Add((alias.Field,
                $"'{alias.Value}' is already carried by {carriers} records, the most one identifier may join (MatchingGuardRails.MaxRecordsPerIdentifier); it stops merging"));
            return owners;
        }

        for (var i = 0; i < found.Count; i++)
        {
            owners ??= [];
            owners.TryAdd(found[i], alias);
        }

        return owners;
    }

    /// <summary>How many source records of the found profiles carry the alias (stops counting at the limit).</summary>
    private async ValueTask<int> CountCarriersAsync(IReadOnlyList<ProfileId> owners, AliasKey alias, CancellationToken cancellationToken)
    {
        if (_maxRecordsPerIdentifier == int.MaxValue)
        {
            return 0;
        }

        var carriers = 0;
        for (var i = 0; i < owners.Count && carriers < _maxRecordsPerIdentifier; i++)
        {
            var profile = await LoadAsync(owners[i], cancellationToken).ConfigureAwait(false);
            foreach (var source in profile.Sources)
            {
                carriers += source.Aliases.Contains(alias) ? 1 : 0;
            }
        }

        return carriers;
    }

    private async ValueTask<Profile> LoadAsync(ProfileId id, CancellationToken cancellationToken)
    {
        if (!_loaded.TryGetValue(id, out var profile))
        {
            profile = await _session.LoadAsync(id, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The store reported profile {id} as live but could not load it; the store is inconsistent.");
            _loaded[id] = profile;
        }

        return profile;
    }

    /// <summary>Fills in the observation time and, for a person, the company link its values name.</summary>
    private SourceRecord Complete(SourceRecord record)
    {
        var company = record.Company;
        if (company is null && record.Kind == EntityKind.Person
            && record.Values.TryGetValue(AliasFields.CompanyDomain, out var domain) && domain.Type == FieldType.Text)
        {
            company = CompanyLink.ByDomain(domain.AsText());
        }

        return record.ObservedAt is not null && ReferenceEquals(company, record.Company)
            ? record
            : record with { ObservedAt = record.ObservedAt ?? _now, Company = company };
    }

    private static bool SameContent(StoredSourceRecord existing, SourceRecord record, List<AliasKey> aliases)
    {
        var old = existing.Record;
        return old.SourceKind == record.SourceKind
            && old.Company == record.Company
            && old.ConvertedTo == record.ConvertedTo
            && SameValues(old.Values, record.Values)
            && existing.Aliases.Count == aliases.Count
            && existing.Aliases.All(aliases.Contains);
    }

    private static bool SameValues(IReadOnlyDictionary<string, FieldValue> left, IReadOnlyDictionary<string, FieldValue> right)
    {
        int leftCount = 0, rightCount = 0;
        foreach (var (key, value) in left)
        {
            if (value.IsEmpty)
            {
                continue;
            }

            leftCount++;
            if (!right.TryGetValue(key, out var other) || other != value)
            {
                return false;
            }
        }

        foreach (var value in right.Values)
        {
            rightCount += value.IsEmpty ? 0 : 1;
        }

        return leftCount == rightCount;
    }
}
