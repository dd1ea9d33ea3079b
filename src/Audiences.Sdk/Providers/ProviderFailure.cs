namespace Audiences.Sdk.Providers;

/// <summary>The reason stored on records whose call failed.</summary>
internal static class ProviderFailure
{
    public static string Describe(Exception exception) => ProviderResilience.IsTransient(exception)
        ? $"the provider was unavailable after its retries: {exception.Message}"
        : $"the provider failed: {exception.GetType().Name}: {exception.Message}";
}
