using System.Data.Common;
using Audiences.Cli.Cli;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Sync;

namespace Audiences.Cli.Syncs;

/// <summary>
/// Saves and runs syncs, turning what the source or the SDK refused into an input error (exit 1) with the SDK's
/// or provider's message — passwords masked — rather than a defect or a complaint about --db.
/// </summary>
internal static class SyncCalls
{
    /// <exception cref="InputException">The SDK refused the definition or could not reach its source.</exception>
    public static Task<SyncDefinition> SaveAsync(AudiencesSession session, SyncDefinition definition, CancellationToken cancellationToken) =>
        GuardAsync(definition, () => session.Syncs.SaveAsync(definition, cancellationToken));

    /// <summary>Runs the sync by hand, with a spinner on a terminal; a failed run is returned, not thrown.</summary>
    /// <exception cref="InputException">There is no such sync, or another run of it is running.</exception>
    public static Task<SyncRun> RunAsync(
        CommandContext context, AudiencesSession session, SyncDefinition definition, SourceReadMode? mode, CancellationToken cancellationToken) =>
        GuardAsync(definition, () => context.WithStatusAsync($"Running sync '{definition.Name}'", () => session.Syncs.RunAsync(definition.Name, mode, cancellationToken)));

    /// <summary>Previews the definition, with a spinner on a terminal.</summary>
    /// <exception cref="InputException">The SDK refused the definition or could not reach its source.</exception>
    public static Task<SyncPreview> PreviewAsync(
        CommandContext context, AudiencesSession session, SyncDefinition definition, int rows, CancellationToken cancellationToken) =>
        GuardAsync(definition, () => context.WithStatusAsync("Reading the first records", () => session.Syncs.PreviewAsync(definition, rows, cancellationToken)));

    private static async Task<T> GuardAsync<T>(SyncDefinition definition, Func<Task<T>> call)
    {
        var connection = ConnectionText.SecretOf(definition.Source);
        try
        {
            return await call();
        }
        catch (Exception e) when (e is DbException or SourceUnavailableException or NotSupportedException or KeyNotFoundException
            or (InvalidOperationException and not ObjectDisposedException) or (ArgumentException and not ArgumentNullException))
        {
            var message = e is ArgumentException argument ? ErrorMessages.WithoutParameterName(argument) : e.Message;
            message = ConnectionText.Redact(message, connection);

            // The SDK's messages about a definition already name the sync; a provider's do not.
            throw new InputException(message.Contains($"'{definition.Name}'", StringComparison.Ordinal) ? message : $"sync '{definition.Name}': {message}", e);
        }
    }
}
