using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;

namespace Audiences.Cli.Commands;

/// <summary><c>count --kind K</c>: the number of live profiles. --json: <c>{"count":N}</c>.</summary>
internal sealed class CountCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["count"];

    public string Summary => "prints the number of profiles of a kind";

    public IReadOnlyList<OptionSpec> Options { get; } = [CommonOptions.Kind];

    public async Task<int> RunAsync(CommandContext context, CommandOptions options, CancellationToken cancellationToken)
    {
        var kind = Names.ParseKind(options.GetRequired("--kind"));
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var count = await session.Profiles.CountAsync(kind, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(new JsonObject { ["count"] = count });
        }
        else
        {
            context.Out.WriteLine(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return ExitCodes.Success;
    }
}
