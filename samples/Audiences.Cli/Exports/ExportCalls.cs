using System.Data.Common;
using Audiences.Cli.Cli;
using Audiences.Sdk.Destinations;
using Audiences.Sdk.Exports;

namespace Audiences.Cli.Exports;

/// <summary>
/// Calls the export service, turning what it or the destination refused (an invalid definition, an unknown export, a
/// destination that cannot be reached, a run already in progress) into an input error (exit 1) with the SDK's own
/// message — tokens and passwords masked — rather than a defect.
/// </summary>
internal static class ExportCalls
{
    /// <exception cref="InputException">The SDK or the destination refused the call.</exception>
    public static async Task<T> GuardAsync<T>(DestinationSettings settings, string export, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (IsRefusal(e))
        {
            var message = e is ArgumentException argument ? ErrorMessages.WithoutParameterName(argument) : e.Message;
            message = DestinationText.Redact(message, settings);

            // The SDK's messages about a definition name the export; a destination's do not.
            throw new InputException(message.Contains($"'{export}'", StringComparison.OrdinalIgnoreCase) ? message : $"export '{export}': {message}", e);
        }
    }

    /// <summary>Reads an export by name.</summary>
    /// <exception cref="InputException">There is no export with the name.</exception>
    public static async Task<ExportDefinition> RequireAsync(AudiencesSession session, string name, CancellationToken cancellationToken) =>
        await session.Exports.GetAsync(name, cancellationToken)
        ?? throw new InputException($"there is no export '{name}'; 'export list' shows the exports there are.");

    /// <summary>The export's latest run; null when it never ran.</summary>
    public static async Task<ExportRun?> LastRunAsync(AudiencesSession session, string name, CancellationToken cancellationToken)
    {
        var runs = await session.Exports.ListRunsAsync(name, 1, cancellationToken);
        return runs.Count == 0 ? null : runs[0];
    }

    /// <summary>Saves the definition, with the destination asked what it holds.</summary>
    /// <exception cref="InputException">The SDK refused the definition or could not reach the destination.</exception>
    public static Task<ExportDefinition> SaveAsync(CommandContext context, AudiencesSession session, ExportDefinition definition, CancellationToken cancellationToken) =>
        GuardAsync(definition.Destination, definition.Name, () => context.WithStatusAsync(
            $"Checking export '{definition.Name}' against its destination", () => session.Exports.SaveAsync(definition, cancellationToken)));

    /// <summary>Runs the export by hand, with a spinner on a terminal; a run that failed as a whole is returned, not thrown.</summary>
    /// <exception cref="InputException">Another run of it is running, or the destination refused the definition.</exception>
    public static Task<ExportRun> RunAsync(CommandContext context, AudiencesSession session, ExportDefinition definition, CancellationToken cancellationToken) =>
        GuardAsync(definition.Destination, definition.Name, async () =>
        {
            var before = (await LastRunAsync(session, definition.Name, cancellationToken))?.Id ?? 0;
            try
            {
                return await context.WithStatusAsync($"Running export '{definition.Name}'", () => session.Exports.RunAsync(definition.Name, cancellationToken));
            }
            catch (Exception e) when (IsRefusal(e) && e is not InvalidOperationException)
            {
                // The service recorded the run as failed before the exception went on: show that run.
                var last = await LastRunAsync(session, definition.Name, CancellationToken.None);
                if (last is { Status: ExportRunStatus.Failed } && last.Id > before)
                {
                    return last;
                }

                throw;
            }
        });

    /// <summary>The whole write plan of the export, with a spinner on a terminal.</summary>
    /// <exception cref="InputException">The destination could not be read, or refused the definition.</exception>
    public static Task<List<ExportPlanRecord>> PlanAsync(CommandContext context, AudiencesSession session, ExportDefinition definition, CancellationToken cancellationToken) =>
        GuardAsync(definition.Destination, definition.Name, () => context.WithStatusAsync($"Planning export '{definition.Name}'", async () =>
        {
            var records = new List<ExportPlanRecord>();
            await foreach (var record in session.Exports.PlanAsync(definition.Name, cancellationToken))
            {
                records.Add(record);
            }

            return records;
        }));

    /// <summary>The names of the audiences the exports read (exported and mapped as membership), by id; null for one deleted since.</summary>
    public static async Task<IReadOnlyDictionary<long, string?>> AudienceNamesAsync(
        AudiencesSession session, IEnumerable<ExportDefinition> definitions, CancellationToken cancellationToken)
    {
        var names = new Dictionary<long, string?>();
        foreach (var definition in definitions)
        {
            foreach (var id in definition.Membership.Select(m => m.Audience).Prepend(definition.Audience ?? 0).Where(id => id > 0))
            {
                if (!names.ContainsKey(id))
                {
                    names[id] = (await session.Audiences.GetAsync(id, cancellationToken))?.Name;
                }
            }
        }

        return names;
    }

    private static bool IsRefusal(Exception e) =>
        e is DestinationUnavailableException or DbException or KeyNotFoundException or NotSupportedException or IOException
        or (InvalidOperationException and not ObjectDisposedException)
        or (ArgumentException and not ArgumentNullException);
}
