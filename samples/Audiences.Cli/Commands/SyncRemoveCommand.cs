using System.CommandLine;
using System.Text.Json.Nodes;
using Audiences.Cli.Cli;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>sync remove NAME</c>: removes a sync with its cursor and history; the profiles it imported stay.
/// --json: <c>{"removed":"NAME"}</c>. No such sync: exit 1.
/// </summary>
internal sealed class SyncRemoveCommand : CliCommand
{
    private readonly Argument<string> _name = SyncNameArgument.Create();

    public SyncRemoveCommand()
        : base("remove", "removes a sync with its cursor and history (what it imported stays)")
    {
        Arguments.Add(_name);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var name = parse.GetRequiredValue(_name);
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        bool removed;
        try
        {
            removed = await session.Syncs.RemoveAsync(name, cancellationToken);
        }
        catch (InvalidOperationException e) when (e is not ObjectDisposedException)
        {
            // A run of it is going on (in a worker, say): the SDK says which and what to do.
            throw new InputException(e.Message);
        }

        if (!removed)
        {
            throw new InputException($"there is no sync '{name}'; 'sync list' shows the syncs there are.");
        }

        if (context.Json)
        {
            context.WriteJson(new JsonObject { ["removed"] = name });
        }
        else
        {
            context.Out.WriteLine($"Removed sync '{name}' with its cursor and history; the profiles it imported stay.");
        }

        return ExitCodes.Success;
    }
}
