using System.CommandLine;
using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.Filtering;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>filter parse TEXT --kind K</c>: reads filter text and prints it as the parser understood it and
/// as versioned JSON. When the database exists the filter is bound to its field catalog (unknown
/// fields and type mismatches are errors, values take the fields' types); otherwise it is parsed
/// unbound (syntax only). --json: <c>{"text":"...","bound":true,"filter":{"version":1,"filter":{...}}}</c>.
/// An error prints the message and a caret under the place on stderr, exit 1.
/// </summary>
internal sealed class FilterParseCommand : CliCommand
{
    private readonly Argument<string> _text = new("TEXT")
    {
        Description = "the filter, e.g. \"title contains 'VP' and company.employee_count < 500\" (quote it for the shell)",
    };

    private readonly Option<Sdk.Profiles.EntityKind> _kind = CommonOptions.Kind();

    public FilterParseCommand()
        : base("parse", "checks filter text and prints it with its JSON; bound to the database's field catalog when the database exists")
    {
        Arguments.Add(_text);
        Options.Add(_kind);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var kind = parse.GetValue(_kind);
        var text = parse.GetRequiredValue(_text);
        var bound = File.Exists(context.DatabasePath);
        Filter filter;
        try
        {
            if (bound)
            {
                await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
                filter = (await session.Profiles.BindFilterAsync(kind, text, cancellationToken)).Filter;
            }
            else
            {
                filter = FilterParser.Parse(text);
            }
        }
        catch (FilterException e)
        {
            FilterErrorText.Write(context.Error, e, text);
            return ExitCodes.BadInput;
        }

        var json = FilterJson.Serialize(filter);
        if (context.Json)
        {
            context.WriteJson(new JsonObject { ["text"] = filter.ToString(), ["bound"] = bound, ["filter"] = JsonNode.Parse(json) });
            return ExitCodes.Success;
        }

        context.Out.WriteLine($"filter: {filter}");
        context.Out.WriteLine($"json:   {json}");
        context.Out.WriteLine(bound
            ? $"checked against the {Names.Kind(kind)} field catalog of {context.DatabasePath}"
            : $"syntax only: there is no database at {context.DatabasePath}, so field names and value types were not checked");
        return ExitCodes.Success;
    }
}
