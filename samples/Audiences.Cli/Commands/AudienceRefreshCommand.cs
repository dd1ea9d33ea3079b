using Audiences.Cli.Cli;
using Audiences.Cli.Output;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>audience refresh</c>: brings every audience up to the latest profile change, evaluating only the
/// profiles changed since the last refresh, and prints the entries and exits it recorded.
/// --json: <see cref="AudienceJson.Refresh"/>.
/// </summary>
internal sealed class AudienceRefreshCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["audience", "refresh"];

    public string Summary => "brings every audience's membership up to date with the profiles changed since the last refresh";

    public IReadOnlyList<OptionSpec> Options { get; } = [];

    public async Task<int> RunAsync(CommandContext context, CommandOptions options, CancellationToken cancellationToken)
    {
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var refresh = await session.Audiences.RefreshMembershipAsync(cancellationToken);
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
