using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Signals;

/// <summary>
/// An outside service that watches records for events — a job change, a funding round, a hiring spike — and charges
/// credits per record it checks. The SDK calls it through the same pipeline as enrichment providers.
/// </summary>
/// <remarks>
/// A provider answers every record of a batch exactly once and reports only events at or after the time it is
/// asked about. <c>SignalProviderSpecification</c> in <c>Audiences.Sdk.Testing</c> proves a provider keeps this contract.
/// </remarks>
public interface ISignalProvider
{
    /// <summary>The provider's name, as signals name it (e.g. <c>sample-job-change</c>).</summary>
    string Name { get; }

    /// <summary>The kind of event it detects.</summary>
    SignalType Type { get; }

    /// <summary>The kind of profile it watches.</summary>
    EntityKind Kind { get; }

    /// <summary>The credits one record checked costs, whether an event fired or not.</summary>
    decimal CreditsPerRecord { get; }

    /// <summary>The most records one call takes; the SDK splits larger batches.</summary>
    int MaxBatchSize { get; }

    /// <summary>Checks a batch of records for events since <paramref name="since"/>.</summary>
    /// <param name="records">The profiles to check, with their values and source records.</param>
    /// <param name="since">The earliest event time to report (a look-back, or the last check).</param>
    /// <param name="cancellationToken">Cancels the call, also while the provider is waiting on its service.</param>
    /// <returns>One result per record, in any order.</returns>
    /// <exception cref="ProviderUnavailableException">The service failed in a way a retry may cure.</exception>
    Task<IReadOnlyList<SignalResult>> DetectAsync(IReadOnlyList<Profile> records, DateTimeOffset since, CancellationToken cancellationToken = default);
}
