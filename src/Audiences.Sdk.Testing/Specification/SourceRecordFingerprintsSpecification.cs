using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// The <see cref="ISourceRecordFingerprints"/> contract, for a store whose write sessions implement it: a held key gives
/// the fingerprint of the record as stored, the live profile holding it, its kind and record count, as the session
/// itself sees them (its own writes included); a key no live profile holds gives null.
/// </summary>
public abstract class SourceRecordFingerprintsSpecification : StoreSpecification
{
    /// <summary>The store's sessions offer fingerprints; a key never stored, or of another object, gives null.</summary>
    [Fact]
    public virtual async Task Unknown_keys_give_null()
    {
        var store = NewStore();
        await SeedPeopleAsync(store, "ada@example.com");

        await using var session = await store.Profiles.BeginWriteAsync();
        var fingerprints = session.Should().BeAssignableTo<ISourceRecordFingerprints>().Subject;
        (await fingerprints.FindFingerprintAsync(RecordOf("bob@example.com"))).Should().BeNull();
        (await fingerprints.FindFingerprintAsync(new SourceRecordKey("crm", "other", "ada@example.com"))).Should().BeNull();
        (await fingerprints.FindFingerprintAsync(new SourceRecordKey("CRM", "rows", "ada@example.com"))).Should().BeNull();
    }

    /// <summary>A record written in the session is found at once, with its profile; after the commit, by the next session too.</summary>
    [Fact]
    public virtual async Task A_written_record_gives_its_fingerprint_and_profile()
    {
        var store = NewStore();
        var record = PersonRecord("ada@example.com", 1, ("title", "CTO"), ("score", 7));
        ProfileId id;
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            id = await CreateAsync(session, 1, record);
            (await ((ISourceRecordFingerprints)session).FindFingerprintAsync(record.Key))
                .Should().Be(new StoredFingerprint(id, EntityKind.Person, 1, SourceRecordFingerprint.Of(record)));
            await session.CommitAsync();
        }

        await using var next = await Reopen(store).Profiles.BeginWriteAsync();
        (await ((ISourceRecordFingerprints)next).FindFingerprintAsync(record.Key))
            .Should().Be(new StoredFingerprint(id, EntityKind.Person, 1, SourceRecordFingerprint.Of(record)));
    }

    /// <summary>A record written again gives its new fingerprint; a session rolled back leaves the old one.</summary>
    [Fact]
    public virtual async Task A_changed_record_gives_its_new_fingerprint_unless_rolled_back()
    {
        var store = NewStore();
        var id = (await SeedPeopleAsync(store, "ada@example.com"))[0];
        var changed = PersonRecord("ada@example.com", 2, ("title", "CEO"));
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            await UpdateAsync(session, id, 2, changed);
            (await ((ISourceRecordFingerprints)session).FindFingerprintAsync(changed.Key))!.Value.Fingerprint.Should().Be(SourceRecordFingerprint.Of(changed));
        }

        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            (await ((ISourceRecordFingerprints)session).FindFingerprintAsync(changed.Key))!.Value.Fingerprint
                .Should().Be(SourceRecordFingerprint.Of(PersonRecord("ada@example.com", 1)));
            await UpdateAsync(session, id, 2, changed);
            await session.CommitAsync();
        }

        await using var last = await store.Profiles.BeginWriteAsync();
        (await ((ISourceRecordFingerprints)last).FindFingerprintAsync(changed.Key))!.Value.Fingerprint.Should().Be(SourceRecordFingerprint.Of(changed));
    }

    /// <summary>After a merge, the merged profile's records are held by the survivor, which counts them all.</summary>
    [Fact]
    public virtual async Task Merged_records_give_the_survivor()
    {
        var store = NewStore();
        var ids = await SeedPeopleAsync(store, "ada@example.com", "bob@example.com");
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            await MergeAsync(store, session, ids[0], ids[1], session.LastVersion + 1);
            await session.CommitAsync();
        }

        await using var next = await store.Profiles.BeginWriteAsync();
        var fingerprints = (ISourceRecordFingerprints)next;
        foreach (var email in new[] { "ada@example.com", "bob@example.com" })
        {
            var found = await fingerprints.FindFingerprintAsync(RecordOf(email));
            found.Should().NotBeNull();
            found!.Value.Owner.Should().Be(ids[0]);
            found.Value.OwnerRecords.Should().Be(2);
            found.Value.OwnerKind.Should().Be(EntityKind.Person);
        }
    }

    /// <summary>A company record gives the company kind.</summary>
    [Fact]
    public virtual async Task A_company_record_gives_the_company_kind()
    {
        var store = NewStore();
        var record = CompanyRecord("acme.com", 1);
        await using var session = await store.Profiles.BeginWriteAsync();
        var id = await CreateAsync(session, 1, record);

        (await ((ISourceRecordFingerprints)session).FindFingerprintAsync(record.Key))
            .Should().Be(new StoredFingerprint(id, EntityKind.Company, 1, SourceRecordFingerprint.Of(record)));
    }
}
