using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.Filtering;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>filter ai TEXT --kind K</c>: turns one plain-language condition into a filter condition with the
/// SDK's registered <see cref="IFilterInterpreter"/> (the offline <see cref="PhraseFilterInterpreter"/>),
/// against the database's field catalog, and prints it
/// in the text syntax and as versioned JSON. --json: <c>{"input":"...","text":"...","filter":{"version":1,"filter":{...}}}</c>.
/// Text it cannot map prints the reason and the known fields on stderr, exit 1.
/// </summary>
internal sealed class FilterAiCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["filter", "ai"];

    public string Summary => "turns one plain-language condition (\"employee count less than 500\") into a filter condition, offline, against the database's fields";

    public IReadOnlyList<ArgumentSpec> Arguments { get; } =
    [
        new("TEXT", "one condition in plain language, e.g. \"has no work email\" (quote it for the shell)"),
    ];

    public IReadOnlyList<OptionSpec> Options { get; } = [CommonOptions.Kind];

    public async Task<int> RunAsync(CommandContext context, CommandOptions options, CancellationToken cancellationToken)
    {
        var kind = Names.ParseKind(options.GetRequired("--kind"));
        var text = options.GetRequiredArgument("TEXT");
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var catalog = await session.Profiles.GetFilterCatalogAsync(cancellationToken);
        Condition condition;
        try
        {
            condition = await session.FilterInterpreter.InterpretAsync(text, kind, catalog, cancellationToken);
        }
        catch (FilterInterpretationException e)
        {
            FilterErrorText.Write(context.Error, e, text);
            return ExitCodes.BadInput;
        }

        var json = FilterJson.Serialize(condition);
        if (context.Json)
        {
            context.WriteJson(new JsonObject { ["input"] = text, ["text"] = condition.ToString(), ["filter"] = JsonNode.Parse(json) });
            return ExitCodes.Success;
        }

        context.Out.WriteLine($"condition: {condition}");
        context.Out.WriteLine($"json:      {json}");
        return ExitCodes.Success;
    }
}
