using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>count --kind K [--filter TEXT]</c>: the number of live profiles, or of those matching the filter
/// (evaluated by the store). --json: <c>{"count":N}</c>, with a filter
/// <c>{"kind":"person","filter":"normalized text","count":N}</c>. A filter error prints the message and
/// a caret under the place on stderr, exit 1.
/// </summary>
internal sealed class CountCommand : CliCommand
{
    private readonly Option<Sdk.Profiles.EntityKind> _kind = CommonOptions.Kind();
    private readonly Option<string> _filter =
        CommonOptions.Filter("count only the profiles matching the filter, e.g. \"score >= 90 and vip = true\" (syntax: docs/filters.md)");

    public CountCommand()
        : base("count", "prints the number of profiles of a kind, or of those matching a filter")
    {
        Options.Add(_kind);
        Options.Add(_filter);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var kind = parse.GetValue(_kind);
        var text = parse.GetValue(_filter);
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        if (text is null)
        {
            var all = await session.Profiles.CountAsync(kind, cancellationToken);
            Write(context, all, new JsonObject { ["count"] = all });
            return ExitCodes.Success;
        }

        var filter = await FilterOption.BindAsync(context, session, kind, text, cancellationToken);
        if (filter is null)
        {
            return ExitCodes.BadInput;
        }

        var count = await FilterOption.EvaluateAsync(() => session.Profiles.CountAsync(filter, cancellationToken).AsTask());
        Write(context, count, new JsonObject { ["kind"] = Names.Kind(kind), ["filter"] = filter.ToString(), ["count"] = count });
        return ExitCodes.Success;
    }

    private static void Write(CommandContext context, long count, JsonObject json)
    {
        if (context.Json)
        {
            context.WriteJson(json);
        }
        else
        {
            context.Out.WriteLine(count.ToString(CultureInfo.InvariantCulture));
        }
    }
}
