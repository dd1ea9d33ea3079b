using System.CommandLine;
using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.Csv;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>profiles upsert --kind K --source S --id ID --set field[:type]=value ...</c>: pushes one record as a host application
/// would (<c>IProfileService.UpsertAsync</c>), matched on its aliases and merged like any import: it joins the profile
/// holding one of its aliases, or creates one. The record is the source's whole record: upserting the same source and id
/// again replaces its earlier values (a field left out is no longer this record's). A value's type is the one given,
/// else the field's type in the catalog, else text. --json: <c>{"import":{...summary},"profile":{...as profiles list}}</c>.
/// </summary>
internal sealed class ProfilesUpsertCommand : CliCommand
{
    private readonly Option<EntityKind> _kind = CommonOptions.Kind();
    private readonly Option<string> _source = Required("--source", "NAME", "the system the record comes from, e.g. app");
    private readonly Option<string> _id = Required("--id", "ID", "the record's id in that system; upserting it again replaces its values");
    private readonly Option<string?> _object = new("--object")
    {
        Description = "the object name in the record's key (default: people or companies)",
        HelpName = "NAME",
        CustomParser = Parsers.One(ImportArguments.Name("--object")),
    };

    private readonly Option<IReadOnlyList<ProfileValueArgument>> _set = new("--set")
    {
        Description = "a value of the record, optionally typed: text, number, boolean, datetime or list (repeat for more)",
        HelpName = "FIELD[:TYPE]=VALUE",
        Arity = ArgumentArity.OneOrMore,
        Required = true,
        CustomParser = Parsers.Each(ProfileValueArgument.Parse),
    };

    private readonly Option<IReadOnlyList<string>?> _match = new("--match")
    {
        Description = "alias fields to match on, comma-separated (default: email,linkedin_url for people, domain for companies)",
        HelpName = "FIELDS",
        CustomParser = Parsers.One(ImportArguments.Match),
    };

    private readonly Option<SourceKind> _sourceKind = new("--source-kind")
    {
        Description = "how the values rank in survivorship (default upsert, above every other source)",
        HelpName = "KIND",
        DefaultValueFactory = _ => SourceKind.Upsert,
        CustomParser = Parsers.One(ImportArguments.SourceKind),
    };

    public ProfilesUpsertCommand()
        : base("upsert", "creates a profile or merges into one by its aliases, from one record of a source; again with the same --source and --id replaces that record's values")
    {
        foreach (var option in new Option[] { _kind, _source, _id, _object, _set, _match, _sourceKind })
        {
            Options.Add(option);
        }
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var kind = parse.GetValue(_kind);
        var key = new SourceRecordKey(parse.GetRequiredValue(_source), parse.GetValue(_object) ?? CsvSourceOptions.DefaultObjectName(kind), parse.GetRequiredValue(_id));
        await using var session = await context.OpenAsync(mustExist: false, cancellationToken);
        var catalog = (await session.Profiles.GetFieldsAsync(kind, cancellationToken)).ToDictionary(f => f.Key, f => f.Type, StringComparer.Ordinal);
        var values = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        foreach (var set in parse.GetValue(_set) ?? [])
        {
            if (string.IsNullOrEmpty(set.Value))
            {
                // An empty value is no value: the record simply does not hold the field.
                values.Remove(set.Field);
                continue;
            }

            var type = set.Type ?? (catalog.TryGetValue(set.Field, out var known) ? known : FieldType.Text);
            values[set.Field] = FieldValue.TryParse(set.Value, type, out var value, out var error)
                ? value
                : throw new InputException($"--set {set.Field}: '{set.Value}' is not a {type.ToName()}: {error}");
        }

        var record = new SourceRecord(key, kind, parse.GetValue(_sourceKind), values);
        var result = await session.Profiles.UpsertAsync([record], new ImportOptions(kind) { MatchOn = parse.GetValue(_match) }, cancellationToken);
        if (result.Rejected > 0)
        {
            context.Error.WriteLine($"error: the record {key} was rejected: {string.Join("; ", result.Errors.Select(e => Formats.OneLine(e.Message)))}");
            return ExitCodes.BadInput;
        }

        var profile = await session.Profiles.FindBySourceRecordAsync(key, cancellationToken)
            ?? throw new InvalidOperationException($"The record {key} was stored but no profile holds it.");
        var refresh = await Membership.RefreshAsync(context, session, cancellationToken);
        if (context.Json)
        {
            var json = new JsonObject { ["import"] = CliJson.ImportResult(result), ["profile"] = CliJson.Profile(profile) };
            Membership.AddTo(json, refresh);
            context.WriteJson(json);
        }
        else
        {
            context.Out.WriteLine($"Upserted {key} ({(result.Created > 0 ? "created a profile" : "joined an existing profile")}):");
            ImportText.Write(context.Out, result);
            ProfileCard.Write(context.Out, profile);
            Membership.Write(context.Out, refresh);
        }

        return ExitCodes.Success;
    }

    private static Option<string> Required(string name, string helpName, string description) => new(name)
    {
        Description = description,
        HelpName = helpName,
        Required = true,
        CustomParser = Parsers.One(ImportArguments.Name(name)),
    };
}
