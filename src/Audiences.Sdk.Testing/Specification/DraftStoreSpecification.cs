using Audiences.Sdk.Drafts;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// The <see cref="IDraftStore"/> contract: a draft is kept with its records, whole and in the order found, under an
/// id larger than every earlier draft's; drafts are listed newest first; an open draft is decided once, and a
/// discarded one loses its records. Everything survives a restart.
/// </summary>
public abstract class DraftStoreSpecification : StoreSpecification
{
    /// <summary>A draft and every part of each of its records read back as created, in the order given, also after a restart.</summary>
    [Fact]
    public virtual async Task A_draft_and_its_records_read_back_whole()
    {
        var store = NewStore();
        var records = Records();

        var draft = await store.Drafts.CreateAsync(Draft("title contains \"VP\""), records);

        draft.Should().BeEquivalentTo(Draft("title contains \"VP\"") with { Id = draft.Id, RecordCount = 3 });
        draft.Id.Should().BePositive();
        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.Drafts.GetAsync(draft.Id)).Should().BeEquivalentTo(draft);
            (await workspace.Drafts.ListRecordsAsync(draft.Id)).Should().BeEquivalentTo(records, o => o.WithStrictOrdering());
        }
    }

    /// <summary>Each new draft's id is larger than every earlier one's; drafts are listed newest first; a draft may hold no records.</summary>
    [Fact]
    public virtual async Task Draft_ids_increase_and_drafts_are_listed_newest_first()
    {
        var store = NewStore();
        var first = await store.Drafts.CreateAsync(Draft("first"), Records());
        var second = await store.Drafts.CreateAsync(Draft("second") with { Kind = EntityKind.Company }, []);
        var third = await store.Drafts.CreateAsync(Draft("third"), [Records()[0]]);

        second.Id.Should().BeGreaterThan(first.Id);
        third.Id.Should().BeGreaterThan(second.Id);
        second.RecordCount.Should().Be(0);
        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.Drafts.ListAsync()).Should().BeEquivalentTo([third, second, first], o => o.WithStrictOrdering());
            (await workspace.Drafts.ListRecordsAsync(second.Id)).Should().BeEmpty();
        }
    }

    /// <summary>Committing an open draft marks it committed at the given time and keeps its records.</summary>
    [Fact]
    public virtual async Task Committing_a_draft_keeps_its_records()
    {
        var store = NewStore();
        var draft = await store.Drafts.CreateAsync(Draft("q"), Records());
        var at = Clock.GetUtcNow().AddMinutes(5);

        var committed = await store.Drafts.DecideAsync(draft.Id, DraftStatus.Committed, at);

        committed.Should().BeEquivalentTo(draft with { Status = DraftStatus.Committed, DecidedAt = at });
        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.Drafts.GetAsync(draft.Id)).Should().BeEquivalentTo(committed);
            (await workspace.Drafts.ListRecordsAsync(draft.Id)).Should().BeEquivalentTo(Records(), o => o.WithStrictOrdering());
        }
    }

    /// <summary>Discarding an open draft marks it discarded and drops its records; other drafts keep theirs.</summary>
    [Fact]
    public virtual async Task Discarding_a_draft_drops_its_records()
    {
        var store = NewStore();
        var draft = await store.Drafts.CreateAsync(Draft("q"), Records());
        var other = await store.Drafts.CreateAsync(Draft("other"), Records());
        var at = Clock.GetUtcNow().AddMinutes(5);

        var discarded = await store.Drafts.DecideAsync(draft.Id, DraftStatus.Discarded, at);

        discarded.Status.Should().Be(DraftStatus.Discarded);
        discarded.DecidedAt.Should().Be(at);
        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.Drafts.GetAsync(draft.Id)).Should().BeEquivalentTo(discarded);
            (await workspace.Drafts.ListRecordsAsync(draft.Id)).Should().BeEmpty();
            (await workspace.Drafts.ListRecordsAsync(other.Id)).Should().HaveCount(3);
        }
    }

    /// <summary>
    /// A decided draft is not decided again (<see cref="InvalidOperationException"/>, nothing changes); an unknown id
    /// reads as null and is refused by the calls that need a draft (<see cref="KeyNotFoundException"/>).
    /// </summary>
    [Fact]
    public virtual async Task Only_an_existing_open_draft_is_decided()
    {
        var store = NewStore();
        var draft = await store.Drafts.CreateAsync(Draft("q"), Records());
        var committed = await store.Drafts.DecideAsync(draft.Id, DraftStatus.Committed, Clock.GetUtcNow());

        await FluentActions.Awaiting(async () => await store.Drafts.DecideAsync(draft.Id, DraftStatus.Discarded, Clock.GetUtcNow()))
            .Should().ThrowAsync<InvalidOperationException>();
        await FluentActions.Awaiting(async () => await store.Drafts.DecideAsync(draft.Id + 1, DraftStatus.Committed, Clock.GetUtcNow()))
            .Should().ThrowAsync<KeyNotFoundException>();
        await FluentActions.Awaiting(async () => await store.Drafts.ListRecordsAsync(draft.Id + 1)).Should().ThrowAsync<KeyNotFoundException>();
        (await store.Drafts.GetAsync(draft.Id + 1)).Should().BeNull();
        (await store.Drafts.GetAsync(draft.Id)).Should().BeEquivalentTo(committed);
        (await store.Drafts.ListRecordsAsync(draft.Id)).Should().HaveCount(3);
    }

    /// <summary>An open draft of people found by a search provider now, not yet stored.</summary>
    protected Draft Draft(string query) => new(0, EntityKind.Person, "people-search", query, Clock.GetUtcNow());

    /// <summary>
    /// Records with every part set between them: values of every type and an empty one, a company link by domain and
    /// by account, a converted-to key, an observed time, and a company record without any of the optional parts.
    /// </summary>
    protected SourceRecord[] Records() =>
    [
        Record(EntityKind.Person, SourceKind.Search, "people-search", "p-1",
            ("name", "Ada Lovelace"), ("score", 87.25), ("active", true), ("seen", Clock.GetUtcNow().AddDays(-2)),
            ("tags", new[] { "vp", "ai" }), ("nickname", null), ("title", "VP — Ingénierie"))
            with
            {
                Key = new SourceRecordKey("people-search", "person", "p-1"),
                ObservedAt = Clock.GetUtcNow(),
                Company = CompanyLink.ByDomain("acme.com"),
                ConvertedTo = new SourceRecordKey("crm", "Contact", "003A"),
            },
        Record(EntityKind.Person, SourceKind.Search, "people-search", "p-2", ("name", "Bob"))
            with { Company = CompanyLink.ByAccount(new SourceRecordKey("crm", "Account", "001B")) },
        Record(EntityKind.Company, SourceKind.Enrichment, "people-search", "c-1", ("domain", "acme.com")),
    ];
}
