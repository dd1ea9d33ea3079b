using System.CommandLine;
using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>audience delete AUDIENCE</c>: deletes an audience; every member's exit is recorded in the change feed
/// first. --json: <c>{"deleted":1,"name":"...","count":N}</c> (the active records it had).
/// </summary>
internal sealed class AudienceDeleteCommand : CliCommand
{
    private readonly Argument<AudienceReference> _audience = AudienceCommand.Audience();

    public AudienceDeleteCommand()
        : base("delete", "deletes an audience; each member's exit is recorded in the change feed")
    {
        Arguments.Add(_audience);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var audience = await AudienceCommand.RequireAsync(session, parse.GetValue(_audience), Path, cancellationToken);
        var count = await session.Audiences.CountAsync(audience.Id, cancellationToken);
        await AudienceCommand.CallAsync($"{Path} {audience.Id}", async () =>
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
