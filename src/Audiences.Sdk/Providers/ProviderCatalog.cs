using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Signals;
using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.Providers;

/// <summary>
/// Wraps every registered provider in its pipeline once, so a provider's rate limit holds across everything that
/// calls it, and hands them out by name.
/// </summary>
internal sealed class ProviderCatalog : IProviderCatalog, IDisposable
{
    private readonly Dictionary<string, IEnrichmentProvider> _enrichment;
    private readonly Dictionary<string, ISignalProvider> _signals;
    private readonly List<ProviderResilience> _resilience = [];

    public ProviderCatalog(
        IEnumerable<IEnrichmentProvider> enrichment,
        IEnumerable<ISignalProvider> signals,
        ProviderPipelineOptions options,
        TimeProvider time,
        ILogger logger)
    {
        var enrichmentProviders = enrichment.ToList();
        var signalProviders = signals.ToList();
        var problems = ProviderNames.Problems("enrichment", enrichmentProviders.Select(p => p.Name))
            .Concat(ProviderNames.Problems("signal", signalProviders.Select(p => p.Name)))
            .ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }

        _enrichment = enrichmentProviders.ToDictionary(
            p => p.Name, p => ProviderPipeline.Wrap(p, Resilience(p.Name, options, time, logger), logger, time), ProviderNames.Comparer);
        _signals = signalProviders.ToDictionary(
            p => p.Name, p => ProviderPipeline.Wrap(p, Resilience(p.Name, options, time, logger), logger, time), ProviderNames.Comparer);
    }

    public IReadOnlyList<string> EnrichmentProviders => [.. _enrichment.Keys];

    public IReadOnlyList<string> SignalProviders => [.. _signals.Keys];

    public IEnrichmentProvider GetEnrichmentProvider(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _enrichment.TryGetValue(name, out var provider)
            ? provider
            : throw new ArgumentException(Unknown("enrichment", name, _enrichment.Keys, "AddEnrichmentProvider"), nameof(name));
    }

    public IEnrichmentProvider GetWaterfall(string name, IReadOnlyList<string> providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        return new WaterfallEnrichmentProvider(name, [.. providers.Select(GetEnrichmentProvider)]);
    }

    public ISignalProvider GetSignalProvider(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _signals.TryGetValue(name, out var provider)
            ? provider
            : throw new ArgumentException(Unknown("signal", name, _signals.Keys, "AddSignalProvider"), nameof(name));
    }

    public void Dispose()
    {
        foreach (var resilience in _resilience)
        {
            resilience.Dispose();
        }
    }

    private static string Unknown(string kind, string name, IEnumerable<string> registered, string register)
    {
        var names = registered.Order(StringComparer.OrdinalIgnoreCase).ToList();
        var known = names.Count == 0 ? "none is registered" : $"registered: {string.Join(", ", names)}";
        return $"No {kind} provider is named '{name}' ({known}). Register it with {register}(...) inside AddAudiences(...).";
    }

    private ProviderResilience Resilience(string name, ProviderPipelineOptions options, TimeProvider time, ILogger logger)
    {
        var resilience = new ProviderResilience(name, options, time, logger);
        _resilience.Add(resilience);
        return resilience;
    }
}
