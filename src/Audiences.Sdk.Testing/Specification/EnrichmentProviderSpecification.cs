using Audiences.Sdk.Enrichment;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// The <see cref="IEnrichmentProvider"/> contract, for any provider: it describes itself, answers every record of a
/// batch exactly once, finds what it should and not what it should not, returns only its declared outputs with their
/// declared types, answers the same batch the same way twice, answers an empty batch with nothing, stops with
/// <see cref="OperationCanceledException"/> when its token is cancelled, and never charges negative credits. A
/// provider's test project derives one class and supplies the provider (over a fake of its service) and records it
/// should and should not find.
/// </summary>
/// <remarks>
/// The suite calls the provider directly, never through the SDK's pipeline, in batches of at most its
/// <see cref="IEnrichmentProvider.MaxBatchSize"/>: the pipeline checks answers, so a provider proven only through it
/// could hide its faults.
/// </remarks>
public abstract class EnrichmentProviderSpecification
{
    /// <summary>Creates the provider under test.</summary>
    protected abstract Task<IEnrichmentProvider> CreateProviderAsync();

    /// <summary>Records the provider finds (at least one), each with every input of the provider; distinct profiles.</summary>
    protected abstract IReadOnlyList<EnrichmentRequest> RecordsToFind { get; }

    /// <summary>Records the provider looks up and does not find (at least one), each with every input; distinct profiles.</summary>
    protected abstract IReadOnlyList<EnrichmentRequest> RecordsNotToFind { get; }

    private IReadOnlyList<EnrichmentRequest> AllRecords => [.. RecordsToFind, .. RecordsNotToFind];

    /// <summary>The provider has a name, inputs, distinct outputs, a batch size of at least one and non-negative credits a record.</summary>
    [Fact]
    public virtual async Task Describes_itself()
    {
        var provider = await CreateProviderAsync();

        provider.Name.Should().NotBeNullOrWhiteSpace();
        provider.Inputs.Should().NotBeEmpty().And.OnlyHaveUniqueItems();
        provider.Outputs.Should().NotBeEmpty();
        provider.Outputs.Select(o => o.Field).Should().OnlyHaveUniqueItems("each output is declared once");
        provider.MaxBatchSize.Should().BePositive();
        provider.CreditsPerRecord.Should().BeGreaterThanOrEqualTo(0);
        AllRecords.Should().OnlyContain(r => provider.Inputs.All(i => r.Inputs.ContainsKey(i)), "the fixture's records hold every input");
    }

    /// <summary>Every record of a batch is answered exactly once, and no profile that was not asked about is.</summary>
    [Fact]
    public virtual async Task Every_record_is_answered_exactly_once()
    {
        var provider = await CreateProviderAsync();

        var results = await EnrichAsync(provider, AllRecords);

        results.Select(r => r.Profile).Should().BeEquivalentTo(AllRecords.Select(r => r.Profile), "one answer per record, none for others");
    }

    /// <summary>The records to find are found, the others are not found; none fails.</summary>
    [Fact]
    public virtual async Task Finds_the_records_it_should_and_not_the_others()
    {
        var provider = await CreateProviderAsync();

        var results = (await EnrichAsync(provider, AllRecords)).ToDictionary(r => r.Profile);

        RecordsToFind.Should().OnlyContain(r => results[r.Profile].Outcome == EnrichmentOutcome.Found, "these records are to be found");
        RecordsNotToFind.Should().OnlyContain(r => results[r.Profile].Outcome == EnrichmentOutcome.NotFound, "these records are not to be found");
    }

    /// <summary>Found records carry values for declared outputs only, each of its declared type; other records carry none.</summary>
    [Fact]
    public virtual async Task Returns_only_declared_outputs_of_their_declared_types()
    {
        var provider = await CreateProviderAsync();
        var declared = provider.Outputs.ToDictionary(o => o.Field, o => o.Type, StringComparer.Ordinal);

        var results = await EnrichAsync(provider, AllRecords);

        foreach (var result in results)
        {
            if (result.Outcome != EnrichmentOutcome.Found)
            {
                result.Values.Should().BeEmpty($"profile {result.Profile} was not found");
                continue;
            }

            result.Values.Should().NotBeEmpty($"profile {result.Profile} was found");
            foreach (var (field, value) in result.Values)
            {
                declared.Should().ContainKey(field, $"the provider returned '{field}' for profile {result.Profile}");
                value.Type.Should().Be(declared[field], $"'{field}' is declared as {declared[field]}");
            }
        }
    }

    /// <summary>The same batch asked twice gets the same answer: outcomes, values, credits.</summary>
    [Fact]
    public virtual async Task Answers_the_same_batch_the_same_way_twice()
    {
        var provider = await CreateProviderAsync();

        var first = Comparable(await EnrichAsync(provider, AllRecords));
        var second = Comparable(await EnrichAsync(provider, AllRecords));

        second.Should().Equal(first);
    }

    /// <summary>An empty batch gets an empty answer.</summary>
    [Fact]
    public virtual async Task Answers_an_empty_batch_with_nothing()
    {
        var provider = await CreateProviderAsync();

        var results = await provider.EnrichAsync([]);

        results.Should().BeEmpty();
    }

    /// <summary>A call with a cancelled token throws <see cref="OperationCanceledException"/>.</summary>
    [Fact]
    public virtual async Task Honours_cancellation()
    {
        var provider = await CreateProviderAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var act = () => provider.EnrichAsync([.. AllRecords.Take(provider.MaxBatchSize)], cancelled.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    /// <summary>No record costs negative credits.</summary>
    [Fact]
    public virtual async Task Never_charges_negative_credits()
    {
        var provider = await CreateProviderAsync();

        var results = await EnrichAsync(provider, AllRecords);

        results.Should().OnlyContain(r => r.Credits >= 0);
    }

    private static async Task<List<EnrichmentResult>> EnrichAsync(IEnrichmentProvider provider, IReadOnlyList<EnrichmentRequest> records)
    {
        var results = new List<EnrichmentResult>();
        foreach (var batch in records.Chunk(Math.Max(1, provider.MaxBatchSize)))
        {
            results.AddRange(await provider.EnrichAsync(batch));
        }

        return results;
    }

    // Each answer as text, so two answers compare whole: values by key, type and value.
    private static List<string> Comparable(IEnumerable<EnrichmentResult> results) =>
        [.. results.OrderBy(r => r.Profile).Select(r =>
            $"{r.Profile} {r.Outcome} {r.Credits} {r.Error} "
            + string.Join(", ", r.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value.Type}:{v.Value}")))];
}
