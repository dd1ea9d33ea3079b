using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>The concurrency contract: one writer at a time, any number of readers alongside it.</summary>
public abstract class ConcurrencySpecification : StoreSpecification
{
    /// <summary>A second writer waits until the first session ends, and its wait can be cancelled.</summary>
    [Fact]
    public virtual async Task A_second_writer_waits_for_the_first()
    {
        var store = NewStore();
        var first = await store.Profiles.BeginWriteAsync();
        var second = store.Profiles.BeginWriteAsync().AsTask();
        await Task.Delay(50);
        second.IsCompleted.Should().BeFalse();

        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        var third = () => store.Profiles.BeginWriteAsync(cts.Token).AsTask();
        await third.Should().ThrowAsync<OperationCanceledException>();

        await first.DisposeAsync();
        await using var session = await second.WaitAsync(TimeSpan.FromSeconds(10));
        session.Should().NotBeNull();
    }

    /// <summary>Readers running during an import only ever see whole batches.</summary>
    [Fact]
    public virtual async Task Readers_during_an_import_see_only_whole_batches()
    {
        const int batchSize = 50;
        var store = NewStore(batchSize);
        var service = store.Service;
        var records = Enumerable.Range(1, 1_000)
            .Select(i => Person("file", i.ToString(System.Globalization.CultureInfo.InvariantCulture), ("email", $"p{i}@example.com"), ("n", i)))
            .ToArray();

        var import = Task.Run(() => service.UpsertAsync(records, new ImportOptions(EntityKind.Person)));
        var seen = new List<long>();
        while (!import.IsCompleted)
        {
            var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () => await store.Profiles.CountProfilesAsync(EntityKind.Person)));
            seen.AddRange(await Task.WhenAll(readers));
        }

        (await import).Created.Should().Be(1_000);
        seen.Should().OnlyContain(count => count % batchSize == 0);
        (await store.Profiles.CountProfilesAsync(EntityKind.Person)).Should().Be(1_000);
    }
}
