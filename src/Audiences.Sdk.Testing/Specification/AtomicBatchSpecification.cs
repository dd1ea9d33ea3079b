using System.Runtime.CompilerServices;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>The atomicity contract: a batch is stored whole or not at all.</summary>
public abstract class AtomicBatchSpecification : StoreSpecification
{
    /// <summary>A session disposed without commit leaves no trace: no profile, alias, field, merge, id or version.</summary>
    [Fact]
    public virtual async Task A_session_without_commit_leaves_no_trace()
    {
        var store = NewStore();
        await ImportPeopleAsync(store.Service, Person("a", "1", ("email", "ada@example.com")));
        var version = await store.Changes.GetLastVersionAsync();

        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            var id = await session.AllocateProfileIdAsync();
            var record = new StoredSourceRecord(Person("a", "2", ("email", "bob@example.com")) with { ObservedAt = Clock.GetUtcNow() }, [new("email", "bob@example.com")], version + 1, version + 1);
            await session.WriteProfileAsync(new ProfileWrite(id, EntityKind.Person, true, version + 1, Clock.GetUtcNow(),
                Survivorship.Derive([record]), [record], [new("email", "bob@example.com")], []));
            await store.Catalog.UpsertFieldAsync(session, new FieldDefinition("never_committed", EntityKind.Person, FieldType.Text, "a"));
            (await session.LoadAsync(id)).Should().NotBeNull("a session reads its own writes");
        }

        (await store.Profiles.CountProfilesAsync(EntityKind.Person)).Should().Be(1);
        (await store.Profiles.FindByAliasAsync(EntityKind.Person, new("email", "bob@example.com"))).Should().BeNull();
        (await store.Catalog.GetFieldsAsync(EntityKind.Person)).Should().NotContain(f => f.Key == "never_committed");
        (await store.Changes.GetLastVersionAsync()).Should().Be(version);
        await using var next = await store.Profiles.BeginWriteAsync();
        (await next.AllocateProfileIdAsync()).Should().Be(new ProfileId(2));
    }

    /// <summary>Writes of an open session are invisible to readers until commit.</summary>
    [Fact]
    public virtual async Task Readers_do_not_see_an_open_session()
    {
        var store = NewStore();
        await using var session = await store.Profiles.BeginWriteAsync();
        var id = await session.AllocateProfileIdAsync();
        var record = new StoredSourceRecord(Person("a", "1", ("email", "ada@example.com")) with { ObservedAt = Clock.GetUtcNow() }, [], 1, 1);
        await session.WriteProfileAsync(new ProfileWrite(id, EntityKind.Person, true, 1, Clock.GetUtcNow(), Survivorship.Derive([record]), [record], [], []));

        (await store.Profiles.GetProfileAsync(id)).Should().BeNull();
        (await store.Profiles.CountProfilesAsync(EntityKind.Person)).Should().Be(0);

        await session.CommitAsync();
        (await store.Profiles.GetProfileAsync(id)).Should().NotBeNull();
        (await store.Changes.GetLastVersionAsync()).Should().Be(1);
    }

    /// <summary>Cancelling an import stops it between batches: only whole batches are stored, and a re-run converges.</summary>
    [Fact]
    public virtual async Task Cancelling_an_import_keeps_whole_batches_and_a_rerun_converges()
    {
        var store = NewStore(batchSize: 10);
        var service = store.Service;
        using var cts = new CancellationTokenSource();
        var records = Enumerable.Range(1, 55).Select(i => Person("file", i.ToString(System.Globalization.CultureInfo.InvariantCulture), ("email", $"p{i}@example.com"))).ToArray();

        var cancelled = () => service.ImportAsync(CancelAfter(records, 25, cts), new ImportOptions(EntityKind.Person), null, cts.Token);

        await cancelled.Should().ThrowAsync<OperationCanceledException>();
        (await store.Profiles.CountProfilesAsync(EntityKind.Person)).Should().Be(20, "the third batch was being read when cancellation came");

        var result = await service.UpsertAsync(records, new ImportOptions(EntityKind.Person));
        result.Created.Should().Be(35);
        result.Unchanged.Should().Be(20);
        (await store.Profiles.CountProfilesAsync(EntityKind.Person)).Should().Be(55);
    }

    /// <summary>A failure inside a batch rolls the batch back and keeps the batches before it.</summary>
    [Fact]
    public virtual async Task A_failing_source_keeps_earlier_batches_and_drops_the_failing_one()
    {
        var store = NewStore(batchSize: 10);
        var service = store.Service;
        var records = Enumerable.Range(1, 30).Select(i => Person("file", i.ToString(System.Globalization.CultureInfo.InvariantCulture), ("email", $"p{i}@example.com"))).ToArray();

        var failing = () => service.ImportAsync(FailAfter(records, 15), new ImportOptions(EntityKind.Person));

        await failing.Should().ThrowAsync<IOException>();
        (await store.Profiles.CountProfilesAsync(EntityKind.Person)).Should().Be(10);
    }

    private static async IAsyncEnumerable<SourceRow> CancelAfter(SourceRecord[] records, int count, CancellationTokenSource cts)
    {
        foreach (var (record, index) in records.Select((r, i) => (r, i)))
        {
            if (index == count)
            {
                await cts.CancelAsync();
            }

            yield return record;
        }
    }

    private static async IAsyncEnumerable<SourceRow> FailAfter(SourceRecord[] records, int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var (record, index) in records.Select((r, i) => (r, i)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (index == count)
            {
                throw new IOException("The source went away.");
            }

            await Task.Yield();
            yield return record;
        }
    }
}
