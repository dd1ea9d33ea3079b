using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// The <see cref="IMergeLedger"/> contract, stated on the ledger itself: merges and splits appended in a session are
/// listed per kind in the order they happened, whole, once the session commits, and only then; appends take the
/// store's own session, also behind a decorator, and refuse another store's.
/// </summary>
public abstract class MergeLedgerSpecification : StoreSpecification
{
    /// <summary>Every field of a merge and a split reads back as appended, per kind, in the order of the appends across sessions.</summary>
    [Fact]
    public virtual async Task Merges_and_splits_are_listed_whole_per_kind_in_order()
    {
        var store = NewStore();
        var at = Clock.GetUtcNow();
        var byAlias = new MergeRecord(1, EntityKind.Person, new ProfileId(1), new ProfileId(2), Email("ada@example.com"), RecordOf("ada@example.com"), at)
        {
            MergedRecords = [RecordOf("bob@example.com"), new SourceRecordKey("erp", "Contact", "0042")],
            MergedCreatedAt = at.AddDays(-3),
        };
        var probable = new MergeRecord(2, EntityKind.Person, new ProfileId(1), new ProfileId(3), null, RecordOf("cy@example.com"), at.AddSeconds(1))
        {
            MatchProbability = 0.8125,
        };
        var company = new MergeRecord(3, EntityKind.Company, new ProfileId(4), new ProfileId(5), new AliasKey("domain", "acme.com"), new SourceRecordKey("crm", "Account", "7"), at);
        var split = new SplitRecord(4, EntityKind.Person, new ProfileId(1), new ProfileId(2), 1, byAlias.MergedRecords, [RecordOf("ada@example.com")], at.AddMinutes(5));
        var companySplit = new SplitRecord(5, EntityKind.Company, new ProfileId(4), new ProfileId(5), 3, [new SourceRecordKey("crm", "Account", "8")], [], at);
        await AppendAsync(store, byAlias, company, split);
        await AppendAsync(store, probable, companySplit);

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.Ledger.ListMergesAsync(EntityKind.Person).ToListAsync()).Should().BeEquivalentTo([byAlias, probable], o => o.WithStrictOrdering());
            (await workspace.Ledger.ListMergesAsync(EntityKind.Company).ToListAsync()).Should().BeEquivalentTo([company]);
            (await workspace.Ledger.ListSplitsAsync(EntityKind.Person).ToListAsync()).Should().BeEquivalentTo([split], o => o.WithStrictOrdering());
            (await workspace.Ledger.ListSplitsAsync(EntityKind.Company).ToListAsync()).Should().BeEquivalentTo([companySplit]);
        }
    }

    /// <summary>Nothing appended in a session disposed without commit is ever listed.</summary>
    [Fact]
    public virtual async Task Nothing_appended_in_a_rolled_back_session_is_listed()
    {
        var store = NewStore();
        var kept = Merge(1, 2);
        await AppendAsync(store, kept);
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            await store.Ledger.AppendMergeAsync(session, Merge(1, 3) with { Version = 2 });
            await store.Ledger.AppendSplitAsync(session, Split(kept, 3));
        }

        (await store.Ledger.ListMergesAsync(EntityKind.Person).ToListAsync()).Should().BeEquivalentTo([kept]);
        (await Reopen(store).Ledger.ListSplitsAsync(EntityKind.Person).ToListAsync()).Should().BeEmpty();
    }

    /// <summary>Appends through a session wrapped in a <see cref="DelegatingProfileWriteSession"/> join the session beneath it.</summary>
    [Fact]
    public virtual async Task Appends_through_a_decorated_session_join_it()
    {
        var store = NewStore();
        var merge = Merge(1, 2);
        await using (var session = new DecoratedSession(new DecoratedSession(await store.Profiles.BeginWriteAsync())))
        {
            await store.Ledger.AppendMergeAsync(session, merge);
            await store.Ledger.AppendSplitAsync(session, Split(merge, 2));
            await session.CommitAsync();
        }

        (await store.Ledger.ListMergesAsync(EntityKind.Person).ToListAsync()).Should().ContainSingle();
        (await store.Ledger.ListSplitsAsync(EntityKind.Person).ToListAsync()).Should().ContainSingle();
    }

    /// <summary>A session begun by another store, decorated or not, is refused with <see cref="ArgumentException"/>, and nothing is appended.</summary>
    [Fact]
    public virtual async Task A_session_of_another_store_is_refused()
    {
        var store = NewStore();
        var other = NewStore();
        var merge = Merge(1, 2);
        await using (var foreign = await other.Profiles.BeginWriteAsync())
        {
            foreach (var session in new IProfileWriteSession[] { foreign, new DecoratedSession(foreign) })
            {
                await FluentActions.Awaiting(async () => await store.Ledger.AppendMergeAsync(session, merge)).Should().ThrowAsync<ArgumentException>();
                await FluentActions.Awaiting(async () => await store.Ledger.AppendSplitAsync(session, Split(merge, 2))).Should().ThrowAsync<ArgumentException>();
            }

            await foreign.CommitAsync();
        }

        (await store.Ledger.ListMergesAsync(EntityKind.Person).ToListAsync()).Should().BeEmpty();
        (await other.Ledger.ListMergesAsync(EntityKind.Person).ToListAsync()).Should().BeEmpty();
    }

    /// <summary>A session that has committed or been disposed takes no more appends: they throw <see cref="ObjectDisposedException"/>.</summary>
    [Fact]
    public virtual async Task Appends_to_an_ended_session_are_refused()
    {
        var store = NewStore();
        await EndedSessions.ExpectRefusedAsync(store, async session => await store.Ledger.AppendMergeAsync(session, Merge(1, 2)));
        await EndedSessions.ExpectRefusedAsync(store, async session => await store.Ledger.AppendSplitAsync(session, Split(Merge(1, 2), 2)));

        (await store.Ledger.ListMergesAsync(EntityKind.Person).ToListAsync()).Should().BeEmpty();
    }

    /// <summary>A person merge of <paramref name="merged"/> into <paramref name="survivor"/> at version 1.</summary>
    private MergeRecord Merge(long survivor, long merged) =>
        new(1, EntityKind.Person, new ProfileId(survivor), new ProfileId(merged), null, RecordOf("x@example.com"), Clock.GetUtcNow()) { MergedRecords = [RecordOf("x@example.com")] };

    /// <summary>The split undoing <paramref name="merge"/> at <paramref name="version"/>.</summary>
    private SplitRecord Split(MergeRecord merge, long version) =>
        new(version, merge.Kind, merge.SurvivorId, merge.MergedId, merge.Version, merge.MergedRecords, [], Clock.GetUtcNow());

    /// <summary>Appends ledger entries in one committed session.</summary>
    private static async Task AppendAsync(StoreWorkspace store, params object[] entries)
    {
        await using var session = await store.Profiles.BeginWriteAsync();
        foreach (var entry in entries)
        {
            await (entry switch
            {
                MergeRecord merge => store.Ledger.AppendMergeAsync(session, merge),
                SplitRecord split => store.Ledger.AppendSplitAsync(session, split),
                _ => throw new ArgumentException($"No ledger entry: {entry}.", nameof(entries)),
            });
        }

        await session.CommitAsync();
    }
}
