using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>audience refresh</c>: brings every audience up to the latest profile change, evaluating only the
/// profiles changed since the last refresh, and prints the entries and exits it recorded.
/// --json: <see cref="AudienceJson.Refresh"/>.
/// </summary>
internal sealed class AudienceRefreshCommand : CliCommand
{
    public AudienceRefreshCommand()
        : base("refresh", "brings every audience's membership up to date with the profiles changed since the last refresh")
    {
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var refresh = await context.WithStatusAsync(
            "Bringing audience membership up to date", () => session.Audiences.RefreshMembershipAsync(cancellationToken));
        if (context.Json)
        {
            context.WriteJson(AudienceJson.Refresh(refresh));
        }
        else
        {
            context.Out.WriteLine($"Membership is up to date: {AudienceText.Refresh(refresh)}.");
        }

        return ExitCodes.Success;
    }
}
