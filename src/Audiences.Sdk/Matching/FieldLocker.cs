using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Matching;

/// <summary>
/// Locks and unlocks field values. A lock is a value held by a source record of kind
/// <see cref="SourceKind.Manual"/> inside the profile (<c>manual/locks/&lt;profile id&gt;</c>), so it
/// is provenance like any other, outranks every source in survivorship, follows the profile
/// through merges and goes back with its records when a merge is undone.
/// </summary>
internal sealed class FieldLocker(StoreContracts store, SurvivorshipRules? survivorship, TimeProvider time)
{
    /// <summary>The source name of lock records.</summary>
    public const string Source = "manual";

    /// <summary>The object name of lock records.</summary>
    public const string ObjectName = "locks";

    public async Task<Profile> LockAsync(ProfileId id, string field, FieldValue? value, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        return await ChangeAsync(id, async (profile, locks) =>
        {
            var locked = value ?? (profile.Values.TryGetValue(field, out var current)
                ? current.Value
                : throw new InvalidOperationException($"Profile {profile.Id} has no value for '{field}' to lock; pass the value to lock."));
            if (locked.IsEmpty)
            {
                throw new ArgumentException($"An empty value cannot be locked on '{field}'; unlock the field instead.", nameof(value));
            }

            await CheckFieldAsync(profile.Kind, field, locked, cancellationToken).ConfigureAwait(false);
            var newest = locks.Count > 0 ? locks[^1] : null;
            var values = new Dictionary<string, FieldValue>(newest?.Record.Values ?? new Dictionary<string, FieldValue>(), StringComparer.Ordinal)
            {
                [field] = locked,
            };
            var key = newest?.Key ?? new SourceRecordKey(Source, ObjectName, profile.Id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return [(key, newest?.FirstSeenVersion, values)];
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Profile> UnlockAsync(ProfileId id, string field, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        return await ChangeAsync(id, (profile, locks) =>
        {
            var changes = locks
                .Where(l => l.Record.Values.ContainsKey(field))
                .Select(l => (l.Key, (long?)l.FirstSeenVersion, (Dictionary<string, FieldValue>)l.Record.Values
                    .Where(v => v.Key != field)
                    .ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal)))
                .ToList();
            return changes.Count == 0
                ? throw new InvalidOperationException($"Field '{field}' of profile {profile.Id} is not locked.")
                : ValueTask.FromResult(changes);
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Profile> ChangeAsync(
        ProfileId id,
        Func<Profile, List<StoredSourceRecord>, ValueTask<List<(SourceRecordKey Key, long? FirstSeen, Dictionary<string, FieldValue> Values)>>> change,
        CancellationToken cancellationToken)
    {
        var session = await store.Profiles.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var liveId = await session.ResolveAsync(id, cancellationToken).ConfigureAwait(false)
                ?? throw new KeyNotFoundException($"No profile ever had the id {id}.");
            var profile = await session.LoadAsync(liveId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Profile {liveId} is live but could not be loaded; the store is inconsistent.");
            var locks = profile.Sources.Where(s => s.Record.SourceKind == SourceKind.Manual).ToList();
            var changes = await change(profile, locks).ConfigureAwait(false);

            var version = session.LastVersion + 1;
            var now = time.GetUtcNow();
            var sources = profile.Sources.ToDictionary(s => s.Key);
            var upserted = new List<StoredSourceRecord>();
            foreach (var (key, firstSeen, values) in changes)
            {
                var record = new SourceRecord(key, profile.Kind, SourceKind.Manual, values) { ObservedAt = now };
                var stored = new StoredSourceRecord(record, [], firstSeen ?? version, version);
                sources[key] = stored;
                upserted.Add(stored);
            }

            var write = new ProfileWrite(
                liveId, profile.Kind, IsNew: false, version, profile.CreatedAt, Survivorship.Derive(sources.Values, survivorship), upserted, [], []);
            await session.WriteProfileAsync(write, cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return await store.Profiles.GetProfileAsync(liveId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Profile {liveId} vanished after its lock was committed; the store is inconsistent.");
        }
    }

    /// <summary>A locked value must fit the catalog: the field must exist with the value's type.</summary>
    private async ValueTask CheckFieldAsync(EntityKind kind, string field, FieldValue value, CancellationToken cancellationToken)
    {
        var fields = await store.Catalog.GetFieldsAsync(kind, cancellationToken).ConfigureAwait(false);
        var definition = fields.FirstOrDefault(f => f.Key == field)
            ?? throw new ArgumentException($"The {EntityKindText.Word(kind)} catalog has no field '{field}'; locks apply to catalog fields.", nameof(field));
        if (definition.Type != value.Type)
        {
            throw new ArgumentException($"Field '{field}' holds {definition.Type.ToName()} values; a {value.Type.ToName()} value cannot be locked on it.", nameof(value));
        }
    }
}
