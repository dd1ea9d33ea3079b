using Audiences.Sdk.Enrichment;

namespace Audiences.Samples.Providers;

/// <summary>Finds the first declared input a request lacks.</summary>
/// <remarks>
/// The SDK skips records missing an input before they reach a provider; the samples still check, so a host that calls
/// them directly gets a clear per-record failure instead of an exception that would sink the whole batch.
/// </remarks>
internal static class MissingInput
{
    /// <summary>The key of the first input that is absent or empty; null when all are there.</summary>
    public static string? Find(EnrichmentRequest request, IReadOnlyList<string> inputs)
    {
        foreach (var input in inputs)
        {
            if (!request.Inputs.TryGetValue(input, out var value) || value.IsEmpty)
            {
                return input;
            }
        }

        return null;
    }

    /// <summary>The failed, free answer for a request that lacks an input.</summary>
    public static EnrichmentResult Failure(EnrichmentRequest request, string input, string provider) =>
        new(request.Profile, EnrichmentOutcome.Failed)
        {
            Error = $"missing input {input}",
            Credits = 0m,
            Provider = provider,
        };

    /// <summary>The text of an input the request is known to have.</summary>
    public static string Text(EnrichmentRequest request, string input) => request.Inputs[input].ToString();
}
