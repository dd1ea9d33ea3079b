using Audiences.Sdk.Import;
using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;
using Audiences.Sdk.Testing.Specification;

namespace Audiences.Sdk.Tests.Matching;

public sealed class MergeUndoTests
{
    [Fact]
    public async Task A_merge_recorded_without_its_records_cannot_be_undone_and_nothing_changes()
    {
        using var store = StoreWorkspace.Create(b => b.UseInMemory().DecorateStore<IMergeLedger>((inner, _) => new LedgerWithoutRecords(inner)));
        var service = store.Service;
        await Import(service, "a", ("email", "ann@example.com"));
        await Import(service, "b", ("linkedin_url", "linkedin.com/in/ann"));
        await Import(service, "c", ("email", "ann@example.com"), ("linkedin_url", "linkedin.com/in/ann"));
        var version = await store.Changes.GetLastVersionAsync();

        await service.Invoking(s => s.UndoMergeAsync(new ProfileId(2)))
            .Should().ThrowAsync<InvalidOperationException>().WithMessage("*recorded without its records*cannot be undone*");

        (await store.Changes.GetLastVersionAsync()).Should().Be(version);
        (await store.Profiles.ResolveAsync(new ProfileId(2))).Should().Be(new ProfileId(1));
    }

    [Fact]
    public async Task Undoing_the_same_records_twice_after_a_remerge_is_refused_with_a_reason()
    {
        using var store = StoreWorkspace.Create(b => b.UseInMemory());
        var service = store.Service;
        await Import(service, "a", ("email", "joe@example.com"));
        await Import(service, "b", ("linkedin_url", "linkedin.com/in/joe"));
        await Import(service, "c", ("email", "joe@example.com"), ("linkedin_url", "linkedin.com/in/joe"));

        var split = await service.UndoMergeAsync(new ProfileId(2));

        split.MergeVersion.Should().BeGreaterThan(0);
        (await service.ListSplitsAsync(EntityKind.Person).ToListAsync()).Should().ContainSingle();
        (await service.UndoMergeAsync(new ProfileId(2)).ContinueWith(t => t.Exception?.InnerException))
            .Should().BeOfType<InvalidOperationException>();
    }

    private static Task<ImportResult> Import(IProfileService service, string source, params (string Key, string Value)[] values) =>
        service.UpsertAsync(
            [new SourceRecord(new SourceRecordKey(source, "rows", "1"), EntityKind.Person, SourceKind.Csv, values.ToDictionary(v => v.Key, v => FieldValue.FromText(v.Value)))],
            new ImportOptions(EntityKind.Person));

    /// <summary>A store whose ledger drops the records of each merge, as a store written before undo existed.</summary>
    private sealed class LedgerWithoutRecords(IMergeLedger inner) : DelegatingMergeLedger(inner)
    {
        public override ValueTask AppendMergeAsync(IProfileWriteSession session, MergeRecord merge, CancellationToken cancellationToken = default) =>
            base.AppendMergeAsync(session, merge with { MergedRecords = [] }, cancellationToken);
    }
}
