using System.CommandLine;
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
internal sealed class FilterAiCommand : CliCommand
{
    private readonly Argument<string> _text = new("TEXT")
    {
        Description = "one condition in plain language, e.g. \"has no work email\" (quote it for the shell)",
    };

    private readonly Option<Sdk.Profiles.EntityKind> _kind = CommonOptions.Kind();

    public FilterAiCommand()
        : base("ai", "turns one plain-language condition (\"employee count less than 500\") into a filter condition, offline, against the database's fields")
    {
        Arguments.Add(_text);
        Options.Add(_kind);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var kind = parse.GetValue(_kind);
        var text = parse.GetRequiredValue(_text);
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
