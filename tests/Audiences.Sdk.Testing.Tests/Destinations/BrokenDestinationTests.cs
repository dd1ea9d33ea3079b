using System.Runtime.CompilerServices;
using Audiences.Sdk.Destinations;
using Audiences.Sdk.Testing.Destinations;
using Audiences.Sdk.Testing.Specification;
using Xunit.Sdk;

namespace Audiences.Sdk.Testing.Tests.Destinations;

/// <summary>The destination suite fails a destination that breaks the contract.</summary>
public class BrokenDestinationTests
{
    public enum Flaws
    {
        DropsTheLastResult,
        ThrowsForABadRecord,
        UpdateCreates,
        ReadsEveryField,
        CreateTwiceFails,
    }

    [Fact]
    public async Task DestinationSpecification_DestinationDroppingAnAnswer_Fails()
    {
        var act = () => new Suite(Flaws.DropsTheLastResult).A_write_answers_each_record_exactly_once_by_key();

        await act.Should().ThrowAsync<XunitException>();
    }

    [Fact]
    public async Task DestinationSpecification_DestinationThrowingForOneBadRecord_Fails()
    {
        var act = () => new Suite(Flaws.ThrowsForABadRecord).A_bad_record_fails_alone_and_the_rest_of_the_batch_is_applied();

        await act.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task DestinationSpecification_DestinationCreatingOnUpdate_Fails()
    {
        var act = () => new Suite(Flaws.UpdateCreates).An_update_of_a_record_not_held_fails_alone();

        await act.Should().ThrowAsync<XunitException>();
    }

    [Fact]
    public async Task DestinationSpecification_DestinationReadingFieldsNotAsked_Fails()
    {
        var act = () => new Suite(Flaws.ReadsEveryField).A_read_returns_the_records_held_with_only_the_fields_asked();

        await act.Should().ThrowAsync<XunitException>().WithMessage("*only the fields asked*");
    }

    [Fact]
    public async Task DestinationSpecification_DestinationFailingARetriedCreate_Fails()
    {
        var act = () => new Suite(Flaws.CreateTwiceFails).The_same_batch_twice_has_the_effect_of_once();

        await act.Should().ThrowAsync<XunitException>();
    }

    // Not public: xunit must not run the suite on its own; the tests above drive it.
    private sealed class Suite(Flaws flaw) : DestinationSpecification
    {
        protected override Task<IDestination> CreateDestinationAsync(IReadOnlyList<DestinationRecord> records)
        {
            var inner = new InMemoryDestination();
            foreach (var record in records)
            {
                inner.Seed(record.Key, record.Values);
            }

            return Task.FromResult<IDestination>(new Flawed(inner, flaw));
        }
    }

    private sealed class Flawed(InMemoryDestination inner, Flaws flaw) : IDestination
    {
        private readonly HashSet<string> _created = [];

        public ValueTask<DestinationDescription> DescribeAsync(CancellationToken cancellationToken = default) => inner.DescribeAsync(cancellationToken);

        public async IAsyncEnumerable<DestinationRecord> ReadAsync(
            DestinationReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (var record in inner.ReadAsync(request, cancellationToken))
            {
                yield return flaw == Flaws.ReadsEveryField ? record with { Values = inner.Records[record.Key] } : record;
            }
        }

        public async Task<IReadOnlyList<DestinationResult>> WriteAsync(IReadOnlyList<DestinationWrite> writes, CancellationToken cancellationToken = default)
        {
            if (flaw == Flaws.ThrowsForABadRecord && writes.Any(w => w.Values.ContainsKey("no_such_field")))
            {
                throw new ArgumentException("no_such_field");
            }

            var sent = flaw == Flaws.UpdateCreates
                ? [.. writes.Select(w => w with { Kind = w.Kind == DestinationWriteKind.Update ? DestinationWriteKind.Create : w.Kind })]
                : writes;
            var results = await inner.WriteAsync(sent, cancellationToken);
            return flaw switch
            {
                Flaws.DropsTheLastResult => [.. results.SkipLast(1)],
                Flaws.CreateTwiceFails => [.. results.Select(r =>
                    writes.Single(w => w.Key == r.Key).Kind == DestinationWriteKind.Create && !_created.Add(r.Key)
                        ? DestinationResult.Failure(r.Key, "duplicate key", retryable: false)
                        : r)],
                _ => results,
            };
        }
    }
}
