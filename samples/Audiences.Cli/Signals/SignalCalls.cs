using Audiences.Cli.Cli;
using Audiences.Cli.Enrichments;
using Audiences.Sdk.Signals;

namespace Audiences.Cli.Signals;

/// <summary>
/// Calls the signal service, turning what it refuses (an unknown signal, audience or provider, an audience of the
/// wrong kind) into an input error (exit 1) carrying the SDK's own message, as enrichments do.
/// </summary>
internal static class SignalCalls
{
    /// <exception cref="InputException">The SDK refused the input.</exception>
    public static Task<T> GuardAsync<T>(Func<Task<T>> call) => EnrichmentCalls.GuardAsync(call);

    /// <exception cref="InputException">The SDK refused the input.</exception>
    public static Task GuardAsync(Func<Task> call) => EnrichmentCalls.GuardAsync(call);

    /// <summary>Reads a signal by name.</summary>
    /// <exception cref="InputException">There is no signal with the name.</exception>
    public static async Task<SignalDefinition> RequireAsync(AudiencesSession session, string name, CancellationToken cancellationToken) =>
        await session.Signals.GetAsync(name, cancellationToken)
        ?? throw new InputException($"there is no signal '{name}'; 'signal list' shows the signals there are.");

    /// <summary>The signal's latest run; null when it never ran.</summary>
    public static async Task<SignalRun?> LastRunAsync(AudiencesSession session, string name, CancellationToken cancellationToken)
    {
        var runs = await session.Signals.ListRunsAsync(name, 1, cancellationToken);
        return runs.Count == 0 ? null : runs[0];
    }

    /// <summary>The names of the audiences and companion audiences of the signals, by id; null for one deleted since.</summary>
    public static async Task<IReadOnlyDictionary<long, string?>> AudienceNamesAsync(
        AudiencesSession session, IEnumerable<SignalDefinition> definitions, CancellationToken cancellationToken)
    {
        var names = new Dictionary<long, string?>();
        foreach (var id in definitions.SelectMany(d => d.Audiences.Concat(d.Companions.Select(c => c.Companion))))
        {
            if (!names.ContainsKey(id))
            {
                names[id] = (await session.Audiences.GetAsync(id, cancellationToken))?.Name;
            }
        }

        return names;
    }
}
