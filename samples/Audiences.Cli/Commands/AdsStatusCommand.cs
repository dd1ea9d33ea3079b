using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Exports;
using Audiences.Cli.Output;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>ads status NAME</c>: the ad audience's platform and account, its last sync with its counts, and the members whose
/// last send failed with the reason and next try. --json: <c>{"name","platform","audience","settings","every","last_run","failures"}</c>.
/// </summary>
internal sealed class AdsStatusCommand : CliCommand
{
    private readonly Argument<string> _name = ExportNameArgument.Create("the ad audience's name, as 'ads list' shows it");

    public AdsStatusCommand()
        : base("status", "shows an ad audience's last sync, its counts and the members whose send failed")
    {
        Arguments.Add(_name);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var definition = await AdsNames.RequireAsync(session, parse.GetRequiredValue(_name), cancellationToken);
        var last = await ExportCalls.LastRunAsync(session, definition.Name, cancellationToken);
        var failures = await session.Exports.ListFailuresAsync(definition.Name, cancellationToken);
        var names = await ExportCalls.AudienceNamesAsync(session, [definition], cancellationToken);
        if (context.Json)
        {
            context.WriteJson(AdJson.Status(definition, names, last, failures));
            return ExitCodes.Success;
        }

        var writer = context.Out;
        writer.WriteLine($"Ad audience '{definition.Name}': {DestinationText.Summary(definition.Destination)}, {ExportText.Audience(definition.Audience, names)}, {ExportText.Schedule(definition)}.");
        if (last is null)
        {
            writer.WriteLine($"Not synced yet; sync it with 'ads sync {definition.Name}'.");
        }
        else
        {
            writer.WriteLine(
                $"Last sync: run {last.Id} at {Formats.Time(last.StartedAt)}, {ExportJson.Status(last.Status)}: {Formats.Count(AdJson.Added(last))} added, "
                + $"{Formats.Count(last.Removed)} removed, {Formats.Count(last.Failed)} failed, {Formats.Count(last.Skipped)} skipped.");
            if (last.Failure is { } failure)
            {
                writer.WriteLine($"  failed: {DestinationText.Redact(failure, definition.Destination)}");
            }
        }

        if (failures.Count == 0)
        {
            writer.WriteLine("No member's last send failed.");
        }
        else
        {
            writer.WriteLine($"{failures.Count} member{(failures.Count == 1 ? string.Empty : "s")} whose last send failed:");
            ExportText.WriteFailures(writer, failures, text => DestinationText.Redact(text, definition.Destination));
        }

        return ExitCodes.Success;
    }
}
