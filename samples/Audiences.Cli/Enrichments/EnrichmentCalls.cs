using Audiences.Cli.Cli;
using Audiences.Sdk.Enrichment;

namespace Audiences.Cli.Enrichments;

/// <summary>
/// Calls the enrichment service, turning what it refuses (an unknown enrichment, audience or provider, a mapping to a
/// field that does not exist) into an input error (exit 1) carrying the SDK's own message, which names the setting.
/// </summary>
internal static class EnrichmentCalls
{
    /// <exception cref="InputException">The SDK refused the input.</exception>
    public static async Task<T> GuardAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (IsRefusal(e))
        {
            throw new InputException(Message(e), e);
        }
    }

    /// <exception cref="InputException">The SDK refused the input.</exception>
    public static Task GuardAsync(Func<Task> call) => GuardAsync(async () =>
    {
        await call();
        return true;
    });

    /// <summary>Reads an enrichment by name.</summary>
    /// <exception cref="InputException">There is no enrichment with the name.</exception>
    public static async Task<EnrichmentDefinition> RequireAsync(AudiencesSession session, string name, CancellationToken cancellationToken) =>
        await session.Enrichments.GetAsync(name, cancellationToken)
        ?? throw new InputException($"there is no enrichment '{name}'; 'enrich list' shows the enrichments there are.");

    private static bool IsRefusal(Exception e) =>
        e is KeyNotFoundException
        or (InvalidOperationException and not ObjectDisposedException)
        or (ArgumentException and not ArgumentNullException);

    private static string Message(Exception e) => e is ArgumentException argument ? ErrorMessages.WithoutParameterName(argument) : e.Message;
}
