using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Signals;

namespace Audiences.Sdk.Providers;

/// <summary>
/// The registered enrichment and signal providers, by name, each wrapped in the pipeline: logging, telemetry,
/// per-record checks of its answers, batch splitting, retries, a call timeout and a rate limit
/// (<see cref="AudiencesOptions.Providers"/>). A provider obtained here answers every record once, and a batch that
/// fails after its retries fails its own records rather than throwing.
/// </summary>
public interface IProviderCatalog
{
    /// <summary>The names of the registered enrichment providers.</summary>
    IReadOnlyList<string> EnrichmentProviders { get; }

    /// <summary>The names of the registered signal providers.</summary>
    IReadOnlyList<string> SignalProviders { get; }

    /// <summary>The enrichment provider of a name, in the pipeline.</summary>
    /// <param name="name">The provider's name (case-insensitive).</param>
    /// <exception cref="ArgumentException">No enrichment provider has the name; the message lists those that are registered.</exception>
    IEnrichmentProvider GetEnrichmentProvider(string name);

    /// <summary>A <see cref="WaterfallEnrichmentProvider"/> over the named providers, each in its pipeline.</summary>
    /// <param name="name">The waterfall's name.</param>
    /// <param name="providers">The providers' names, first asked first.</param>
    /// <exception cref="ArgumentException">A name is unknown, or the providers cannot form a waterfall.</exception>
    IEnrichmentProvider GetWaterfall(string name, IReadOnlyList<string> providers);

    /// <summary>The signal provider of a name, in the pipeline.</summary>
    /// <param name="name">The provider's name (case-insensitive).</param>
    /// <exception cref="ArgumentException">No signal provider has the name; the message lists those that are registered.</exception>
    ISignalProvider GetSignalProvider(string name);
}
