using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Enrichment;

/// <summary>
/// A named provider over an ordered list of providers: each record goes to the first provider; the records it did not
/// find (not found or failed) go to the next, and so on. A record is found by the first provider that finds it.
/// </summary>
/// <remarks>
/// <para>
/// Its inputs are the union of the providers' inputs, and a record need not hold them all: a provider is asked only for
/// the records that hold every one of ITS inputs (with those inputs alone), the others skip it. A record no provider
/// could be asked about is not found, costs nothing, and names no provider.
/// </para>
/// <para>
/// Its outputs are the first provider's; every provider must declare those output keys with the same types (it may
/// declare more, which the waterfall drops). A record's credits add up across the providers asked;
/// <see cref="EnrichmentResult.Provider"/> names the provider that found it, or else the last one asked. A record no
/// provider found is failed when one of them failed on it (so a later run may try again), with the reasons joined,
/// else not found.
/// </para>
/// <para>
/// Each provider is called as given: compose it over providers wrapped in the pipeline (as the provider catalog does)
/// to have each one's retries, rate limit and checks. A provider's call that throws a transient error
/// (<see cref="ProviderUnavailableException"/>, <see cref="TimeoutException"/>) fails its records at that step only.
/// </para>
/// </remarks>
public sealed class WaterfallEnrichmentProvider : IEnrichmentProvider
{
    private readonly IReadOnlyList<IEnrichmentProvider> _providers;

    /// <summary>Creates a waterfall over <paramref name="providers"/>, asked in their order.</summary>
    /// <param name="name">The waterfall's name, as enrichments name it.</param>
    /// <param name="providers">The providers, first asked first; at least one.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// The name is blank, no provider is given, or the providers enrich different kinds of profile or do not all declare
    /// the first provider's outputs with the same types.
    /// </exception>
    public WaterfallEnrichmentProvider(string name, IReadOnlyList<IEnrichmentProvider> providers)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(providers);
        if (providers.Count == 0 || providers.Any(p => p is null))
        {
            throw new ArgumentException($"The waterfall '{name}' needs at least one provider, and no null ones.", nameof(providers));
        }

        Name = name;
        _providers = [.. providers];
        Kind = providers[0].Kind;
        Outputs = [.. providers[0].Outputs];
        foreach (var provider in providers.Skip(1))
        {
            if (Mismatch(name, providers[0], provider) is { } mismatch)
            {
                throw new ArgumentException(mismatch, nameof(providers));
            }
        }

        Inputs = [.. providers.SelectMany(p => p.Inputs).Distinct(StringComparer.Ordinal)];
        CreditsPerRecord = providers.Sum(p => p.CreditsPerRecord);
        MaxBatchSize = providers.Min(p => p.MaxBatchSize);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public EntityKind Kind { get; }

    /// <summary>The union of the providers' inputs; a record needs only one provider's inputs to be looked up.</summary>
    public IReadOnlyList<string> Inputs { get; }

    /// <summary>The first provider's outputs, which every provider declares.</summary>
    public IReadOnlyList<EnrichmentOutput> Outputs { get; }

    /// <summary>The most one record can cost: the sum of the providers' costs, when every one of them is asked.</summary>
    public decimal CreditsPerRecord { get; }

    /// <summary>The smallest of the providers' batch sizes, so each provider's part of a batch fits one call.</summary>
    public int MaxBatchSize { get; }

    /// <summary>The providers, in the order they are asked.</summary>
    public IReadOnlyList<IEnrichmentProvider> Providers => _providers;

    /// <inheritdoc />
    public async Task<IReadOnlyList<EnrichmentResult>> EnrichAsync(IReadOnlyList<EnrichmentRequest> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var progress = records.Select(r => new WaterfallRecord(r)).ToList();
        foreach (var provider in _providers)
        {
            var asked = progress.Where(r => !r.IsFound && r.Holds(provider.Inputs)).ToList();
            if (asked.Count == 0)
            {
                continue;
            }

            var answers = await AskAsync(provider, asked, cancellationToken).ConfigureAwait(false);
            foreach (var record in asked)
            {
                record.Add(provider.Name, answers.TryGetValue(record.Request.Profile, out var answer) ? answer : null, Outputs);
            }
        }

        return [.. progress.Select(r => r.Result())];
    }

    private static async Task<Dictionary<ProfileId, EnrichmentResult>> AskAsync(
        IEnrichmentProvider provider, List<WaterfallRecord> asked, CancellationToken cancellationToken)
    {
        var answers = new Dictionary<ProfileId, EnrichmentResult>();
        try
        {
            var results = await provider.EnrichAsync([.. asked.Select(r => r.RequestFor(provider.Inputs))], cancellationToken).ConfigureAwait(false);
            foreach (var result in results)
            {
                answers.TryAdd(result.Profile, result);
            }
        }
        catch (Exception e) when (e is ProviderUnavailableException or TimeoutException)
        {
            // Only this step fails; the next provider may still find the records.
            foreach (var record in asked)
            {
                answers[record.Request.Profile] = new EnrichmentResult(record.Request.Profile, EnrichmentOutcome.Failed) { Error = e.Message };
            }
        }

        return answers;
    }

    /// <summary>Why <paramref name="provider"/> cannot follow <paramref name="first"/> in the waterfall, or null when it can.</summary>
    private static string? Mismatch(string name, IEnrichmentProvider first, IEnrichmentProvider provider)
    {
        if (provider.Kind != first.Kind)
        {
            return $"The waterfall '{name}' mixes kinds: '{first.Name}' enriches {first.Kind} profiles, '{provider.Name}' {provider.Kind} profiles.";
        }

        var declared = provider.Outputs.ToDictionary(o => o.Field, o => o.Type, StringComparer.Ordinal);
        foreach (var output in first.Outputs)
        {
            if (!declared.TryGetValue(output.Field, out var type))
            {
                return $"The waterfall '{name}' takes its outputs from '{first.Name}', but '{provider.Name}' does not declare the output '{output.Field}'.";
            }

            if (type != output.Type)
            {
                return $"The waterfall '{name}': '{first.Name}' declares '{output.Field}' as {output.Type}, '{provider.Name}' as {type}; every provider must declare it with the same type.";
            }
        }

        return null;
    }
}
