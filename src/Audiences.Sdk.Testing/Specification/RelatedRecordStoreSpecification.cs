using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// The <see cref="IRelatedRecordStore"/> contract, stated on the store itself: records are upserted by key in a session
/// and listed by their owner references (ordered by key) or by type (each once), only for the owner kind asked; a
/// rolled-back session leaves nothing; upserts take the store's own session, also behind a decorator, and refuse another store's.
/// </summary>
public abstract class RelatedRecordStoreSpecification : StoreSpecification
{
    /// <summary>A session that has committed or been disposed takes no more related records: they throw <see cref="ObjectDisposedException"/>.</summary>
    [Fact]
    public virtual async Task Upserts_to_an_ended_session_are_refused()
    {
        var store = NewStore();
        await EndedSessions.ExpectRefusedAsync(store, async session => await store.Related.UpsertRelatedRecordAsync(session, Opportunity("o1", 1) with { OwnerAlias = Acme }));

        (await store.Related.ListRelatedRecordsAsync(EntityKind.Company, "opportunities").ToListAsync()).Should().BeEmpty();
    }

    private static readonly SourceRecordKey Account = new("crm", "Account", "001");
    private static readonly AliasKey Acme = new("domain", "acme.com");

    /// <summary>Upserting a record with a key already stored replaces it whole: values, type, owner and observation time.</summary>
    [Fact]
    public virtual async Task Upserting_by_key_replaces_the_record()
    {
        var store = NewStore();
        await UpsertAsync(store, Opportunity("o1", 1) with { OwnerRecord = Account });
        var replaced = Opportunity("o1", 2) with { Type = "deals", OwnerAlias = Acme, ObservedAt = Clock.GetUtcNow().AddDays(-1) };
        await UpsertAsync(store, replaced);

        var related = Reopen(store).Related;
        (await related.ListRelatedRecordsAsync(EntityKind.Company, [Account], [Acme]).ToListAsync())
            .Should().ContainSingle().Which.Should().BeEquivalentTo(replaced);
        (await related.ListRelatedRecordsAsync(EntityKind.Company, [Account], []).ToListAsync()).Should().BeEmpty("the record left its first owner");
        (await related.ListRelatedRecordsAsync(EntityKind.Company, "opportunities").ToListAsync()).Should().BeEmpty("the record changed type");
    }

    /// <summary>
    /// Listing by owner gives, ordered by key, each record whose owner record or owner alias is one of those given, once,
    /// and only records of the owner kind asked.
    /// </summary>
    [Fact]
    public virtual async Task Listing_by_owner_gives_the_owners_records_ordered_by_key()
    {
        var store = NewStore();
        await UpsertAsync(store,
            Opportunity("9", 1) with { OwnerRecord = Account },
            Opportunity("10", 2) with { OwnerAlias = Acme },
            Opportunity("11", 3) with { OwnerRecord = Account, OwnerAlias = Acme },
            Opportunity("12", 4) with { OwnerRecord = new SourceRecordKey("crm", "Account", "002") },
            Opportunity("13", 5) with { OwnerAlias = new AliasKey("domain", "globex.com") },
            new RelatedRecord(new SourceRecordKey("app", "Task", "t1"), "activities", EntityKind.Company, new Dictionary<string, FieldValue>()) { OwnerAlias = Acme },
            new RelatedRecord(new SourceRecordKey("crm", "Task", "t2"), "activities", EntityKind.Person, new Dictionary<string, FieldValue>()) { OwnerRecord = Account, OwnerAlias = Acme });

        var related = Reopen(store).Related;
        (await Keys(related.ListRelatedRecordsAsync(EntityKind.Company, [Account], [Acme])))
            .Should().Equal("app/Task/t1", "crm/Opportunity/10", "crm/Opportunity/11", "crm/Opportunity/9");
        (await Keys(related.ListRelatedRecordsAsync(EntityKind.Company, [Account], []))).Should().Equal("crm/Opportunity/11", "crm/Opportunity/9");
        (await Keys(related.ListRelatedRecordsAsync(EntityKind.Company, [], [Acme]))).Should().Equal("app/Task/t1", "crm/Opportunity/10", "crm/Opportunity/11");
        (await Keys(related.ListRelatedRecordsAsync(EntityKind.Person, [Account], [Acme]))).Should().Equal("crm/Task/t2");
        (await Keys(related.ListRelatedRecordsAsync(EntityKind.Company, [], []))).Should().BeEmpty();
        (await related.ListRelatedRecordsAsync(EntityKind.Company, [Account], []).ToListAsync())[^1]
            .Should().BeEquivalentTo(Opportunity("9", 1) with { OwnerRecord = Account }, "a record reads back whole");
    }

    /// <summary>Listing by type gives every record of that type and owner kind once, whoever owns it.</summary>
    [Fact]
    public virtual async Task Listing_by_type_gives_each_record_of_the_type_and_owner_kind_once()
    {
        var store = NewStore();
        await UpsertAsync(store,
            Opportunity("o1", 1) with { OwnerRecord = Account },
            Opportunity("o2", 2) with { OwnerRecord = Account, OwnerAlias = Acme },
            Opportunity("o3", 3) with { OwnerAlias = new AliasKey("domain", "globex.com") },
            new RelatedRecord(new SourceRecordKey("crm", "Task", "t1"), "activities", EntityKind.Company, new Dictionary<string, FieldValue>()) { OwnerAlias = Acme },
            new RelatedRecord(new SourceRecordKey("crm", "Opportunity", "p1"), "opportunities", EntityKind.Person, new Dictionary<string, FieldValue>()) { OwnerAlias = Email("ada@example.com") });
        var updated = Opportunity("o1", 10) with { OwnerRecord = Account };
        await UpsertAsync(store, updated);

        var related = Reopen(store).Related;
        var opportunities = await related.ListRelatedRecordsAsync(EntityKind.Company, "opportunities").ToListAsync();
        opportunities.Select(r => r.Key.ExternalId).Should().BeEquivalentTo(["o1", "o2", "o3"]);
        opportunities.Single(r => r.Key.ExternalId == "o1").Should().BeEquivalentTo(updated);
        (await Keys(related.ListRelatedRecordsAsync(EntityKind.Person, "opportunities"))).Should().Equal("crm/Opportunity/p1");
        (await related.ListRelatedRecordsAsync(EntityKind.Company, "deals").ToListAsync()).Should().BeEmpty();
    }

    /// <summary>Listing by a blank type is refused with <see cref="ArgumentException"/>.</summary>
    [Fact]
    public virtual async Task Listing_by_a_blank_type_is_refused()
    {
        var related = NewStore().Related;
        foreach (var type in new[] { "", "  " })
        {
            await FluentActions.Awaiting(async () => await related.ListRelatedRecordsAsync(EntityKind.Company, type).ToListAsync())
                .Should().ThrowAsync<ArgumentException>();
        }
    }

    /// <summary>Nothing upserted in a session disposed without commit is kept: neither a new record nor a replacement.</summary>
    [Fact]
    public virtual async Task A_rolled_back_session_leaves_the_records_unchanged()
    {
        var store = NewStore();
        var kept = Opportunity("o1", 1) with { OwnerAlias = Acme };
        await UpsertAsync(store, kept);
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            await store.Related.UpsertRelatedRecordAsync(session, Opportunity("o1", 2) with { OwnerAlias = Acme });
            await store.Related.UpsertRelatedRecordAsync(session, Opportunity("o2", 3) with { OwnerAlias = Acme });
        }

        (await Reopen(store).Related.ListRelatedRecordsAsync(EntityKind.Company, [], [Acme]).ToListAsync())
            .Should().ContainSingle().Which.Should().BeEquivalentTo(kept);
    }

    /// <summary>An upsert through a session wrapped in a <see cref="DelegatingProfileWriteSession"/> joins the session beneath it.</summary>
    [Fact]
    public virtual async Task An_upsert_through_a_decorated_session_joins_it()
    {
        var store = NewStore();
        await using (var session = new DecoratedSession(await store.Profiles.BeginWriteAsync()))
        {
            await store.Related.UpsertRelatedRecordAsync(session, Opportunity("o1", 1) with { OwnerAlias = Acme });
            await session.CommitAsync();
        }

        (await store.Related.ListRelatedRecordsAsync(EntityKind.Company, "opportunities").ToListAsync()).Should().ContainSingle();
    }

    /// <summary>A session begun by another store, decorated or not, is refused with <see cref="ArgumentException"/>, and nothing is stored.</summary>
    [Fact]
    public virtual async Task A_session_of_another_store_is_refused()
    {
        var store = NewStore();
        var other = NewStore();
        var record = Opportunity("o1", 1) with { OwnerAlias = Acme };
        await using (var foreign = await other.Profiles.BeginWriteAsync())
        {
            foreach (var session in new IProfileWriteSession[] { foreign, new DecoratedSession(foreign) })
            {
                await FluentActions.Awaiting(async () => await store.Related.UpsertRelatedRecordAsync(session, record)).Should().ThrowAsync<ArgumentException>();
            }

            await foreign.CommitAsync();
        }

        (await store.Related.ListRelatedRecordsAsync(EntityKind.Company, "opportunities").ToListAsync()).Should().BeEmpty();
        (await other.Related.ListRelatedRecordsAsync(EntityKind.Company, "opportunities").ToListAsync()).Should().BeEmpty();
    }

    /// <summary>An opportunity of a company, without an owner yet.</summary>
    private static RelatedRecord Opportunity(string id, double amount) =>
        new(new SourceRecordKey("crm", "Opportunity", id), "opportunities", EntityKind.Company,
            new Dictionary<string, FieldValue> { ["amount"] = FieldValue.FromNumber(amount), ["stage"] = FieldValue.FromText("Prospecting") });

    private static async Task<List<string>> Keys(IAsyncEnumerable<RelatedRecord> records) =>
        [.. (await records.ToListAsync()).Select(r => r.Key.ToString())];

    /// <summary>Upserts related records in one committed session.</summary>
    private static async Task UpsertAsync(StoreWorkspace store, params RelatedRecord[] records)
    {
        await using var session = await store.Profiles.BeginWriteAsync();
        foreach (var record in records)
        {
            await store.Related.UpsertRelatedRecordAsync(session, record);
        }

        await session.CommitAsync();
    }
}
