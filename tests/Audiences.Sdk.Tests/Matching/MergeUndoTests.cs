using Audiences.Sdk.Import;
using Audiences.Sdk.InMemory;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;
using Microsoft.Extensions.Options;

namespace Audiences.Sdk.Tests.Matching;

public sealed class MergeUndoTests
{
    [Fact]
    public async Task A_merge_recorded_without_its_records_cannot_be_undone_and_nothing_changes()
    {
        using var inner = new InMemoryProfileStore();
        var store = new LedgerWithoutRecords(inner);
        var service = new ProfileService(store, Options.Create(new AudiencesOptions()));
        await Import(service, "a", ("email", "ann@example.com"));
        await Import(service, "b", ("linkedin_url", "linkedin.com/in/ann"));
        await Import(service, "c", ("email", "ann@example.com"), ("linkedin_url", "linkedin.com/in/ann"));
        var version = await store.GetLastVersionAsync();

        await service.Invoking(s => s.UndoMergeAsync(new ProfileId(2)))
            .Should().ThrowAsync<InvalidOperationException>().WithMessage("*recorded without its records*cannot be undone*");

        (await store.GetLastVersionAsync()).Should().Be(version);
        (await store.ResolveAsync(new ProfileId(2))).Should().Be(new ProfileId(1));
    }

    [Fact]
    public async Task Undoing_the_same_records_twice_after_a_remerge_is_refused_with_a_reason()
    {
        using var store = new InMemoryProfileStore();
        var service = new ProfileService(store, Options.Create(new AudiencesOptions()));
        await Import(service, "a", ("email", "joe@example.com"));
        await Import(service, "b", ("linkedin_url", "linkedin.com/in/joe"));
        await Import(service, "c", ("email", "joe@example.com"), ("linkedin_url", "linkedin.com/in/joe"));

        var split = await service.UndoMergeAsync(new ProfileId(2));

        split.MergeVersion.Should().BeGreaterThan(0);
        (await service.ListSplitsAsync(EntityKind.Person).ToListAsync()).Should().ContainSingle();
        (await service.UndoMergeAsync(new ProfileId(2)).ContinueWith(t => t.Exception?.InnerException))
            .Should().BeOfType<InvalidOperationException>();
    }

    private static Task<ImportResult> Import(ProfileService service, string source, params (string Key, string Value)[] values) =>
        service.UpsertAsync(
            [new SourceRecord(new SourceRecordKey(source, "rows", "1"), EntityKind.Person, SourceKind.Csv, values.ToDictionary(v => v.Key, v => FieldValue.FromText(v.Value)))],
            new ImportOptions(EntityKind.Person));

    /// <summary>A store whose ledger drops the records of each merge, as a store written before undo existed.</summary>
    private sealed class LedgerWithoutRecords(IProfileStore inner) : DelegatingProfileStore(inner)
    {
        public override async ValueTask<IProfileWriteSession> BeginWriteAsync(CancellationToken cancellationToken = default) =>
            new Session(await Inner.BeginWriteAsync(cancellationToken));

        private sealed class Session(IProfileWriteSession inner) : DelegatingProfileWriteSession(inner)
        {
            public override ValueTask AppendMergeAsync(MergeRecord merge, CancellationToken cancellationToken = default) =>
                base.AppendMergeAsync(merge with { MergedRecords = [] }, cancellationToken);
        }
    }
}
