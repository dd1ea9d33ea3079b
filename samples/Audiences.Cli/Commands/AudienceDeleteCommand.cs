using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>audience delete ID</c>: deletes an audience; every member's exit is recorded in the change feed
/// first. --json: <c>{"deleted":1,"name":"...","count":N}</c> (the active records it had).
/// </summary>
internal sealed class AudienceDeleteCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["audience", "delete"];

    public string Summary => "deletes an audience; each member's exit is recorded in the change feed";

    public IReadOnlyList<ArgumentSpec> Arguments { get; } = [AudienceCommand.Id];

    public IReadOnlyList<OptionSpec> Options { get; } = [];

    public async Task<int> RunAsync(CommandContext context, CommandOptions options, CancellationToken cancellationToken)
    {
        const string Command = "audience delete";
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var audience = await AudienceCommand.RequireAsync(session, options, Command, cancellationToken);
        var count = await session.Audiences.CountAsync(audience.Id, cancellationToken);
        await AudienceCommand.CallAsync($"{Command} {audience.Id}", async () =>
        {
            await session.Audiences.DeleteAsync(audience.Id, cancellationToken);
            return true;
        });

        if (context.Json)
        {
            context.WriteJson(new JsonObject { ["deleted"] = audience.Id, ["name"] = audience.Name, ["count"] = count });
        }
        else
        {
            context.Out.WriteLine(
                $"Deleted {AudienceText.Name(audience)}; its {AudienceText.Records(count, "active")} and any archived ones exited (recorded in 'audience changes').");
        }

        return ExitCodes.Success;
    }
}
