using Audiences.Sdk.Sources;
using Audiences.Sdk.Testing.Specification;
using Xunit.Sdk;

namespace Audiences.Sdk.Testing.Tests.Specification;

/// <summary>The source suite passes a source that keeps the contract, and fails one that breaks it.</summary>
public class BrokenSourceTests
{
    [Fact]
    public async Task SourceSpecification_ConformingSource_Passes()
    {
        var suite = new ListSuite(ListSource.Flaws.None);

        await suite.Describe_lists_the_object_and_its_fields();
        await suite.A_full_read_returns_every_row_once_in_batches_of_at_most_the_batch_size();
        await suite.An_incremental_read_without_a_cursor_returns_every_row();
        await suite.An_incremental_read_after_the_last_cursor_of_an_unchanged_source_returns_nothing_new();
        await suite.Changes_after_a_cursor_come_back();
        await suite.A_full_read_after_a_delete_leaves_the_row_out();
        await suite.An_unknown_object_is_refused();
        await suite.A_cursor_the_source_did_not_write_is_refused();
    }

    [Fact]
    public async Task SourceSpecification_SourceIgnoringTheBatchSize_Fails()
    {
        var act = () => new ListSuite(ListSource.Flaws.OneBatch).A_full_read_returns_every_row_once_in_batches_of_at_most_the_batch_size();

        await act.Should().ThrowAsync<XunitException>();
    }

    [Fact]
    public async Task SourceSpecification_SourceMissingChangedRows_Fails()
    {
        var act = () => new ListSuite(ListSource.Flaws.NewRowsOnly).Changes_after_a_cursor_come_back();

        await act.Should().ThrowAsync<XunitException>().WithMessage("*Robert*");
    }

    // Not public: xunit must not run the suite on its own; the tests above drive it.
    private sealed class ListSuite(ListSource.Flaws flaw) : SourceSpecification
    {
        private ListSource? _source;

        protected override Task<ISource> CreateSourceAsync(IReadOnlyList<FixtureRow> rows) =>
            Task.FromResult<ISource>(_source = new ListSource(rows) { Flaw = flaw });

        protected override Task UpsertAsync(FixtureRow row)
        {
            _source!.Upsert(row);
            return Task.CompletedTask;
        }

        protected override Task DeleteAsync(string id)
        {
            _source!.Delete(id);
            return Task.CompletedTask;
        }
    }
}
