using System.CommandLine;
using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Exports;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>export failures NAME</c>: the records whose last write failed, with the destination's reason, the attempts so far
/// and the next try (or that the export gave up until the record changes). --json:
/// <c>[{"profile","key","reason","attempts","last_attempt_at","retry_at","gave_up"}]</c>.
/// </summary>
internal sealed class ExportFailuresCommand : CliCommand
{
    private readonly Argument<string> _name = ExportNameArgument.Create();

    public ExportFailuresCommand()
        : base("failures", "lists the records whose last write failed: the destination's reason, attempts and the next try")
    {
        Arguments.Add(_name);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var definition = await ExportCalls.RequireAsync(session, parse.GetRequiredValue(_name), cancellationToken);
        var failures = await session.Exports.ListFailuresAsync(definition.Name, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(new JsonArray([.. failures.Select(f => (JsonNode)ExportJson.Failure(f, definition.Destination))]));
        }
        else if (failures.Count == 0)
        {
            context.Out.WriteLine($"Export '{definition.Name}' has no failed records.");
        }
        else
        {
            context.Out.WriteLine($"Export '{definition.Name}': {failures.Count} record{(failures.Count == 1 ? string.Empty : "s")} whose last write failed.");
            ExportText.WriteFailures(context.Out, failures, text => DestinationText.Redact(text, definition.Destination));
        }

        return ExitCodes.Success;
    }
}
